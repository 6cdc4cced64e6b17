// pg-boss over graphile-worker: graphile-worker's current version needs Node >= 22.18 and we support
// Node 20; pg-boss 10 runs on Node 20 and is plain tables claimed with SELECT … FOR UPDATE SKIP
// LOCKED, with retries and expiry built in, so any number of worker processes on any number of
// machines share one queue, each job is fetched by one of them, and a job whose worker was killed
// expires and is retried by another.
import PgBoss from "pg-boss";
import { ClaimcheckError } from "../model/errors.ts";
import { redact } from "../store/postgres-store.ts";
import { DEFAULT_JOB_TIMEOUT_S, type JobQueue, MAX_ATTEMPTS } from "./job-queue.ts";

export interface PgBossQueueOptions {
  /**
   * Seconds a job may run before it is presumed dead and retried elsewhere (pg-boss 10 has no
   * heartbeat, so this is also how long a killed worker's job waits). @default 600
   */
  jobTimeoutS?: number;
  /** How often an idle worker polls. @default 1 */
  pollingIntervalS?: number;
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
    // Expired jobs are looked for this often: a quarter of the timeout, so a killed worker's job waits
    // at most 1.25 timeouts, and at least every 30 s.
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
  } catch (cause) {
    await boss.stop({ graceful: false }).catch(() => {});
    throw new ClaimcheckError(
      "E_IO",
      `Cannot start the job queue in ${redact(url)} (${(cause as Error).message}).`,
      { cause },
    );
  }
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
              if (job !== undefined) await handler(job.data.upload);
            },
          ),
        );
      }
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    },
  };
}
