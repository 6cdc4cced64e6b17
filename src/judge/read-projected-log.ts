import { parseServingCsvChunks } from "../formats/serving/serving-csv-bytes.ts";
import { ProjectedColumns } from "../formats/serving/serving-projected-columns.ts";
import { FindingCollector } from "../formats/text/column-spec.ts";
import { findDuplicateRequests, primeDuplicateRequests } from "../measure/serving/request-index.ts";
import { BOOTSTRAP_MAX_N } from "../measure/serving/request-projection.ts";
import { primePromptLengths, primeSuccessful } from "../measure/serving/serving-statistics.ts";
import { sortNumbers } from "../measure/stats/sort-numbers.ts";
import type { ParsedEvidence, ServingRequests, ValueCounts } from "../model/evidence.ts";
import type { RequestProjection } from "../model/request-columns.ts";
import { RequestChecks } from "./request-plausibility.ts";

/** A big request log read for one job: the log without the rows the job does not read, and its sorted distributions. */
export interface ProjectedLog {
  parsed: Omit<ParsedEvidence, "format">;
  /** Successful values of ttft, tpot, itl and e2e, each sorted ascending (`serving-statistics`' cache). */
  sorted: [Float64Array, Float64Array, Float64Array, Float64Array];
  /** Every finite prompt length, as value counts. */
  promptLengths: ValueCounts;
  /** Rows whose id appeared on an earlier row. */
  duplicates: number[];
}

/**
 * The read → parse → validate stages of a big serving-requests CSV for a job that needs only
 * `projection` of its rows: each row is checked as it streams by (the same checks, in the same order,
 * as `checkPlausibility` runs on a full log), duplicated ids are found, and then the ids and line
 * numbers are dropped unless the job pairs requests. Memory is then the sorted latency values and
 * the prompt lengths, about 32 bytes a request instead of 110. Undefined when the file needs the
 * general parser, or is small enough to be paired row by row (the full read handles both).
 */
export function readProjectedLog(
  path: string,
  chunks: Iterable<Uint8Array>,
  size: number,
  projection: RequestProjection,
): ProjectedLog | undefined {
  const out = new FindingCollector();
  const checks = new RequestChecks(path, out);
  const sink = new ProjectedColumns(projection, (row) => checks.add(row));
  const parsed = parseServingCsvChunks(path, chunks, size, sink);
  const requests = parsed?.requests;
  if (parsed === undefined || requests === undefined || requests.rows <= BOOTSTRAP_MAX_N) return undefined;
  const duplicates = findDuplicateRequests(requests);
  const { successful, promptLengths, lineOf } = sink.finish(requests, sortNumbers);
  checks.addDuplicates(requests, duplicates, lineOf);
  checks.finish();
  const kept: ServingRequests = { ...requests };
  delete kept.lines;
  if (!projection.has("requestId")) {
    delete kept.requestIdBytes;
    delete kept.requestIdNumbers;
  }
  return {
    parsed: { ...parsed, requests: kept, requestFindings: out.finish(path) },
    sorted: [
      sortNumbers(successful.ttftMs),
      sortNumbers(successful.tpotMs),
      new Float64Array(0),
      sortNumbers(successful.e2eMs),
    ],
    promptLengths,
    duplicates,
  };
}

/** The latency columns of `ProjectedLog.sorted`, in order. */
export const SORTED_KEYS = ["ttftMs", "tpotMs", "itlMs", "e2eMs"] as const;

/**
 * Seeds the measure stage's caches with what was computed while a log was read (in a worker
 * thread): the sorted columns, the prompt lengths and the duplicated rows. A projected log has no
 * rows to compute them from again, so this must come before anything measures it.
 */
export function primeRequestLog(
  requests: ServingRequests,
  computed: Pick<ProjectedLog, "duplicates"> & {
    sorted: readonly Float64Array[];
    promptLengths?: ValueCounts;
  },
): void {
  SORTED_KEYS.forEach((key, i) => {
    const sorted = computed.sorted[i];
    if (sorted !== undefined) primeSuccessful(requests, key, sorted);
  });
  primeDuplicateRequests(requests, computed.duplicates);
  if (computed.promptLengths !== undefined) primePromptLengths(requests, computed.promptLengths);
}
