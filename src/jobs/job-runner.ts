import type { Store } from "../store/store.ts";
import { type JobQueue, MAX_ATTEMPTS } from "./job-queue.ts";
import type { VerifyPool } from "./verify-pool.ts";

export interface JobRunnerOptions {
  store: Store;
  queue: JobQueue;
  pool: VerifyPool;
  /** The clock for start and finish times. @default () => new Date() */
  now?: () => Date;
  log: (line: string) => void;
  /**
   * How often unfinished uploads older than this are sent again, in case the process that stored
   * one died before its job was sent (the queue runs an id once). @default 60_000
   */
  resendAfterMs?: number;
}

export interface JobRunner {
  stop(): Promise<void>;
}

/**
 * Takes verification jobs from the queue, verifies them in the pool and stores the outcome: the
 * verified submission, or the reason it failed. A job whose thread or process died is retried by
 * the queue, and ends `failed` after MAX_ATTEMPTS starts; finishing is once only, so an upload
 * verified twice (a worker that was presumed dead) is still stored once.
 */
export async function startJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  const { store, queue, pool, log } = options;
  const now = options.now ?? (() => new Date());
  await queue.work(async (id) => runJob(id, options, now), { concurrency: pool.size });
  const resendAfterMs = options.resendAfterMs ?? 60_000;
  const resend = setInterval(async () => {
    try {
      const before = new Date(now().getTime() - resendAfterMs).toISOString();
      for (const id of await store.listUnfinishedUploads(before)) await queue.send(id);
    } catch (error) {
      log(
        `claimcheck: could not look for unfinished uploads (${(error as Error).message}); trying again later`,
      );
    }
  }, resendAfterMs);
  resend.unref();
  return {
    async stop() {
      clearInterval(resend);
      await queue.stop();
    },
  };
}

// --- internal ---

async function runJob(id: string, options: JobRunnerOptions, now: () => Date): Promise<void> {
  const work = await options.store.startUpload(id, now().toISOString());
  if (work === undefined) return; // already ended: another worker finished it
  options.log(`claimcheck: verifying upload ${id} (attempt ${work.attempts})`);
  if (work.attempts > MAX_ATTEMPTS) {
    const message = `Verification stopped ${MAX_ATTEMPTS} times before it finished (the worker was killed or ran out of memory); nothing was judged. Upload smaller files or ask the program office.`;
    await options.store.finishUpload(
      id,
      { kind: "error", error: { message, findings: [] } },
      now().toISOString(),
    );
    return;
  }
  // A WorkerDiedError propagates: the queue gives the job back for a retry.
  const started = performance.now();
  const outcome = await options.pool.run(work);
  const stored = await options.store.finishUpload(id, outcome, now().toISOString());
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  options.log(
    stored
      ? `claimcheck: upload ${id} ${outcome.kind} in ${seconds} s`
      : `claimcheck: upload ${id} had already ended; this run's result (${seconds} s) was dropped`,
  );
}
