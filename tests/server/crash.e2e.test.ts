import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it, onTestFinished } from "vitest";
import { createSqliteStore } from "../../src/store/sqlite-store.ts";
import { REPO } from "../cli/run-cli.ts";
import { head, uploadInit } from "./helpers.ts";

describe("claimcheck serve killed during uploads", () => {
  it("keeps every upload it answered 201 and no half-stored one after SIGKILL and a restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "claimcheck-crash-"));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const db = join(dir, "claimcheck.db");
    const team = createToken(["--team", "Team A"], db);
    const officer = createToken(["--officer", "Dr. Li"], db);

    const first = await serve(db);
    const answered: string[] = [];
    let unanswered = 0;
    let sent = 0;
    // Four clients upload back to back, so uploads are in flight (being read, verified or stored) at the kill.
    const uploads = Array.from({ length: 4 }, async () => {
      while (first.child.exitCode === null && first.child.signalCode === null) {
        const rows = 100 + ((sent++ * 37) % 900);
        try {
          const response = await fetch(
            `${first.url}/api/submissions?wait=true`,
            uploadInit(team, fields(rows)),
          );
          if (response.status === 201) answered.push(((await response.json()) as { id: string }).id);
          else unanswered++;
        } catch {
          unanswered++;
        }
      }
    });
    await until(() => answered.length >= 6);
    startSlowUpload(first.url, team);
    first.child.kill("SIGKILL");
    await Promise.all(uploads);
    await exited(first.child);

    const second = await serve(db);
    const listed = (await (
      await fetch(`${second.url}/api/topics/1.2/submissions`, {
        headers: { authorization: `Bearer ${officer}` },
      })
    ).json()) as { id: string }[];
    second.child.kill("SIGTERM");
    await exited(second.child);

    const ids = listed.map((s) => s.id);
    expect(answered.filter((id) => !ids.includes(id))).toEqual([]);
    expect(await halfStored(db, ids)).toEqual([]);
    const raw = new Database(db, { readonly: true });
    expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
    raw.close();
    process.stderr.write(
      `server crash test: ${sent + 1} uploads started, ${answered.length} answered 201 before SIGKILL, ${unanswered + 1} cut off by it (1 mid-body), ${ids.length} stored after restart, lost: 0, half-stored: 0\n`,
    );
  }, 45_000);
});

// --- internal ---

function createToken(args: string[], db: string): string {
  const run = spawnSync(process.execPath, ["bin/claimcheck", "token", "create", ...args, "--db", db], {
    cwd: REPO,
    encoding: "utf8",
  });
  expect(run.status).toBe(0);
  return run.stdout.trim();
}

async function serve(db: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["bin/claimcheck", "serve", "--port", "0", "--db", db], {
    cwd: REPO,
    stdio: ["ignore", "ignore", "pipe"],
  });
  onTestFinished(() => {
    if (child.exitCode === null) child.kill("SIGKILL");
  });
  let stderr = "";
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(stderr);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.once("exit", () => reject(new Error(`claimcheck serve exited early:\n${stderr}`)));
  });
  return { url, child };
}

function fields(rows: number) {
  return {
    topic: "1.2",
    candidate: { name: "candidate.csv", bytes: head("1.2-pass/candidate.csv", rows) },
    baseline: { name: "baseline.csv", bytes: head("1.2-pass/baseline.csv", rows) },
  };
}

/** Sends half of a multipart body and never the rest, so the kill lands in the middle of an upload. */
function startSlowUpload(url: string, token: string): void {
  const request = httpRequest(`${url}/api/submissions`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "multipart/form-data; boundary=XYZ",
      "content-length": "1000000",
    },
  });
  request.on("error", () => undefined);
  request.write('--XYZ\r\nContent-Disposition: form-data; name="topic"\r\n\r\n1.2\r\n--XYZ\r\n');
}

/** Submissions whose inputs are not all stored with the bytes their SHA-256 names. */
async function halfStored(db: string, ids: string[]): Promise<string[]> {
  const store = createSqliteStore(db);
  const broken: string[] = [];
  for (const id of ids) {
    const record = await store.getSubmission(id);
    const inputs = record?.inputs ?? [];
    let whole = record !== undefined && inputs.length === record.report.inputs.length;
    for (const input of inputs) {
      const bytes = await store.readInput(input.sha256);
      whole &&= bytes !== undefined && createHash("sha256").update(bytes).digest("hex") === input.sha256;
    }
    if (!whole) broken.push(id);
  }
  await store.close();
  return broken;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 15_000) throw new Error("timed out waiting for the first answers");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
