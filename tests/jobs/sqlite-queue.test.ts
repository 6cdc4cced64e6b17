import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it, onTestFinished } from "vitest";
import { startJobRunner } from "../../src/jobs/job-runner.ts";
import { createVerifyPool } from "../../src/jobs/verify-pool.ts";
import { createSqliteStore, type SqliteStore } from "../../src/store/sqlite-store.ts";
import { queuedUpload } from "./queued-upload.ts";

describe("the embedded SQLite job queue", () => {
  it("lets two processes' runners on one database file share the jobs, each verified once", async () => {
    const path = join(tempDir(), "claimcheck.db");
    const [a, b] = [open(path), open(path)];
    const ids = ["j-1", "j-2", "j-3", "j-4", "j-5", "j-6"];
    for (const [i, id] of ids.entries()) await a.saveUpload(queuedUpload(40 + i), id);
    await Promise.all([run(a), run(b)]);
    await ended(a, ids);
    expect({
      attempts: await Promise.all(
        ids.map(async (id) => [(await a.getUpload(id))?.status, (await a.getUpload(id))?.attempts]),
      ),
      submissions: (await b.listSubmissions()).map((s) => s.id),
    }).toEqual({ attempts: ids.map(() => ["done", 1]), submissions: ids });
  });

  it("takes over a job whose worker died once its lease runs out, and counts the attempt", async () => {
    const path = join(tempDir(), "claimcheck.db");
    const store = open(path);
    await store.saveUpload(queuedUpload(30), "j-dead");
    // A worker took the job (attempt 1) and died holding a lease that ends in 300 ms.
    await store.startUpload("j-dead", "2026-08-01T10:00:01.000Z");
    raw(path)
      .prepare("UPDATE uploads SET lease_until = ? WHERE id = 'j-dead'")
      .run(Date.now() + 300);
    const started = Date.now();
    await run(store);
    await ended(store, ["j-dead"]);
    const record = await store.getUpload("j-dead");
    expect([record?.status, record?.attempts, Date.now() - started >= 300]).toEqual(["done", 2, true]);
  });

  it("ends a job failed, with the reason, when its worker died on every attempt", async () => {
    const path = join(tempDir(), "claimcheck.db");
    const store = open(path);
    await store.saveUpload(queuedUpload(30), "j-oom");
    raw(path).prepare("UPDATE uploads SET status = 'running', attempts = 3 WHERE id = 'j-oom'").run();
    await run(store);
    await ended(store, ["j-oom"]);
    const record = await store.getUpload("j-oom");
    expect([record?.status, record?.attempts, record?.error]).toEqual([
      "failed",
      4,
      {
        message:
          "Verification stopped 3 times before it finished (the worker was killed or ran out of memory); nothing was judged. Upload smaller files or ask the program office.",
        findings: [],
      },
    ]);
  });
});

// --- internal ---

function open(path: string): SqliteStore {
  const store = createSqliteStore(path, { queue: { pollMs: 20, leaseMs: 1000 } });
  onTestFinished(() => store.close());
  return store;
}

async function run(store: SqliteStore): Promise<void> {
  const log = () => {};
  const runner = await startJobRunner({
    store,
    queue: store.queue,
    pool: createVerifyPool({ size: 1, log }),
    log,
  });
  onTestFinished(() => runner.stop());
}

function raw(path: string): Database.Database {
  const db = new Database(path);
  onTestFinished(() => {
    db.close();
  });
  return db;
}

async function ended(store: SqliteStore, ids: string[]): Promise<void> {
  for (let i = 0; i < 1500; i++) {
    const open = await Promise.all(ids.map(async (id) => (await store.getUpload(id))?.status));
    if (open.every((s) => s === "done" || s === "failed")) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("the jobs did not end");
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "claimcheck-queue-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
