import type { ParsedEvidence } from "../../model/evidence.ts";
import type { DetectInput, FormatAdapter } from "../format.ts";
import { isJsonObject } from "../text/json-input.ts";
import { parseGenaiPerfCsv } from "./genai-perf-stats.ts";
import { parseGenaiPerfSummary } from "./genai-perf-summary.ts";
import { createSuccessStatistic } from "./serving-summary.ts";

/**
 * AIPerf's `profile_export_aiperf.json` (`aiperf/exporters/json_exporter.py`, `JsonExportData`): the
 * metrics under `records` as `{tag, header, unit, avg, min, max, p1 … p99, std, count}` (earlier
 * releases put them at the top level "to mimic" GenAI-Perf), plus `input_config`, `was_cancelled`,
 * `error_summary`, `start_time`, `end_time`. Same statistics as GenAI-Perf's JSON, another tool.
 */
export const aiperfJson: FormatAdapter = {
  id: "aiperf-json",
  title: "AIPerf profile_export_aiperf.json (statistics per metric)",
  kind: "serving-requests",
  detect: ({ head }: DetectInput) =>
    head.trimStart().startsWith("{") && AIPERF_KEYS.test(head) && STATS_OBJECT.test(head) ? 0.93 : 0,
  parse: (file) =>
    withSuccessRate(
      parseGenaiPerfSummary(file, "aiperf-json", (root) =>
        isJsonObject(root.records) ? root.records : root,
      ),
      noErrorsListed(file.bytes),
    ),
};

/** AIPerf's `profile_export_aiperf.csv`: GenAI-Perf's layout with ascending percentile columns. */
export const aiperfCsv: FormatAdapter = {
  id: "aiperf-csv",
  title: "AIPerf profile_export_aiperf.csv (statistics table)",
  kind: "serving-requests",
  detect: ({ head }: DetectInput) => (/^Metric,avg,min,max,p1,/.test(head) ? 0.96 : 0),
  parse: (file) => withSuccessRate(parseGenaiPerfCsv(file, "aiperf-csv"), false),
};

// --- internal ---

/** Keys only AIPerf writes (GenAI-Perf has neither `records` nor chunk latencies nor an error summary). */
const AIPERF_KEYS =
  /"(records|error_summary|was_cancelled|inter_chunk_latency|benchmark_duration|total_osl)"\s*:/;
const STATS_OBJECT =
  /"(time_to_first_token|request_latency|inter_token_latency|request_throughput)"\s*:\s*\{[^{}]*"avg"\s*:/;

/**
 * AIPerf's `request_count` counts successful requests only and `error_request_count` the failed ones
 * (written only when some failed), so together they give the success rate. Without an error count the
 * run had no error only when `error_summary` is written and empty; otherwise the rate stays unknown.
 */
function withSuccessRate(evidence: ParsedEvidence, noErrorsListed: boolean): ParsedEvidence {
  const ok = evidence.context?.request_count;
  const failed = evidence.context?.error_request_count ?? (noErrorsListed ? 0 : undefined);
  if (typeof ok !== "number" || typeof failed !== "number" || ok + failed <= 0) return evidence;
  const success = createSuccessStatistic(ok, ok + failed, 1);
  return { ...evidence, reported: [...(evidence.reported ?? []), success] };
}

function noErrorsListed(bytes: Uint8Array): boolean {
  return /"error_summary"\s*:\s*\[\s*\]/.test(new TextDecoder().decode(bytes));
}
