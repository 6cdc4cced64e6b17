import { availableParallelism } from "node:os";
import { z } from "zod";
import { startJobRunner } from "../jobs/job-runner.ts";
import { createVerifyPool } from "../jobs/verify-pool.ts";
import { lowerThreadPriority } from "../jobs/verify-priority.ts";
import type { CommandResult } from "./cli.ts";
import { EXIT } from "./exit-codes.ts";
import { openStore } from "./open-store.ts";
import { parseCliOptions } from "./options.ts";
import { defaultDatabasePath } from "./run-serve.ts";

export const WorkerCliSchema = z.object({
  db: z.string().min(1).optional(),
  threads: z.coerce.number().int().min(1).max(256).optional(),
  jobTimeout: z.coerce.number().int().min(1).max(86_399).optional(),
});

/**
 * `claimcheck worker`: verifies queued uploads of a shared database until SIGINT or SIGTERM, which
 * let the running jobs finish. Start any number, on any machine that reaches the database.
 */
export async function runWorker(raw: Record<string, unknown>): Promise<CommandResult> {
  const options = parseCliOptions(WorkerCliSchema, raw);
  // First, so every thread this process starts inherits it: a worker on the server's machine leaves
  // the CPU to the server's requests (on a machine of its own it changes nothing).
  lowerThreadPriority();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const opened = await openStore(options.db ?? defaultDatabasePath(), {
    log,
    ...(options.jobTimeout === undefined ? {} : { jobTimeoutS: options.jobTimeout }),
  });
  const pool = createVerifyPool({ size: options.threads ?? availableParallelism(), log });
  const runner = await startJobRunner({ store: opened.store, queue: opened.queue, pool, log });
  process.stderr.write(
    `claimcheck worker: verifying uploads from ${opened.shown} with ${pool.size} thread${pool.size === 1 ? "" : "s"} (pid ${process.pid}); Ctrl-C stops it\n`,
  );
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await runner.stop();
  await pool.close();
  await opened.close();
  process.stderr.write("claimcheck worker: stopped\n");
  return { exitCode: EXIT.pass };
}
