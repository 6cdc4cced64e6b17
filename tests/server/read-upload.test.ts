import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipSync } from "fflate";
import { describe, expect, it, onTestFinished } from "vitest";
import { createApp } from "../../src/server/app.ts";
import { HttpError } from "../../src/server/http-error.ts";
import { DEFAULT_LIMITS } from "../../src/server/limits.ts";
import { discardUpload, readUpload, type Upload } from "../../src/server/read-upload.ts";
import { createSqliteStore } from "../../src/store/sqlite-store.ts";
import { fixture, type Part, uploadInit } from "./helpers.ts";

// 3 MiB of a real CSV (1.2-pass candidate rows repeated): past the size that is spooled to disk.
const BIG = repeatTo(fixture("1.2-pass/candidate.csv"), 3 * 1024 * 1024);

describe("readUpload", () => {
  it("spools a large file to its folder as it streams, hashes it, and keeps a small one in memory", async () => {
    const dir = tempDir();
    const upload = await read(dir, {
      topic: "1.2",
      candidate: { name: "candidate.csv", bytes: BIG },
      baseline: { name: "baseline.csv", bytes: fixture("1.2-pass/baseline.csv") },
    });
    expect(upload.kind).toBe("files");
    const [candidate, baseline] = upload.kind === "files" ? upload.files : [];
    const spooled = readdirSync(dir);
    expect(spooled).toHaveLength(1);
    expect(candidate).toEqual({
      field: "candidate",
      name: "candidate.csv",
      sha256: sha(BIG),
      content: { file: join(dir, spooled[0] as string), size: BIG.length },
    });
    expect(sha(readFileSync(join(dir, spooled[0] as string)))).toBe(sha(BIG));
    expect(baseline?.content).toEqual({ bytes: fixture("1.2-pass/baseline.csv") });
    await discardUpload(upload);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("leaves no file behind when it refuses an upload after spooling part of it", async () => {
    const dir = tempDir();
    const binary = BIG.slice();
    binary[10] = 0;
    const refusals = [
      // A NUL in the first 8 KiB: not a result file.
      { candidate: { name: "candidate.csv", bytes: binary }, topic: "1.2" },
      // A zip's magic bytes missing.
      { submission: { name: "s.zip", bytes: BIG, type: "application/zip" } },
      // Both a zip and evidence files.
      {
        candidate: { name: "candidate.csv", bytes: BIG },
        submission: { name: "s.zip", bytes: zipSync({ "a.csv": BIG }), type: "application/zip" },
      },
    ];
    const statuses: number[] = [];
    for (const fields of refusals) {
      statuses.push(await read(dir, fields).then(() => 0, statusOf));
    }
    expect(statuses).toEqual([415, 415, 400]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("leaves no file behind when the body breaks off mid-file", async () => {
    const dir = tempDir();
    const { body, headers } = new Request("http://claimcheck.test/", {
      method: "POST",
      ...uploadInit(undefined, { topic: "1.2", candidate: { name: "candidate.csv", bytes: BIG } }),
    });
    const reader = (body as ReadableStream<Uint8Array>).getReader();
    let sent = 0;
    const broken = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { value, done } = await reader.read();
        if (done || sent > 2 * 1024 * 1024) controller.error(new Error("connection reset"));
        else {
          sent += value.length;
          controller.enqueue(value);
        }
      },
    });
    const request = new Request("http://claimcheck.test/", {
      method: "POST",
      body: broken,
      headers,
      duplex: "half",
    } as RequestInit);
    await expect(readUpload(request, DEFAULT_LIMITS, dir)).rejects.toThrow("connection reset");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("hands a large zip back in memory (its manifest is read on the request path) and keeps no file", async () => {
    const dir = tempDir();
    const zip = zipSync(
      { "claimcheck.yaml": new TextEncoder().encode("topic: '1.2'\n"), "c.csv": BIG },
      { level: 0 },
    );
    const upload = await read(dir, { submission: { name: "s.zip", bytes: zip, type: "application/zip" } });
    expect(upload.kind === "zip" ? [upload.zip.sha256, sha(upload.zip.bytes)] : []).toEqual([
      sha(zip),
      sha(zip),
    ]);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("POST /api/submissions on a SQLite store kept in files", () => {
  it("moves the spooled file into the input folder under its SHA-256 and leaves no spool file", async () => {
    const dir = tempDir();
    const store = createSqliteStore(join(dir, "claimcheck.db"));
    onTestFinished(() => store.close());
    const token = await store.createToken({ role: "team", team: "Team A" }, "2026-08-01T00:00:00.000Z");
    const handle = createApp({ store, log: () => {} });
    const response = await handle(
      new Request(
        "http://claimcheck.test/api/submissions",
        uploadInit(token, { topic: "1.2", candidate: { name: "candidate.csv", bytes: BIG } }),
      ),
    );
    expect(response.status).toBe(202);
    expect(store.spoolDir).toBe(join(dir, "claimcheck.db-inputs"));
    expect(readdirSync(store.spoolDir)).toEqual([sha(BIG)]);
    const stored = await store.readInput(sha(BIG));
    expect(stored === undefined ? undefined : sha(stored)).toBe(sha(BIG));
  });
});

// --- internal ---

async function read(dir: string, fields: Record<string, Part>): Promise<Upload> {
  const request = new Request("http://claimcheck.test/api/submissions", uploadInit(undefined, fields));
  return readUpload(request, DEFAULT_LIMITS, dir);
}

function statusOf(error: unknown): number {
  if (error instanceof HttpError) return error.status;
  throw error;
}

function repeatTo(bytes: Uint8Array, size: number): Uint8Array {
  const text = new TextDecoder().decode(bytes);
  const [header, ...rows] = text.trimEnd().split("\n");
  let body = `${header}\n`;
  while (body.length < size) body += `${rows.join("\n")}\n`;
  return new TextEncoder().encode(body);
}

function sha(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "claimcheck-spool-test-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
