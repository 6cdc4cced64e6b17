import type { EvidenceFile, ParsedEvidence, ReportedStatistic } from "../model/evidence.ts";
import { createFinding, type Finding } from "../model/finding.ts";
import type { FormatAdapter } from "./format.ts";
import { decodeText, splitLines } from "./text.ts";

/**
 * MLPerf Inference LoadGen `mlperf_log_summary.txt`: `label : value` lines. Latencies are ns
 * (converted to ms); percentiles are LoadGen's nearest rank, sorted[floor(n·p)].
 */
export const mlperfSummary: FormatAdapter = {
  id: "mlperf-summary",
  title: "MLPerf LoadGen mlperf_log_summary.txt",
  kind: "serving-requests",
  detect: ({ head }) => (head.includes("MLPerf Results Summary") ? 0.95 : 0),
  parse: parseMlperfSummary,
};

// --- internal ---

/** Label patterns (lower-cased) → canonical metric; both TPOT labels (before/after LoadGen PR #2360). */
const LATENCY_LABELS: ReadonlyArray<[RegExp, string]> = [
  [/^(min|max|mean) latency \(ns\)$/, "e2e_ms"],
  [/^([\d.]+) percentile latency \(ns\)$/, "e2e_ms"],
  [/^(min|max|mean) first token latency \(ns\)$/, "ttft_ms"],
  [/^([\d.]+) percentile first token latency \(ns\)$/, "ttft_ms"],
  [/^(min|max|mean) time (?:to|per) output token \(ns\)$/, "tpot_ms"],
  [/^([\d.]+) percentile time (?:to|per) output token \(ns\)$/, "tpot_ms"],
];

const CONTEXT_LABELS: Record<string, string> = {
  "sut name": "sut_name",
  scenario: "scenario",
  mode: "mode",
  target_qps: "target_qps",
  min_query_count: "min_query_count",
  "min_duration (ms)": "min_duration_ms",
  samples_per_query: "samples_per_query",
};

function parseMlperfSummary(file: EvidenceFile): ParsedEvidence {
  const reported: ReportedStatistic[] = [];
  const context: Record<string, string | number | boolean> = {};
  const findings: Finding[] = [];
  splitLines(decodeText(file.path, file.bytes)).forEach((text, i) => {
    const colon = text.indexOf(":");
    if (colon < 0) return;
    const label = text.slice(0, colon).trim().toLowerCase();
    const value = text.slice(colon + 1).trim();
    readLine(label, value, i + 1, reported, context, findings, file.path);
  });
  if (context.result_valid === false) {
    findings.push(
      createFinding(
        "MLPERF_RESULT_INVALID",
        "error",
        "LoadGen marked this run INVALID (a latency constraint, the minimum duration or the query count was not met); submit a VALID run.",
        { path: file.path, line: Number(context.result_line) },
      ),
    );
  }
  delete context.result_line;
  if (reported.length === 0)
    findings.push(
      createFinding(
        "MLPERF_NO_RESULTS",
        "error",
        "The summary has no result lines; submit the whole mlperf_log_summary.txt of a finished run.",
        { path: file.path },
      ),
    );
  return {
    format: mlperfSummary.id,
    kind: "serving-requests",
    rows: reported.length,
    reported,
    context,
    findings,
  };
}

function readLine(
  label: string,
  value: string,
  line: number,
  reported: ReportedStatistic[],
  context: Record<string, string | number | boolean>,
  findings: Finding[],
  path: string,
): void {
  for (const [pattern, metric] of LATENCY_LABELS) {
    const m = pattern.exec(label);
    if (m === null) continue;
    const ns = Number(value);
    if (!Number.isFinite(ns)) {
      findings.push(
        createFinding(
          "MLPERF_BAD_VALUE",
          "error",
          `"${value.slice(0, 40)}" is not a number of nanoseconds; keep LoadGen's summary unedited.`,
          { path, line },
        ),
      );
      return;
    }
    reported.push({
      metric,
      statistic: statisticName(m[1] as string),
      value: ns / 1e6,
      method: "nearest-rank",
      line,
    });
    return;
  }
  if (label === "completed samples per second" || label === "samples per second")
    reported.push({ metric: "request_throughput", statistic: "value", value: Number(value), line });
  else if (label === "completed tokens per second" || label === "tokens per second") {
    if (!reported.some((r) => r.metric === "output_token_throughput"))
      reported.push({ metric: "output_token_throughput", statistic: "value", value: Number(value), line });
  } else if (label === "result is") {
    context.result_valid = value === "VALID";
    context.result_line = line;
  } else if (label === "ttft_latency (ns)") context.ttft_limit_ms = Number(value) / 1e6;
  else if (label === "tpot_latency (ns)") context.tpot_limit_ms = Number(value) / 1e6;
  else if (CONTEXT_LABELS[label] !== undefined)
    context[CONTEXT_LABELS[label]] = Number.isFinite(Number(value)) && value !== "" ? Number(value) : value;
}

/** `min`, `max`, `mean`, or `99.00` → `p99`, `99.90` → `p99.9`. */
function statisticName(raw: string): string {
  return /^[\d.]+$/.test(raw) ? `p${Number(raw)}` : raw;
}
