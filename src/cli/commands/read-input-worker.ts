// Worker entry: streams one big serving-requests CSV through the byte-level reader off the main
// thread, sorts its latency columns and finds duplicated request ids; the typed arrays are
// transferred back, not copied. Loads only the reader (no format registry, no zod).
import { parentPort, workerData } from "node:worker_threads";
import { parseServingCsvChunks } from "../../formats/serving-csv-bytes.ts";
import { findDuplicateRequests } from "../../measure/request-index.ts";
import { sortedFinite, successful } from "../../measure/serving-statistics.ts";
import type { ServingRequests } from "../../model/evidence.ts";
import { readEvidenceChunks } from "../../read/read-evidence.ts";
import { LATENCY_KEYS } from "./latency-keys.ts";

const { absolutePath, displayPath, progress } = workerData as {
  absolutePath: string;
  displayPath: string;
  progress: boolean;
};
// The main thread draws one progress line for every file being read.
const onProgress = progress ? (percent: number) => parentPort?.postMessage({ percent }) : undefined;

try {
  const read = readEvidenceChunks(
    absolutePath,
    displayPath,
    (head, chunks, size) => parseServingCsvChunks(head.path, chunks(), size),
    onProgress,
  );
  const requests = read?.parsed.requests;
  if (read === undefined || requests === undefined) parentPort?.postMessage({ fallback: true });
  else {
    const sorted = LATENCY_KEYS.map((key) => successful(requests, key));
    const duplicates = findDuplicateRequests(requests);
    // The workload check compares prompt lengths: sort them here too.
    const inputTokens = sortedFinite(requests, "inputTokens");
    parentPort?.postMessage(
      { ...read, sorted, duplicates, inputTokens },
      transferList(requests, [...sorted, inputTokens]),
    );
  }
} catch {
  // The main thread reads the file again and reports whatever went wrong the usual way.
  parentPort?.postMessage({ fallback: true });
}

function transferList(requests: ServingRequests, sorted: Float64Array[]): ArrayBuffer[] {
  const views = [
    ...Object.values(requests).filter((v) => ArrayBuffer.isView(v)),
    requests.requestIdBytes?.bytes,
    requests.requestIdBytes?.offsets,
    ...sorted,
  ];
  return [...new Set(views.map((v) => v?.buffer).filter((b) => b instanceof ArrayBuffer))];
}
