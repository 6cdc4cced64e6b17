// pg-boss over graphile-worker: graphile-worker's current version needs Node >= 22.18 and we support
// Node 20; pg-boss 10 runs on Node 20 and is plain tables claimed with SELECT … FOR UPDATE SKIP
// LOCKED, with retries and expiry built in, so any number of worker processes on any number of
// machines share one queue and each job is fetched by one of them. pg-boss 10 has no heartbeat (11
// has one but needs Node 22), so this queue adds its own (`job-lease.ts`): a running job's lease is
// renewed every few seconds, and a job whose worker was killed is given back through `boss.fail`
// once its lease lapses, long before the job timeout, which stays the upper bound of a run.
import { randomUUID } from "node:crypto";
import PgBoss from "pg-boss";
import { ClaimcheckError } from "../model/errors.ts";
import { redact } from "../store/postgres-store.ts";
import { createLeaseTable, type JobLeaseOptions, type JobLeases, openJobLeases } from "./job-lease.ts";
import { DEFAULT_JOB_TIMEOUT_S, type JobQueue, MAX_ATTEMPTS } from "./job-queue.ts";

export interface PgBossQueueOptions {
  /**
   * Seconds a job may run before it is stopped and retried elsewhere: the upper bound of one run. A
   * killed worker's job comes back sooner, when its lease lapses (`heartbeat`). @default 600
   */
  jobTimeoutS?: number;
  /** How often an idle worker polls. @default 1 */
  pollingIntervalS?: number;
  /** Lease, renewal and sweep periods of the heartbeat. @default { leaseS: 30, renewEveryS: 5, sweepEveryS: 5 } */
  heartbeat?: JobLeaseOptions;
  log: (line: string) => void;
}

export const VERIFY_QUEUE = "claimcheck-verify";

/** The job queue on PostgreSQL, in the `pgboss` schema of the store's database. */
export async function createPgBossQueue(url: string, options: PgBossQueueOptions): Promise<JobQueue> {
  const jobTimeoutS = options.jobTimeoutS ?? DEFAULT_JOB_TIMEOUT_S;
  const boss = new PgBoss({
    connectionString: url,
    max: 4,
    schedule: false,
    // Expired jobs are looked for this often: a quarter of the timeout, so a job that overran the
    // timeout is retried after at most 1.25 timeouts, and at least every 30 s.
    maintenanceIntervalSeconds: Math.max(1, Math.min(30, Math.floor(jobTimeoutS / 4))),
  });
  boss.on("error", (error) => options.log(`claimcheck: job queue: ${error.message}`));
  try {
    await boss.start();
    if ((await boss.getQueue(VERIFY_QUEUE)) === null) {
      // Two processes starting together may both create it; the loser's error is harmless.
      await boss.createQueue(VERIFY_QUEUE).catch(async (error) => {
        if ((await boss.getQueue(VERIFY_QUEUE)) === null) throw error;
      });
    }
    await createLeaseTable(boss.getDb());
  } catch (cause) {
    await boss.stop({ graceful: false }).catch(() => {});
    throw new ClaimcheckError(
      "E_IO",
      `Cannot start the job queue in ${redact(url)} (${(cause as Error).message}).`,
      { cause },
    );
  }
  const heartbeat = { leaseS: 30, renewEveryS: 5, sweepEveryS: 5, ...options.heartbeat };
  const leases = openJobLeases(boss.getDb(), randomUUID(), heartbeat.leaseS);
  // Every process of the queue sweeps, the server too: a job comes back while any of them runs.
  const stopSweeping = startSweeper(boss, leases, heartbeat.sweepEveryS, options.log);
  const workers: string[] = [];
  return {
    async send(uploadId) {
      // The upload id is the job id: sending it again while the job exists does nothing.
      await boss.send(
        VERIFY_QUEUE,
        { upload: uploadId },
        {
          id: uploadId,
          expireInSeconds: jobTimeoutS,
          // One more than the runner allows, so the last retry can record that it gave up.
          retryLimit: MAX_ATTEMPTS,
          retryDelay: 1,
        },
      );
    },
    async work(handler, { concurrency }) {
      for (let i = 0; i < concurrency; i++) {
        workers.push(
          await boss.work<{ upload: string }>(
            VERIFY_QUEUE,
            { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalS ?? 1 },
            async ([job]) => {
              if (job === undefined) return;
              await runLeased(job.id, () => handler(job.data.upload), leases, heartbeat, options.log);
            },
          ),
        );
      }
    },
    async stop() {
      stopSweeping();
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    },
  };
}

// --- internal ---

/** Runs `run` while renewing the job's lease; the lease goes when it settles, either way. */
async function runLeased(
  jobId: string,
  run: () => Promise<void>,
  leases: JobLeases,
  heartbeat: { renewEveryS: number },
  log: (line: string) => void,
): Promise<void> {
  // A failed renewal is logged, not thrown: the next one comes well before the lease lapses, and a
  // just-fetched job has the lease's length as grace before its first row.
  const renew = () =>
    leases
      .renew(jobId)
      .catch((error) =>
        log(`claimcheck: could not renew the lease of job ${jobId} (${(error as Error).message})`),
      );
  await renew();
  const timer = setInterval(renew, heartbeat.renewEveryS * 1000);
  timer.unref();
  try {
    await run();
  } finally {
    clearInterval(timer);
    // Left behind, the row simply lapses; nothing waits on it.
    await leases.release(jobId).catch(() => {});
  }
}

/**
 * Every `everyS` seconds, fails the queue's active jobs whose lease lapsed, so pg-boss retries them
 * (or ends them failed after the retry limit). A late return of a worker that was in fact alive is
 * harmless: pg-boss's complete only touches an active job, and the upload is finished once only.
 */
function startSweeper(
  boss: PgBoss,
  leases: JobLeases,
  everyS: number,
  log: (line: string) => void,
): () => void {
  let sweeping = false;
  const timer = setInterval(async () => {
    if (sweeping) return;
    sweeping = true;
    try {
      const lapsed = await leases.findLapsed(VERIFY_QUEUE);
      // The retry delay (1 s) keeps the failed job from being fetched again before a second
      // sweeper that saw it too fails it, so that one's fail still finds it waiting, not running.
      for (const id of lapsed) {
        await boss.fail(VERIFY_QUEUE, id, { message: "the worker's lease lapsed" });
        log(`claimcheck: upload ${id} lost its worker (lease lapsed); given back for a retry`);
      }
      await leases.dropLapsed();
    } catch (error) {
      log(
        `claimcheck: could not look for lapsed job leases (${(error as Error).message}); trying again later`,
      );
    } finally {
      sweeping = false;
    }
  }, everyS * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
