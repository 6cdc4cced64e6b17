import type { CollectiveTable, TrainingTable } from "./collective.ts";
import type { Finding } from "./finding.ts";
import type { QualityTables } from "./quality.ts";

/** The canonical row types of TOPICS.md ("Result kinds the targets above need"). */
export const EVIDENCE_KINDS = [
  "serving-requests",
  "gpu-memory",
  "collective-bandwidth",
  "training-throughput",
  "accuracy",
  "retrieval-run",
  "retrieval-qrels",
  "generation-pairs",
  "outcomes",
  "devices",
  "cost",
  "models",
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Roles a file can play in a submission. */
export const EVIDENCE_ROLES = [
  "candidate",
  "baseline",
  "memory",
  "baseline-memory",
  "qrels",
  "models",
] as const;

/**
 * One numeric column: `Float64Array` with `NaN` for an empty or absent cell, so that a million rows
 * cost 8 MB and no object per row.
 */
export type NumericColumn = Float64Array;

/**
 * Per-request serving timings, columnar. Times are milliseconds, `startS` seconds (relative or epoch).
 * `ok` is 1 for a successful request and 0 for a failed one. `lines` holds each row's line number in
 * the source file (0 when the format has no lines, e.g. a JSON array), so findings can point at rows.
 *
 * A column is absent when the file has none (a CSV records no per-token times, so no `itlMs`) or when
 * the job that read the file needed only its distribution: a big log read for latency percentiles
 * keeps the sorted successful values (`measure/serving/serving-statistics.ts`) and drops the rows
 * (`measure/request-columns.ts` decides which rows a job needs). Code that reads a row-aligned
 * column goes through `requireColumn`, so a column a job dropped fails loudly, never silently.
 */
export interface ServingRequests {
  rows: number;
  requestId?: string[];
  /** The same ids packed as bytes (what the CSV reader fills instead of `requestId`): no string per row. */
  requestIdBytes?: RequestIdColumn;
  /** Or, when every id is one prefix and a number (`req-17`), the numbers: 4 bytes an id. */
  requestIdNumbers?: NumberedRequestIds;
  startS?: NumericColumn;
  ttftMs?: NumericColumn;
  tpotMs?: NumericColumn;
  /** Mean inter-token latency of the request, when the tool recorded per-token times. */
  itlMs?: NumericColumn;
  e2eMs?: NumericColumn;
  inputTokens?: NumericColumn;
  outputTokens?: NumericColumn;
  ok: Uint8Array;
  lines?: Int32Array;
  /** Set when the reader dropped row-aligned columns the job does not need (see above). */
  projected?: true;
  /**
   * Columns the format cannot record, each with what to submit instead (GenAI-Perf's
   * profile_export.json has no token counts: its tool counts them on the client). Such a column is
   * all NaN without being "missing" in a row, and a metric of it says `missing` with this reason.
   */
  unrecorded?: Partial<Record<RequestColumnKey, string>>;
}

/** The row-aligned numeric columns of a request log. */
export type RequestColumnKey =
  | "startS"
  | "ttftMs"
  | "tpotMs"
  | "itlMs"
  | "e2eMs"
  | "inputTokens"
  | "outputTokens";

/**
 * Request ids as their UTF-8 bytes back to back, id i being `bytes[offsets[i] .. offsets[i + 1])`
 * (Arrow's string layout): a million ids cost ~15 MB and no object per row.
 */
export interface RequestIdColumn {
  bytes: Uint8Array;
  /** rows + 1 offsets into `bytes`. */
  offsets: Int32Array;
}

/**
 * Request ids that are all one prefix followed by a number below 2^32 written without leading zeros
 * (`req-0`, `req-1`, …, the way load generators name requests): id i is `prefix + numbers[i]`.
 */
export interface NumberedRequestIds {
  prefix: string;
  numbers: Uint32Array;
}

/** A sample as its distinct values, ascending, and how often each occurs (`n` values in all). */
export interface ValueCounts {
  values: Float64Array;
  counts: Float64Array;
  n: number;
}

/** A statistic a tool printed itself (used only when the file holds no per-request data). */
export interface ReportedStatistic {
  /** Canonical metric, e.g. `ttft_ms`, `tpot_ms`, `e2e_ms`, `itl_ms`, `request_throughput`. */
  metric: string;
  /** `mean`, `median`, `p50`, `p90`, `p99`, `value`, … */
  statistic: string;
  value: number;
  /** How the tool computed the percentile, e.g. `linear` (numpy) or `nearest-rank` (MLPerf). */
  method?: string;
  n?: number;
  line?: number;
}

/** GPU memory timeline, one row per sample of one GPU; memory in MiB. */
export interface GpuMemorySamples {
  rows: number;
  /** Seconds since the Unix epoch (NaN when the timestamp was not parseable). */
  timeS: NumericColumn;
  gpu: Int32Array;
  usedMiB: NumericColumn;
  totalMiB: NumericColumn;
  utilizationPct: NumericColumn;
  lines: Int32Array;
}

/** One deployed model as the team declares it (`models` kind); NaN where a column is absent. */
export interface DeclaredModel {
  name: string;
  parametersB: number;
  bitsPerWeight: number;
  bytes: number;
  line: number;
}

/** Per-item outcomes (`outcomes` kind): 1 = success/detected/correct, 0 = not; columnar. */
export interface ItemOutcomes {
  rows: number;
  itemId: string[];
  success: Uint8Array;
  trial: Int32Array;
  latencyMs: NumericColumn;
  lines: Int32Array;
}

/** One cost scenario (`cost` kind): the traffic served and what it took. */
export interface CostScenario {
  scenario: string;
  requests: number;
  gpuHours: number;
  cost: number;
  /** Compute units consumed (CU), NaN when the file has no `cu` column. */
  cu: number;
  line: number;
}

/** What a format adapter returns: the tables it found, the tool's own numbers, and input findings. */
export interface ParsedEvidence extends QualityTables {
  format: string;
  kind: EvidenceKind;
  rows: number;
  requests?: ServingRequests;
  memory?: GpuMemorySamples;
  models?: DeclaredModel[];
  outcomes?: ItemOutcomes;
  costs?: CostScenario[];
  collective?: CollectiveTable;
  training?: TrainingTable;
  reported?: ReportedStatistic[];
  /**
   * The plausibility findings of `requests`, found while a big log streamed in (its rows were not
   * all kept, so they cannot be checked afterwards); `checkPlausibility` returns them as they are.
   */
  requestFindings?: Finding[];
  /** Facts the tool recorded about the run (model, scenario, limits, …), shown in the report. */
  context?: Record<string, string | number | boolean>;
  findings: Finding[];
}

/** The bytes of one input file, as the edge read them. */
export interface EvidenceFile {
  path: string;
  bytes: Uint8Array;
}
