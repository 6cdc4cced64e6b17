import { statSync } from "node:fs";
import { resolve } from "node:path";
import { Worker } from "node:worker_threads";
import { projectionForRequirements } from "../../measure/serving/request-projection.ts";
import type { ParsedEvidence, ValueCounts } from "../../model/evidence.ts";
import type { RequestProjection } from "../../model/request-columns.ts";
import { readCompiledTopic } from "../../read/read-topics.ts";

/** What a worker sends back: the parsed log with its sorted columns, or a request to read it here. */
export interface WorkerReply {
  fallback?: true;
  parsed?: Omit<ParsedEvidence, "format">;
  sha256?: string;
  size?: number;
  sorted?: Float64Array[];
  duplicates?: number[];
  promptLengths?: ValueCounts;
}

/** What a worker is asked to keep of a log: a projection, or every row (undefined). */
export type WorkerProjection = RequestProjection | undefined;

/** Files at least this big are parsed in worker threads when two or more of them are verified together. */
export const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;

/** Workers run the compiled JavaScript; from the TypeScript sources (tests) inputs are read in turn. */
export const WORKER_URL = import.meta.url.endsWith(".js")
  ? new URL("./read-input-worker.js", import.meta.url)
  : undefined;

/**
 * Starts parsing big quick-mode files (`--candidate`, `--baseline`) in worker threads before the
 * verify pipeline has even loaded; `parseInWorker` later picks the result up. A result nobody asks
 * for (the file turned out to be another format, or verify stopped early) is dropped, and the
 * workers never keep the process alive.
 */
export function prefetchQuickModeFiles(raw: Record<string, unknown>): void {
  if (WORKER_URL === undefined || raw.topic === undefined) return;
  const paths = [raw.candidate, raw.baseline].filter((p): p is string => typeof p === "string");
  const big = paths.filter((path) => sizeOf(resolve(path)) >= PARALLEL_MIN_BYTES);
  if (big.length < 2) return;
  // The compiled topic (no YAML to parse); verify recomputes the projection, `only` included.
  const topic = readCompiledTopic(String(raw.topic));
  const projection = topic === undefined ? undefined : projectionForRequirements(topic.requirements);
  for (const path of big) {
    PREFETCHED.set(resolve(path), runWorker({ absolutePath: resolve(path), displayPath: path }, projection));
  }
}

/**
 * The worker's reply for one file: a prefetched one when its display path matches and it keeps at
 * least what `projection` asks for, else a new worker.
 */
export function parseInWorker(
  absolutePath: string,
  displayPath: string,
  projection: WorkerProjection,
): Promise<WorkerReply> {
  const prefetched = PREFETCHED.get(absolutePath);
  PREFETCHED.delete(absolutePath);
  const job =
    prefetched !== undefined &&
    prefetched.displayPath === displayPath &&
    covers(prefetched.projection, projection)
      ? prefetched
      : runWorker({ absolutePath, displayPath }, projection);
  // Awaited now: the worker must keep the process alive until it replies.
  job.worker.ref();
  return job.reply;
}

export function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

// --- internal ---

interface WorkerJob {
  worker: Worker;
  reply: Promise<WorkerReply>;
  displayPath: string;
  projection: WorkerProjection;
}

/** Whether a read keeping `kept` has everything `needed` asks for (undefined: every row). */
function covers(kept: WorkerProjection, needed: WorkerProjection): boolean {
  if (kept === undefined) return true;
  if (needed === undefined) return false;
  return [...needed].every((column) => kept.has(column));
}

const PREFETCHED = new Map<string, WorkerJob>();

/** A worker parsing one file; unreferenced until someone waits for it (see parseInWorker). */
function runWorker(
  workerData: { absolutePath: string; displayPath: string },
  projection: WorkerProjection,
): WorkerJob {
  const progress = process.stderr.isTTY === true;
  const worker = new Worker(WORKER_URL as URL, {
    workerData: {
      ...workerData,
      progress,
      ...(projection === undefined ? {} : { projection: [...projection] }),
    },
  });
  const reply = new Promise<WorkerReply>((done) => {
    worker.on("message", (message: WorkerReply & { percent?: number }) => {
      if (message.percent !== undefined) {
        showProgress(workerData.displayPath, message.percent);
        return;
      }
      showProgress(workerData.displayPath, undefined);
      void worker.terminate();
      done(message);
    });
    worker.once("error", () => done({ fallback: true }));
  });
  // After the listeners: attaching a message listener refs the worker's port again.
  worker.unref();
  return { worker, reply, displayPath: workerData.displayPath, projection };
}

/** Files being read in workers → percent read, drawn as one stderr line (only when it is a terminal). */
const READING = new Map<string, number>();

function showProgress(path: string, percent: number | undefined): void {
  if (process.stderr.isTTY !== true) return;
  if (percent === undefined) READING.delete(path);
  else READING.set(path, percent);
  const line = [...READING].map(([p, n]) => `${p} ${n} %`).join(", ");
  process.stderr.write(line === "" ? "\r\x1b[K" : `\r\x1b[Kreading ${line}`);
}
