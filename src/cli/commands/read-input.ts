import { closeSync, openSync, readSync } from "node:fs";
import { detectFormat, parseEvidenceChunks } from "../../formats/parse-evidence.ts";
import { servingCsv } from "../../formats/serving/serving-csv.ts";
import { prepareInput, prepareParsedInput } from "../../judge/prepare-input.ts";
import { primeRequestLog } from "../../judge/read-projected-log.ts";
import type { VerifiedInput } from "../../judge/verify-submission.ts";
import type { RequestProjection } from "../../model/request-columns.ts";
import { decompressHead, detectCompression } from "../../read/decompress-evidence.ts";
import { readEvidence, readEvidenceChunks } from "../../read/read-evidence.ts";
import { PARALLEL_MIN_BYTES, parseInWorker, sizeOf, WORKER_URL } from "./parse-in-worker.ts";

/** One input of a submission: its role, where it is, and its declared format. */
export interface InputEntry {
  role: string;
  absolutePath: string;
  displayPath: string;
  format?: string;
}

/** Reads and parses one file the way `verify` does, plus its plausibility findings. */
export async function readVerifiedInput(
  role: string,
  absolutePath: string,
  displayPath: string,
  format?: string,
): Promise<VerifiedInput> {
  // A big file is parsed as it streams in; anything else (or a dialect the fast path hands back) is read whole.
  const streamed = readEvidenceChunks(absolutePath, displayPath, (head, chunks, size) =>
    parseEvidenceChunks(head, chunks, size, format),
  );
  if (streamed !== undefined)
    return prepareParsedInput(role, displayPath, streamed.sha256, streamed.size, streamed.parsed);
  const { file, sha256 } = await readEvidence(absolutePath, displayPath);
  return prepareInput({ role, file, sha256, ...(format === undefined ? {} : { format }) });
}

/**
 * Reads every input; when two or more are big, each big one is read in its own worker thread, so a
 * candidate and a baseline are parsed at the same time on two cores. Errors are thrown in the order
 * of the entries, as a sequential read would.
 */
export async function readVerifiedInputs(
  entries: InputEntry[],
  /** The request-log rows the job reads (see measure/serving/request-projection.ts); undefined: all of them. */
  projection?: RequestProjection,
): Promise<VerifiedInput[]> {
  const big = entries.map((e) => WORKER_URL !== undefined && sizeOf(e.absolutePath) >= PARALLEL_MIN_BYTES);
  const parallel = big.filter(Boolean).length >= 2;
  const settled = await Promise.allSettled(
    entries.map((e, i) =>
      parallel && big[i]
        ? readInWorker(e, projection)
        : readVerifiedInput(e.role, e.absolutePath, e.displayPath, e.format),
    ),
  );
  return settled.map((result) => {
    if (result.status === "rejected") throw result.reason;
    return result.value;
  });
}

// --- internal ---

/**
 * A big serving CSV is parsed in a worker thread (the format is detected here, from its head); any
 * other format, or a file the worker hands back, is read on this thread.
 */
async function readInWorker(entry: InputEntry, projection?: RequestProjection): Promise<VerifiedInput> {
  const { role, absolutePath, displayPath, format } = entry;
  const sequential = () => readVerifiedInput(role, absolutePath, displayPath, format);
  const head = readHead(absolutePath);
  if (head === undefined) return sequential();
  const detected = detectFormat({ path: displayPath, bytes: head }, format);
  if (!WORKER_FORMATS.has(detected.adapter.id)) return sequential();
  const reply = await parseInWorker(absolutePath, displayPath, projection);
  if (reply.parsed?.requests === undefined) return sequential();
  primeRequestLog(reply.parsed.requests, {
    sorted: reply.sorted ?? [],
    duplicates: reply.duplicates ?? [],
    ...(reply.promptLengths === undefined ? {} : { promptLengths: reply.promptLengths }),
  });
  const parsed = { format: detected.adapter.id, ...reply.parsed, detected };
  return prepareParsedInput(role, displayPath, reply.sha256 as string, reply.size as number, parsed);
}

/** The formats the worker reads (read-input-worker.ts): the canonical CSV and per-request JSON logs. */
const WORKER_FORMATS: ReadonlySet<string> = new Set([
  servingCsv.id,
  "vllm-bench",
  "sglang-bench",
  "genai-perf-export",
  "aiperf-jsonl",
  "llmperf-responses",
]);

function readHead(path: string): Uint8Array | undefined {
  try {
    const fd = openSync(path, "r");
    try {
      const head = Buffer.alloc(64 * 1024);
      const bytes = head.subarray(0, readSync(fd, head, 0, head.length, 0));
      const compression = detectCompression(bytes);
      return compression === undefined ? bytes : decompressHead(compression, bytes, head.length);
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}
