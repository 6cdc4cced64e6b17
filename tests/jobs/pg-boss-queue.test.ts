import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it, onTestFinished } from "vitest";
import type { JobLeaseOptions } from "../../src/jobs/job-lease.ts";
import type { JobQueue } from "../../src/jobs/job-queue.ts";
import { startJobRunner } from "../../src/jobs/job-runner.ts";
import { createPgBossQueue } from "../../src/jobs/pg-boss-queue.ts";
import { createVerifyPool } from "../../src/jobs/verify-pool.ts";
import { createPostgresStore } from "../../src/store/postgres-store.ts";
import type { Store } from "../../src/store/store.ts";
import { freshDatabase, NO_PG, TEST_PG } from "../store/postgres-test-db.ts";
import { queuedUpload } from "./queued-upload.ts";

// Short periods so a lapse takes seconds; the job timeout stays at its default, ten minutes.
const QUICK: JobLeaseOptions = { leaseS: 2, renewEveryS: 0.25, sweepEveryS: 0.25 };

describe.skipIf(TEST_PG === undefined)(
  TEST_PG === undefined ? `the pg-boss job queue (${NO_PG})` : "the pg-boss job queue",
  () => {
    it("gives a held job whose lease lapsed to another worker long before the job timeout, verified once", async () => {
      const db = await freshDatabase();
      const store = await openStore(db);
      const id = randomUUID();
      await store.saveUpload(queuedUpload(30), id);
      // The holder starts attempt 1 and then hangs with its heartbeat stopped, as after kill -9: its
      // one renewal is at the start and the next would come in an hour.
      const holder = await openQueue(db, { ...QUICK, renewEveryS: 3600 });
      const late = hang();
      let held = 0;
      await holder.work(
        async (uploadId) => {
          await store.startUpload(uploadId, "2026-08-01T10:00:01.000Z");
          held = performance.now();
          await late.promise;
        },
        { concurrency: 1 },
      );
      await holder.send(id);
      await until(async () => held > 0);
      const taker = await openQueue(db, QUICK);
      const lines: string[] = [];
      const log = (line: string) => lines.push(line);
      const runner = await startJobRunner({
        store,
        queue: taker,
        pool: createVerifyPool({ size: 1, log }),
        log,
      });
      onTestFinished(() => runner.stop());
      await until(async () => (await store.getUpload(id))?.status === "done");
      const tookOverAfterS = (performance.now() - held) / 1000;
      // The holder's handler returns at last: pg-boss's complete finds no active job, nothing changes.
      late.resolve();
      await new Promise((resolve) => setTimeout(resolve, 500));
      const record = await store.getUpload(id);
      expect({
        upload: [record?.status, record?.attempts],
        verifiedBy: lines.filter((line) => /upload \S+ (verified|rejected|error) in/.test(line)).length,
        job: await jobRow(db, id),
        waitedForTheLease: tookOverAfterS >= (QUICK.leaseS ?? 0),
        beforeTheJobTimeout: tookOverAfterS < 15,
      }).toEqual({
        upload: ["done", 2],
        verifiedBy: 1,
        job: { state: "completed", retry_count: 1, leases: 0 },
        waitedForTheLease: true,
        beforeTheJobTimeout: true,
      });
      process.stderr.write(
        `PostgreSQL heartbeat: held job taken over ${tookOverAfterS.toFixed(1)} s after its last renewal (lease ${QUICK.leaseS} s, job timeout 600 s)\n`,
      );
    }, 60_000);

    it("leaves a job whose worker keeps renewing its lease with that worker, however long it runs", async () => {
      const db = await freshDatabase();
      const id = randomUUID();
      const ran: string[] = [];
      const [a, b] = [await openQueue(db, QUICK), await openQueue(db, QUICK)];
      await a.work(
        async () => {
          ran.push("a");
          await new Promise((resolve) => setTimeout(resolve, 3 * 2000));
        },
        { concurrency: 1 },
      );
      await a.send(id);
      await until(async () => ran.length > 0);
      // b sweeps and fetches all along: it would take the job if a's lease lapsed.
      await b.work(async () => void ran.push("b"), { concurrency: 1 });
      await until(async () => (await jobRow(db, id)).state === "completed");
      expect({ ran, job: await jobRow(db, id) }).toEqual({
        ran: ["a"],
        job: { state: "completed", retry_count: 0, leases: 0 },
      });
    }, 60_000);
  },
);

// --- internal ---

async function openStore(db: string): Promise<Store> {
  const store = await createPostgresStore(db);
  onTestFinished(() => store.close());
  return store;
}

async function openQueue(db: string, heartbeat: JobLeaseOptions): Promise<JobQueue> {
  const queue = await createPgBossQueue(db, { heartbeat, log: () => {} });
  onTestFinished(() => queue.stop());
  return queue;
}

/** The job's pg-boss state and retry count, and how many lease rows it still has. */
async function jobRow(
  db: string,
  id: string,
): Promise<{ state: string; retry_count: number; leases: number }> {
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT state, retry_count,
         (SELECT count(*)::int FROM pgboss.claimcheck_job_leases WHERE job_id = $1) AS leases
       FROM pgboss.job WHERE id = $1`,
      [id],
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

function hang(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

async function until(done: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
