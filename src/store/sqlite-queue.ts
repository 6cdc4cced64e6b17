import type { Database } from "better-sqlite3";
import type { JobQueue, WorkOptions } from "../jobs/job-queue.ts";

export interface SqliteQueueOptions {
  /**
   * A worker holds a job this long and renews it every third of it; a process that dies lets its
   * jobs go after at most this long. @default 30_000
   */
  leaseMs?: number;
  /** How often an idle worker looks for a job another process queued. @default 500 */
  pollMs?: number;
}

/**
 * The embedded job queue: the `uploads` table itself. A job is an upload not yet ended whose lease is
 * free or expired; claiming it is one UPDATE, which SQLite runs alone (one writer), so two processes on
 * the same file never take the same job while its lease runs.
 */
export function createSqliteQueue(db: Database, options: SqliteQueueOptions = {}): JobQueue {
  const leaseMs = options.leaseMs ?? 30_000;
  const pollMs = options.pollMs ?? 500;
  const claim = db.prepare(
    "UPDATE uploads SET lease_until = @until WHERE seq = (SELECT seq FROM uploads WHERE status IN ('queued', 'running') AND (lease_until IS NULL OR lease_until < @now) ORDER BY seq LIMIT 1) RETURNING id",
  );
  const renew = db.prepare(
    "UPDATE uploads SET lease_until = ? WHERE id = ? AND status IN ('queued', 'running')",
  );
  const release = db.prepare(
    "UPDATE uploads SET lease_until = NULL WHERE id = ? AND status IN ('queued', 'running')",
  );
  // A busy or closing database is "no job now"; the loop looks again after pollMs.
  const tryClaim = () => {
    const now = Date.now();
    try {
      return claim.get({ until: now + leaseMs, now }) as { id: string } | undefined;
    } catch {
      return undefined;
    }
  };
  let stopped = true;
  let wake: (() => void) | undefined;
  const running = new Set<Promise<void>>();

  const runOne = async (id: string, handler: (uploadId: string) => Promise<void>) => {
    const timer = setInterval(
      () => {
        try {
          renew.run(Date.now() + leaseMs, id);
        } catch {
          // A busy database: the next renewal comes well before the lease ends.
        }
      },
      Math.max(10, leaseMs / 3),
    );
    try {
      await handler(id);
    } catch {
      // The worker died: give the job back at once, so the next free slot retries it.
      try {
        release.run(id);
      } catch {
        // Then the lease runs out and the job comes back a little later.
      }
    } finally {
      clearInterval(timer);
    }
  };

  return {
    async send() {
      wake?.();
    },
    async work(handler, workOptions: WorkOptions) {
      stopped = false;
      void (async () => {
        while (!stopped) {
          if (running.size >= workOptions.concurrency) await Promise.race(running);
          else {
            const row = stopped ? undefined : tryClaim();
            if (row === undefined) await idle(pollMs, (resume) => (wake = resume));
            else {
              const job = runOne(row.id, handler).finally(() => running.delete(job));
              running.add(job);
            }
          }
        }
      })();
    },
    async stop() {
      stopped = true;
      wake?.();
      await Promise.all(running);
    },
  };
}

// --- internal ---

/** Waits `ms`, or less when `register`'s callback is called (a job was sent). */
function idle(ms: number, register: (resume: () => void) => void): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    register(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
