import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { createApp } from "../../src/server/app.ts";
import { startServer } from "../../src/server/start-server.ts";
import { createSqliteStore } from "../../src/store/sqlite-store.ts";
import { REPO } from "../cli/run-cli.ts";
import { head, uploadInit } from "./helpers.ts";

describe("claimcheck serve under load and faults", () => {
  it("stores every one of 48 concurrent uploads exactly once (loopback load test)", async () => {
    const dir = tempDir();
    const store = createSqliteStore(join(dir, "claimcheck.db"));
    onTestFinished(() => store.close());
    const team = await store.createToken({ role: "team", team: "Team A" }, "2026-08-01T00:00:00.000Z");
    const server = await startServer({ store, port: 0, log: () => {} });
    onTestFinished(() => server.close());
    const uploads = 48;
    const concurrency = 12;
    const started = performance.now();
    const answers: { status: number; id?: string }[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < uploads) {
          const i = next++;
          // Distinct files (60 + i requests), so no two uploads are deduplicated into one.
          const response = await fetch(
            `${server.url}/api/submissions?wait=true`,
            uploadInit(team, fields(60 + i)),
          );
          answers.push({ status: response.status, ...((await response.json()) as { id?: string }) });
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const ids = answers.map((a) => a.id);
    const stored = (await store.listSubmissions()).map((s) => s.id);
    expect(answers.map((a) => a.status)).toEqual(Array(uploads).fill(201));
    expect([new Set(ids).size, stored.length, [...stored].sort()]).toEqual([
      uploads,
      uploads,
      [...ids].sort(),
    ]);
    process.stderr.write(
      `server load test: ${uploads} uploads (${concurrency} at a time) in ${seconds.toFixed(1)} s, failures: 0, lost: 0, duplicated: 0\n`,
    );
  }, 60_000);

  it("answers 507 on a full disk, stores nothing of that upload, and keeps the earlier ones", async () => {
    const store = createSqliteStore(join(tempDir(), "claimcheck.db"), { maxPageCount: 48 });
    onTestFinished(() => store.close());
    const team = await store.createToken({ role: "team", team: "Team A" }, "2026-08-01T00:00:00.000Z");
    const logged: string[] = [];
    const handle = createApp({ store, log: (line) => logged.push(line) });
    const statuses: number[] = [];
    for (let i = 0; statuses.at(-1) !== 507 && i < 50; i++) {
      const response = await handle(
        new Request("http://claimcheck.test/api/submissions", uploadInit(team, fields(200 + i))),
      );
      statuses.push(response.status);
      if (response.status === 507) {
        expect(await response.json()).toEqual({
          error:
            "The server could not store the upload (its disk is full or failing); nothing was stored. Try again later.",
        });
      }
    }
    // No worker runs here: each accepted upload stays queued, whole, for one to verify later.
    const accepted = statuses.filter((s) => s === 202).length;
    const queued = await store.listUnfinishedUploads("9999-01-01T00:00:00.000Z");
    expect([statuses.at(-1), accepted > 0, queued.length]).toEqual([507, true, accepted]);
    expect(logged.join("\n")).toMatch(/SQLITE_FULL/);
    process.stderr.write(`server disk full: ${accepted} uploads stored, 1 answered 507, lost: 0\n`);
  }, 60_000);

  it("closes a stalled upload with 408 after the request time limit", async () => {
    const store = createSqliteStore(":memory:");
    onTestFinished(() => store.close());
    const team = await store.createToken({ role: "team", team: "Team A" }, "2026-08-01T00:00:00.000Z");
    const server = await startServer({ store, port: 0, requestTimeoutMs: 400, log: () => {} });
    onTestFinished(() => server.close());
    const { port } = new URL(server.url);
    const started = performance.now();
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), "127.0.0.1", () => {
        socket.write(
          `POST /api/submissions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${team}\r\nContent-Type: multipart/form-data; boundary=B\r\nContent-Length: 100000\r\n\r\n--B\r\n`,
        );
      });
      let received = "";
      socket.on("data", (chunk) => {
        received += chunk.toString();
      });
      socket.on("close", () => resolve(received));
      socket.on("error", () => resolve(received));
    });
    expect(answer.split("\r\n")[0]).toBe("HTTP/1.1 408 Request Timeout");
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("refuses to start on a damaged database file with exit 3 and a clear message", () => {
    const db = join(tempDir(), "claimcheck.db");
    writeFileSync(db, "this is not a database, but somebody's only copy of one".repeat(200));
    const run = spawnSync(process.execPath, ["bin/claimcheck", "serve", "--port", "0", "--db", db], {
      cwd: REPO,
      encoding: "utf8",
      timeout: 15_000,
    });
    expect([run.status, /\n\s+at /.test(run.stderr)]).toEqual([3, false]);
    expect(run.stderr).toMatch(
      /is damaged or not a claimcheck database \(file is not a database\); nothing was changed/,
    );
  });
});

// --- internal ---

function fields(rows: number) {
  return {
    topic: "1.2",
    candidate: { name: "candidate.csv", bytes: head("1.2-pass/candidate.csv", rows) },
    baseline: { name: "baseline.csv", bytes: head("1.2-pass/baseline.csv", rows) },
  };
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "claimcheck-serve-faults-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
