// Worker entry: streams one big serving-requests CSV through the byte-level reader off the main
// thread, sorts its latency columns and finds duplicated request ids; the typed arrays are
// transferred back, not copied. With a projection (the row data the job reads) it also checks the
// rows as they stream by and keeps only that data. Loads only the reader (no format registry, no zod).
import { parentPort, workerData } from "node:worker_threads";
import { parseServingCsvChunks } from "../../formats/serving-csv-bytes.ts";
import { readProjectedLog, SORTED_KEYS } from "../../judge/read-projected-log.ts";
import { findDuplicateRequests } from "../../measure/request-index.ts";
import { promptLengths, successful } from "../../measure/serving-statistics.ts";
import type { ServingRequests } from "../../model/evidence.ts";
import type { RequestProjection } from "../../model/request-columns.ts";
import { readEvidenceChunks } from "../../read/read-evidence.ts";

import type { WorkerReply } from "./parse-in-worker.ts";

const { absolutePath, displayPath, progress, projection } = workerData as {
  absolutePath: string;
  displayPath: string;
  progress: boolean;
  projection?: string[];
};
// The main thread draws one progress line for every file being read.
const onProgress = progress ? (percent: number) => parentPort?.postMessage({ percent }) : undefined;

try {
  const reply =
    projection === undefined ? readWhole() : readProjected(new Set(projection) as RequestProjection);
  const requests = reply?.parsed?.requests;
  if (reply === undefined || requests === undefined) parentPort?.postMessage({ fallback: true });
  else parentPort?.postMessage(reply, transferList(requests, reply.sorted ?? []));
} catch {
  // The main thread reads the file again and reports whatever went wrong the usual way.
  parentPort?.postMessage({ fallback: true });
}

/** Every column of every row, with the sorted columns and duplicates the main thread would compute. */
function readWhole(): WorkerReply | undefined {
  const read = readEvidenceChunks(
    absolutePath,
    displayPath,
    (head, chunks, size) => parseServingCsvChunks(head.path, chunks(), size),
    onProgress,
  );
  const requests = read?.parsed.requests;
  if (read === undefined || requests === undefined) return undefined;
  const sorted = SORTED_KEYS.map((key) => successful(requests, key));
  const duplicates = findDuplicateRequests(requests);
  // The workload check compares prompt lengths: count them here too.
  return { ...read, sorted, duplicates, promptLengths: promptLengths(requests) };
}

function readProjected(keep: RequestProjection): WorkerReply | undefined {
  const read = readEvidenceChunks(
    absolutePath,
    displayPath,
    (head, chunks, size) => readProjectedLog(head.path, chunks(), size, keep),
    onProgress,
  );
  if (read === undefined) return undefined;
  const { parsed, sorted, promptLengths, duplicates } = read.parsed;
  return { parsed, sha256: read.sha256, size: read.size, sorted, promptLengths, duplicates };
}

function transferList(requests: ServingRequests, sorted: (Float64Array | undefined)[]): ArrayBuffer[] {
  const views = [
    ...Object.values(requests).filter((v) => ArrayBuffer.isView(v)),
    requests.requestIdBytes?.bytes,
    requests.requestIdBytes?.offsets,
    requests.requestIdNumbers?.numbers,
    ...sorted,
  ];
  return [...new Set(views.map((v) => v?.buffer).filter((b) => b instanceof ArrayBuffer))];
}
