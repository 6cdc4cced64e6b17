import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { UploadOutcome, UploadWork } from "../store/upload.ts";
import { verifyUpload } from "./verify-upload.ts";

export interface VerifyPoolOptions {
  /** Worker threads, each verifying one upload at a time. @default availableParallelism() */
  size?: number;
  /** Internal errors of a verification (with their stack) go here. */
  log: (line: string) => void;
}

/** Verifies uploads off the main thread; `run` rejects with `WorkerDiedError` when its thread dies. */
export interface VerifyPool {
  readonly size: number;
  run(work: UploadWork): Promise<UploadOutcome>;
  close(): Promise<void>;
}

/** The thread running a job exited (crash, out of memory, terminated): the job must be retried. */
export class WorkerDiedError extends Error {
  override readonly name = "WorkerDiedError";
}

/** Threads run the compiled JavaScript; from the TypeScript sources (tests) uploads are verified inline. */
export const VERIFY_WORKER_URL = import.meta.url.endsWith(".js")
  ? new URL("./verify-worker.js", import.meta.url)
  : undefined;

/**
 * A pool of worker threads that verify uploads. A thread that dies is replaced; the job it held
 * rejects, so the queue retries it.
 */
export function createVerifyPool(options: VerifyPoolOptions): VerifyPool {
  const size = Math.max(1, options.size ?? availableParallelism());
  if (VERIFY_WORKER_URL === undefined) return inlinePool(size, options.log);
  const url = VERIFY_WORKER_URL;
  const idle: Worker[] = [];
  const waiting: ((worker: Worker) => void)[] = [];
  let closed = false;
  let live = 0;
  const all = new Set<Worker>();

  const spawn = () => {
    const worker = new Worker(url);
    all.add(worker);
    worker.on("message", (message: { log?: string }) => {
      if (message.log !== undefined) options.log(message.log);
    });
    live++;
    return worker;
  };
  const acquire = (): Promise<Worker> => {
    const worker = idle.pop();
    if (worker !== undefined) return Promise.resolve(worker);
    if (live < size) return Promise.resolve(spawn());
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (worker: Worker) => {
    const next = waiting.shift();
    if (next !== undefined) next(worker);
    else idle.push(worker);
  };
  let task = 0;

  return {
    size,
    async run(work) {
      const worker = await acquire();
      const id = ++task;
      return new Promise<UploadOutcome>((resolve, reject) => {
        const onMessage = (message: { task?: number; outcome?: UploadOutcome }) => {
          if (message.task !== id || message.outcome === undefined) return;
          cleanup();
          release(worker);
          resolve(message.outcome);
        };
        const onExit = (code: number) => {
          cleanup();
          all.delete(worker);
          live--;
          // A replacement takes the dead thread's place for the next job in line.
          if (!closed && waiting.length > 0) release(spawn());
          reject(
            new WorkerDiedError(
              `the verification thread stopped (exit code ${code}) while verifying upload ${work.id}`,
            ),
          );
        };
        const onError = (error: Error) =>
          options.log(`claimcheck: verification thread failed: ${error.stack}`);
        const cleanup = () => {
          worker.off("message", onMessage);
          worker.off("exit", onExit);
          worker.off("error", onError);
        };
        worker.on("message", onMessage);
        worker.on("exit", onExit);
        worker.on("error", onError);
        // The bytes move to the thread rather than being copied (the main thread no longer needs them).
        worker.postMessage({ task: id, work }, transferable(work));
      });
    },
    async close() {
      closed = true;
      await Promise.all([...all].map((worker) => worker.terminate()));
    },
  };
}

// --- internal ---

/** The inputs' buffers that each hold exactly one input (a view into a shared buffer is copied). */
function transferable(work: UploadWork): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const { bytes } of work.inputs) {
    const buffer = bytes.buffer;
    if (buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength)
      buffers.add(buffer);
  }
  // Two inputs sharing one buffer (deduplicated bytes) cannot both be transferred; copy those.
  return [...buffers].filter((b) => work.inputs.filter((i) => i.bytes.buffer === b).length === 1);
}

/** The same contract on the main thread, `size` at a time (tests that run the TypeScript sources). */
function inlinePool(size: number, log: (line: string) => void): VerifyPool {
  return {
    size,
    run: (work) => verifyUpload(work, log),
    async close() {},
  };
}
