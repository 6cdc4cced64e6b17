import { createFinding } from "../../model/create-finding.ts";
import type { ParsedEvidence, ReportedStatistic, ServingRequests } from "../../model/evidence.ts";
import type { Finding } from "../../model/finding.ts";
import type { JsonFieldReader } from "../text/json-fields.ts";
import type { JsonObject } from "../text/json-input.ts";

/** How a tool computed its summary numbers, so a reported value can be checked with the same method. */
export interface StatisticMethods {
  /** Percentiles and the median, e.g. `linear` for numpy's and pandas' default. */
  percentile: string;
  /** Standard deviation, e.g. `population` (numpy, ddof 0) or `sample` (pandas, ddof 1). */
  std: string;
}

export const NUMPY_METHODS: StatisticMethods = { percentile: "linear", std: "population" };

/** One statistic to read from a JSON object: its key, the canonical metric and statistic, and a scale to ms. */
export interface StatisticField {
  key: string;
  metric: string;
  statistic: string;
  /** Multiplier into the canonical unit (1000 for seconds → ms). @default 1 */
  scale?: number;
  n?: number;
}

/** Reads reported statistics, leaving out NaN and infinite values with a finding each. */
export function readReported(
  object: JsonObject,
  wanted: readonly StatisticField[],
  fields: JsonFieldReader,
  methods: StatisticMethods,
  line: number,
): ReportedStatistic[] {
  const out: ReportedStatistic[] = [];
  for (const want of wanted) {
    const value = fields.number(object, want.key);
    if (value === undefined) continue;
    if (!Number.isFinite(value)) {
      fields.add(notFinite(fields.doc.path, want.key, value, fields.doc.lineOfKey(object, want.key) ?? line));
      continue;
    }
    out.push(createStatistic(want, value * (want.scale ?? 1), methods, line));
  }
  return out;
}

/** A reported statistic with the tool's method attached where it matters (percentiles, std). */
export function createStatistic(
  want: StatisticField,
  value: number,
  methods: StatisticMethods,
  line: number,
): ReportedStatistic {
  const stat: ReportedStatistic = { metric: want.metric, statistic: want.statistic, value, line };
  const isPercentile = want.statistic === "median" || /^p\d+(\.\d+)?$/.test(want.statistic);
  if (isPercentile) stat.method = methods.percentile;
  if (want.statistic === "std") stat.method = methods.std;
  if (want.n !== undefined) stat.n = want.n;
  return stat;
}

/**
 * The share of requests that succeeded, from a summary's counts (`n` = requests sent), so a
 * `success_rate` requirement can be judged with a Wilson bound when the file has no per-request rows.
 */
export function createSuccessStatistic(succeeded: number, sent: number, line: number): ReportedStatistic {
  return { metric: "success_rate", statistic: "value", value: succeeded / sent, n: sent, line };
}

/**
 * Copies run facts into a report context: `keys` maps the tool's key to ours. Numbers stay numbers,
 * infinities become `"inf"` (a report is JSON), lists and objects are left out.
 */
export function readContext(
  object: JsonObject,
  keys: Readonly<Record<string, string>>,
): Record<string, string | number | boolean> {
  const context: Record<string, string | number | boolean> = {};
  for (const [from, to] of Object.entries(keys)) {
    const value = toContextValue(object[from]);
    if (value !== undefined) context[to] = value;
  }
  return context;
}

export function toContextValue(value: unknown): string | number | boolean | undefined {
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "bigint") return Number(value);
  if (typeof value !== "number" || Number.isNaN(value)) return undefined;
  if (Number.isFinite(value)) return value;
  return value > 0 ? "inf" : "-inf";
}

export interface ServingEvidenceParts {
  requests?: ServingRequests;
  reported: ReportedStatistic[];
  context: Record<string, string | number | boolean>;
  findings: Finding[];
  /** Rows when there is no per-request table: the records (runs, summary rows) read. */
  records: number;
}

/** Assembles the `serving-requests` evidence, leaving out empty parts. */
export function createServingEvidence(format: string, parts: ServingEvidenceParts): ParsedEvidence {
  const evidence: ParsedEvidence = {
    format,
    kind: "serving-requests",
    rows: parts.requests?.rows ?? parts.records,
    findings: parts.findings,
  };
  if (parts.requests !== undefined) evidence.requests = parts.requests;
  if (parts.reported.length > 0) evidence.reported = parts.reported;
  if (Object.keys(parts.context).length > 0) evidence.context = parts.context;
  return evidence;
}

/** The finding for a file that holds neither per-request rows nor statistics we know. */
export function nothingUsable(path: string, what: string): Finding {
  return createFinding(
    "SERVING_NO_DATA",
    "error",
    `The file holds no per-request rows and no ${what}; submit the tool's result file unedited.`,
    // The whole file is at fault; line 1 lets editors and CI annotations open it.
    { path, line: 1 },
    { what },
  );
}

// --- internal ---

function notFinite(path: string, key: string, value: number, line: number): Finding {
  const word = Number.isNaN(value) ? "NaN" : "infinite";
  return createFinding(
    "JSON_NOT_A_NUMBER",
    "warning",
    `Field "${key}" is ${word} (the tool writes this when no request succeeded), so it was left out; check the run's failed requests.`,
    { path, line, column: key },
    { key, word },
  );
}
