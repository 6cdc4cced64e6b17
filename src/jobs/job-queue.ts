/** How a queue hands out verification jobs; one job per upload, named by the upload's id. */
export interface JobQueue {
  /** Makes the job of a stored upload visible to workers; sending an id twice runs it once. */
  send(uploadId: string): Promise<void>;
  /**
   * Runs `handler` on jobs, at most `concurrency` at a time, until `stop`. A handler that returns has
   * settled its job; one that throws (its worker died) has the job retried, by this or another process.
   */
  work(handler: (uploadId: string) => Promise<void>, options: WorkOptions): Promise<void>;
  /** Stops taking jobs and waits for the running ones. */
  stop(): Promise<void>;
}

export interface WorkOptions {
  /** Jobs run at once by this process. @default 1 */
  concurrency: number;
}

/** How long a job may run before another worker takes it over (pg-boss: its expiry). */
export const DEFAULT_JOB_TIMEOUT_S = 600;

/**
 * Verification runs this many times at most. A job whose worker dies this often (killed, out of
 * memory) ends `failed` rather than being retried for ever.
 */
export const MAX_ATTEMPTS = 3;
