import { ValueCounter } from "../../formats/serving/value-counts.ts";
import type { ParsedEvidence, RequestColumnKey, ServingRequests, ValueCounts } from "../../model/evidence.ts";
import type { MessageParam } from "../../model/message.ts";
import type { Report } from "../../model/report.ts";
import { requireColumn } from "../../model/request-columns.ts";
import { computeMean, computePercentile } from "../stats/percentile.ts";
import { sortNumbers } from "../stats/sort-numbers.ts";

type Statistic = Report["statistics"][number];

const LATENCY_COLUMNS: ReadonlyArray<[string, RequestColumnKey]> = [
  ["ttft_ms", "ttftMs"],
  ["tpot_ms", "tpotMs"],
  ["itl_ms", "itlMs"],
  ["e2e_ms", "e2eMs"],
];

/**
 * Summary statistics of one input's latency columns, over successful requests, for the report's
 * tables and charts; or the tool's own numbers when the file holds only a summary.
 */
export function computeServingStatistics(role: string, evidence: ParsedEvidence): Statistic[] {
  if (evidence.requests !== undefined)
    return LATENCY_COLUMNS.flatMap(([metric, key]) =>
      fromColumn(role, metric, successful(evidence.requests as ServingRequests, key)),
    );
  return fromReported(role, evidence);
}

/**
 * A statistic's name as a sentence quotes it: `mean` and `median` are words of the catalog (均值, 中位数);
 * a percentile such as `p99` is a symbol and stays as written.
 */
export function statisticRef(statistic: string): MessageParam {
  return statistic === "mean" || statistic === "median"
    ? { key: `statistic.${statistic}`, text: statistic }
    : statistic;
}

/** The finite values of a column over successful requests, sorted ascending. */
export function successful(requests: ServingRequests, key: RequestColumnKey): Float64Array {
  // Every requirement and table asks for the same few sorted columns: sort each once per input.
  const cached = SORTED.get(requests)?.get(key);
  if (cached !== undefined) return cached;
  const sorted = sortSuccessful(requests, key);
  const byKey = SORTED.get(requests) ?? new Map<RequestColumnKey, Float64Array>();
  byKey.set(key, sorted);
  SORTED.set(requests, byKey);
  return sorted;
}

/**
 * The log's finite prompt lengths (input tokens, failed requests too) as value counts, counted the
 * way a streaming read counts them; cached per log.
 */
export function promptLengths(requests: ServingRequests): ValueCounts {
  const cached = PROMPT_LENGTHS.get(requests);
  if (cached !== undefined) return cached;
  const counter = new ValueCounter();
  const column = requireColumn(requests, "inputTokens");
  for (let i = 0; i < requests.rows; i++) counter.add(column[i] as number);
  const counts = counter.finish(sortNumbers);
  PROMPT_LENGTHS.set(requests, counts);
  return counts;
}

/** Seeds the `promptLengths` cache with counts made while the log was read. */
export function primePromptLengths(requests: ServingRequests, counts: ValueCounts): void {
  PROMPT_LENGTHS.set(requests, counts);
}

/** Seeds the sorted-column cache with a column sorted elsewhere (a worker thread that parsed the file). */
export function primeSuccessful(
  requests: ServingRequests,
  key: RequestColumnKey,
  sorted: Float64Array,
): void {
  const byKey = SORTED.get(requests) ?? new Map<RequestColumnKey, Float64Array>();
  byKey.set(key, sorted);
  SORTED.set(requests, byKey);
}

// --- internal ---

const SORTED = new WeakMap<ServingRequests, Map<RequestColumnKey, Float64Array>>();
const PROMPT_LENGTHS = new WeakMap<ServingRequests, ValueCounts>();

/** One copy per column: successful, non-NaN values, sorted in place. */
function sortSuccessful(requests: ServingRequests, key: RequestColumnKey): Float64Array {
  const column = requests[key];
  // A column the file does not have: no values (a dropped one was sorted while it was read, or fails here).
  if (column === undefined && requests.projected !== true) return new Float64Array(0);
  return sortOkValues(requireColumn(requests, key), requests.ok, requests.rows);
}

function sortOkValues(column: Float64Array, ok: Uint8Array, rows: number): Float64Array {
  let n = 0;
  for (let i = 0; i < rows; i++) if (ok[i] === 1 && !Number.isNaN(column[i] as number)) n++;
  const out = new Float64Array(n);
  n = 0;
  for (let i = 0; i < rows; i++) {
    const value = column[i] as number;
    if (ok[i] === 1 && !Number.isNaN(value)) out[n++] = value;
  }
  return sortNumbers(out);
}

function fromColumn(role: string, metric: string, sorted: Float64Array): Statistic[] {
  if (sorted.length === 0) return [];
  const at = (p: number) => computePercentile(sorted, p, "linear");
  return [
    {
      role,
      metric,
      n: sorted.length,
      mean: computeMean(sorted),
      p50: at(50),
      p90: at(90),
      p99: at(99),
      unit: "ms",
      method: "recomputed; linear interpolation",
    },
  ];
}

function fromReported(role: string, evidence: ParsedEvidence): Statistic[] {
  const byMetric = new Map<string, Statistic>();
  for (const stat of evidence.reported ?? []) {
    if (!stat.metric.endsWith("_ms")) continue;
    const entry = byMetric.get(stat.metric) ?? {
      role,
      metric: stat.metric,
      n: stat.n ?? 0,
      mean: null,
      p50: null,
      p90: null,
      p99: null,
      unit: "ms",
      method: `reported by the tool${stat.method === undefined ? "" : `; ${stat.method}`}`,
    };
    const key = stat.statistic === "median" ? "p50" : stat.statistic;
    if (key === "mean" || key === "p50" || key === "p90" || key === "p99") entry[key] = stat.value;
    byMetric.set(stat.metric, entry);
  }
  return [...byMetric.values()];
}
