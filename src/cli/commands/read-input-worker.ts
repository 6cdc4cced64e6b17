// Worker entry: streams one big serving-requests CSV (or a benchmark tool's per-request JSON: vLLM/SGLang
// detailed results, GenAI-Perf profile export, AIPerf JSONL, LLMPerf individual responses) through
// the byte-level reader off the main thread, sorts its latency columns and finds duplicated request
// ids; the typed arrays are transferred back, not copied. With a projection (the row data the job
// reads) a CSV's rows are also checked as they stream by and only that data is kept (a JSON log's
// columns are few and all kept). Loads only the readers (no format registry, no zod).
import { parentPort, workerData } from "node:worker_threads";
import type { FormatAdapter } from "../../formats/format.ts";
import { aiperfJsonl } from "../../formats/serving/aiperf.ts";
import { genaiPerfExport } from "../../formats/serving/genai-perf.ts";
import { llmperfResponses } from "../../formats/serving/llmperf.ts";
import { parseServingCsvChunks } from "../../formats/serving/serving-csv-bytes.ts";
import { sglangBench } from "../../formats/serving/sglang-bench.ts";
import { vllmBench } from "../../formats/serving/vllm-bench.ts";
import { decodeHead } from "../../formats/text/text.ts";
import { type ProjectedLog, readProjectedLog, SORTED_KEYS } from "../../judge/read-projected-log.ts";
import { findDuplicateRequests } from "../../measure/serving/request-index.ts";
import { promptLengths, successful } from "../../measure/serving/serving-statistics.ts";
import type { ParsedEvidence, ServingRequests } from "../../model/evidence.ts";
import type { RequestProjection } from "../../model/request-columns.ts";
import { readEvidenceChunks } from "../../read/read-evidence.ts";

import type { WorkerReply } from "./parse-in-worker.ts";

/** The per-request JSON adapters whose byte-level readers stream (`parseChunks`); declared before the
 * top-level read below uses it. */
const JSON_LOG_ADAPTERS: readonly FormatAdapter[] = [
  vllmBench,
  sglangBench,
  genaiPerfExport,
  aiperfJsonl,
  llmperfResponses,
];

const { absolutePath, displayPath, progress, projection } = workerData as {
  absolutePath: string;
  displayPath: string;
  progress: boolean;
  projection?: string[];
};
// The main thread draws one progress line for every file being read.
const onProgress = progress ? (percent: number) => parentPort?.postMessage({ percent }) : undefined;

try {
  const keep = projection === undefined ? undefined : (new Set(projection) as RequestProjection);
  const read = readEvidenceChunks(
    absolutePath,
    displayPath,
    (head, chunks, size) => {
      const json = detailedJsonAdapter(head.bytes, head.path);
      if (json !== undefined) return readJsonLog(json, head.path, chunks(), size);
      return keep === undefined
        ? readWholeLog(head.path, chunks(), size)
        : readProjectedLog(head.path, chunks(), size, keep);
    },
    onProgress,
  );
  const requests = read?.parsed.parsed.requests;
  if (read === undefined || requests === undefined) parentPort?.postMessage({ fallback: true });
  else {
    const reply: WorkerReply = { ...read.parsed, sha256: read.sha256, size: read.size };
    parentPort?.postMessage(reply, transferList(requests, read.parsed.sorted));
  }
} catch {
  // The main thread reads the file again and reports whatever went wrong the usual way.
  parentPort?.postMessage({ fallback: true });
}

/** Every column of every row, with the sorted columns, duplicates and prompt lengths the main thread would compute. */
function readWholeLog(path: string, chunks: Iterable<Uint8Array>, size: number): ProjectedLog | undefined {
  return withComputed(parseServingCsvChunks(path, chunks, size));
}

/** The per-request JSON adapter whose detector claims these first bytes, if any. */
function detailedJsonAdapter(head: Uint8Array, path: string): FormatAdapter | undefined {
  const input = { path, head: decodeHead(head) };
  return JSON_LOG_ADAPTERS.find((adapter) => adapter.detect(input) > 0);
}

function readJsonLog(
  adapter: FormatAdapter,
  path: string,
  chunks: Iterable<Uint8Array>,
  size: number,
): ProjectedLog | undefined {
  return withComputed(adapter.parseChunks?.(path, chunks, size));
}

function withComputed(parsed: Omit<ParsedEvidence, "format"> | undefined): ProjectedLog | undefined {
  const requests = parsed?.requests;
  if (parsed === undefined || requests === undefined) return undefined;
  const sorted = SORTED_KEYS.map((key) => successful(requests, key)) as ProjectedLog["sorted"];
  return {
    parsed,
    sorted,
    duplicates: findDuplicateRequests(requests),
    promptLengths: promptLengths(requests),
  };
}

function transferList(requests: ServingRequests, sorted: readonly Float64Array[]): ArrayBuffer[] {
  const views = [
    ...Object.values(requests).filter((v) => ArrayBuffer.isView(v)),
    requests.requestIdBytes?.bytes,
    requests.requestIdBytes?.offsets,
    requests.requestIdNumbers?.numbers,
    ...sorted,
  ];
  return [...new Set(views.map((v) => v?.buffer).filter((b) => b instanceof ArrayBuffer))];
}
