import { statisticRef } from "../measure/serving/serving-statistics.ts";
import { computeMean, computePercentile, type PercentileMethod } from "../measure/stats/percentile.ts";
import { createFinding } from "../model/create-finding.ts";
import type { ParsedEvidence, RequestColumnKey, ServingRequests } from "../model/evidence.ts";
import type { Finding } from "../model/finding.ts";
import { requireColumn } from "../model/request-columns.ts";

/** A reported statistic may differ from the recomputed one by 1 % (as a claim may), or 0.01 ms of rounding. */
const RELATIVE_TOLERANCE = 0.01;
const ABSOLUTE_TOLERANCE_MS = 0.01;

/**
 * A file that holds both the tool's summary and its per-request rows (vLLM `--save-detailed`, SGLang,
 * GenAI-Perf) must agree with itself: each reported mean, median or percentile of TTFT and end-to-end
 * latency is recomputed from the rows with the tool's own method. A summary edited after the run, or
 * computed on a subset of the requests, disagrees. It is a warning, not an error: claimcheck judges
 * from the rows, so the summary cannot change a verdict, and a claim copied from it still gets its
 * CLAIM_MISMATCH (an error would make the requirement invalid and leave the claim unchecked).
 * TPOT and ITL are left out: tools define them per request or per chunk, so a row-level recomputation
 * is not the tool's number.
 */
export function checkSummaryAgainstRows(path: string, evidence: ParsedEvidence): Finding[] {
  return [...negativeTimes(path, evidence), ...againstRows(path, evidence)];
}

// --- internal ---

/** A reported latency below zero is not a measurement, whatever the rows say. */
function negativeTimes(path: string, evidence: ParsedEvidence): Finding[] {
  return (evidence.reported ?? [])
    .filter((stat) => stat.metric.endsWith("_ms") && stat.statistic !== "std" && stat.value < 0)
    .map((stat) =>
      createFinding(
        "SERVING_NEGATIVE_TIME",
        "error",
        `The file reports ${stat.statistic} ${stat.metric} = ${round(stat.value)}, below zero; submit the file exactly as the tool wrote it.`,
        { path, line: stat.line ?? 1, column: `${stat.statistic} ${stat.metric}` },
        {
          variant: "summary_check_1",
          statistic: statisticRef(stat.statistic),
          metric: stat.metric,
          value: round(stat.value),
        },
      ),
    );
}

function againstRows(path: string, evidence: ParsedEvidence): Finding[] {
  const requests = evidence.requests;
  if (requests === undefined || evidence.reported === undefined) return [];
  // Several runs in one file: each summary belongs to one run, the rows to all of them.
  if (evidence.findings.some((f) => f.code === "SERVING_MULTIPLE_RUNS")) return [];
  const findings: Finding[] = [];
  for (const stat of evidence.reported) {
    const column = COLUMNS[stat.metric];
    const p = percentileOf(stat.statistic);
    if (column === undefined || (p === undefined && stat.statistic !== "mean")) continue;
    const values = successfulSorted(requests, column);
    if (values.length === 0) continue;
    const method: PercentileMethod = stat.method === "nearest-rank" ? "nearest-rank" : "linear";
    const recomputed = p === undefined ? computeMean(values) : computePercentile(values, p, method);
    const gap = Math.abs(stat.value - recomputed);
    if (gap <= Math.max(RELATIVE_TOLERANCE * Math.abs(recomputed), ABSOLUTE_TOLERANCE_MS)) continue;
    findings.push(
      createFinding(
        "SUMMARY_MISMATCH",
        "warning",
        `The file reports ${stat.statistic} ${stat.metric} = ${round(stat.value)}, but its ${values.length} successful requests give ${round(recomputed)}: the summary was edited or computed on other requests. Submit the file exactly as the tool wrote it.`,
        { path, line: stat.line ?? 1, column: `${stat.statistic} ${stat.metric}` },
        {
          statistic: statisticRef(stat.statistic),
          metric: stat.metric,
          value: round(stat.value),
          values_count: values.length,
          value2: round(recomputed),
        },
      ),
    );
  }
  return findings;
}

const COLUMNS: Readonly<Record<string, RequestColumnKey>> = { ttft_ms: "ttftMs", e2e_ms: "e2eMs" };

function percentileOf(statistic: string): number | undefined {
  if (statistic === "median") return 50;
  const match = /^p(\d+(?:\.\d+)?)$/.exec(statistic);
  return match === null ? undefined : Number(match[1]);
}

function successfulSorted(requests: ServingRequests, key: RequestColumnKey): Float64Array {
  const column = requireColumn(requests, key);
  const out = new Float64Array(requests.rows);
  let n = 0;
  for (let i = 0; i < requests.rows; i++) {
    const value = column[i] as number;
    if (requests.ok[i] === 1 && Number.isFinite(value)) out[n++] = value;
  }
  return out.subarray(0, n).sort();
}

function round(value: number): string {
  return String(Number(value.toPrecision(6)));
}
