import type { EvidenceFile, ParsedEvidence, ReportedStatistic } from "../model/evidence.ts";
import { createFinding, type Finding } from "../model/finding.ts";
import type { FormatAdapter } from "./format.ts";
import { decodeText, splitLines } from "./text.ts";

/** MLPerf LoadGen `mlperf_log_detail.txt`: one `:::MLLOG {json}` event per line. */
export const mlperfDetail: FormatAdapter = {
  id: "mlperf-detail",
  title: "MLPerf LoadGen mlperf_log_detail.txt",
  kind: "serving-requests",
  detect: ({ head }) => (head.startsWith(":::MLLOG {") && head.includes("loadgen") ? 0.95 : 0),
  parse: parseMlperfDetail,
};

// --- internal ---

const PREFIX = ":::MLLOG ";

/** Result keys → canonical metric and statistic; ns values become ms. */
const KEYS: ReadonlyArray<[RegExp, string, number]> = [
  [/^result_first_token_(min|max|mean)_latency_ns$/, "ttft_ms", 1e-6],
  [/^result_first_token_([\d.]+)_percentile_latency_ns$/, "ttft_ms", 1e-6],
  [/^result_time_per_output_token_([\d.]+)_percentile_ns$/, "tpot_ms", 1e-6],
  [/^result_time_to_output_token_(min|max|mean)$/, "tpot_ms", 1e-6],
  [/^result_(min|max|mean)_latency_ns$/, "e2e_ms", 1e-6],
  [/^result_([\d.]+)_percentile_latency_ns$/, "e2e_ms", 1e-6],
  [/^result_completed_samples_per_sec$/, "request_throughput", 1],
  [/^result_completed_tokens_per_second$/, "output_token_throughput", 1],
];

function parseMlperfDetail(file: EvidenceFile): ParsedEvidence {
  const reported: ReportedStatistic[] = [];
  const context: Record<string, string | number | boolean> = {};
  const findings: Finding[] = [];
  let events = 0;
  splitLines(decodeText(file.path, file.bytes)).forEach((text, i) => {
    if (!text.startsWith(PREFIX)) return;
    const event = parseEvent(text.slice(PREFIX.length));
    if (event === undefined) {
      findings.push(
        createFinding(
          "MLPERF_BAD_EVENT",
          "error",
          "This :::MLLOG line is not valid JSON; the log was cut or edited. Submit LoadGen's file unedited.",
          { path: file.path, line: i + 1 },
        ),
      );
      return;
    }
    events++;
    readEvent(event.key, event.value, i + 1, reported, context, findings, file.path);
  });
  return { format: mlperfDetail.id, kind: "serving-requests", rows: events, reported, context, findings };
}

function parseEvent(json: string): { key: string; value: unknown } | undefined {
  try {
    const event = JSON.parse(json) as { key?: unknown; value?: unknown };
    return typeof event.key === "string" ? { key: event.key, value: event.value } : undefined;
  } catch {
    return undefined;
  }
}

function readEvent(
  key: string,
  value: unknown,
  line: number,
  reported: ReportedStatistic[],
  context: Record<string, string | number | boolean>,
  findings: Finding[],
  path: string,
): void {
  for (const [pattern, metric, scale] of KEYS) {
    const m = pattern.exec(key);
    if (m === null || typeof value !== "number") continue;
    const statistic = m[1] === undefined ? "value" : /^[\d.]+$/.test(m[1]) ? `p${Number(m[1])}` : m[1];
    reported.push({
      metric,
      statistic,
      value: value * scale,
      ...(metric.endsWith("_ms") ? { method: "nearest-rank" } : {}),
      line,
    });
    return;
  }
  if (key === "result_validity") {
    context.result_valid = value === "VALID";
    if (value !== "VALID")
      findings.push(
        createFinding(
          "MLPERF_RESULT_INVALID",
          "error",
          `LoadGen marked this run ${String(value)}; submit a VALID run.`,
          { path, line },
        ),
      );
  } else if (key === "requested_server_ttft_latency" && typeof value === "number")
    context.ttft_limit_ms = value / 1e6;
  else if (key === "requested_server_tpot_latency" && typeof value === "number")
    context.tpot_limit_ms = value / 1e6;
  else if (key === "effective_scenario" || key === "requested_scenario") context.scenario = String(value);
  else if (key === "result_query_count" && typeof value === "number") context.query_count = value;
}
