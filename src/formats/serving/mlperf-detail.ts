import { createFinding } from "../../model/create-finding.ts";
import type { EvidenceFile, ParsedEvidence } from "../../model/evidence.ts";
import type { FormatAdapter } from "../format.ts";
import { FindingCollector } from "../text/column-spec.ts";
import { decodeText, splitLines } from "../text/text.ts";
import {
  addBadValue,
  checkValue,
  createLoadgenRun,
  finishLoadgenRun,
  type LoadgenRun,
  type LoadgenStatisticNames,
  readLoadgenStatistic,
} from "./mlperf-run.ts";
import { toContextValue } from "./serving-summary.ts";

/**
 * MLPerf Inference LoadGen `mlperf_log_detail.txt`: one `:::MLLOG {json}` event per line
 * (`loadgen/results.cc` `LogDetail`). MLPerf Training writes `:::MLLOG` lines too, but with an empty
 * namespace; LoadGen's are in `mlperf::logging`.
 */
export const mlperfDetail: FormatAdapter = {
  id: "mlperf-detail",
  title: "MLPerf LoadGen mlperf_log_detail.txt",
  kind: "serving-requests",
  detect: ({ head }) => (head.includes(PREFIX) && head.includes("mlperf::logging") ? 0.95 : 0),
  parse: parseMlperfDetail,
};

// --- internal ---

const PREFIX = ":::MLLOG ";

/**
 * Result keys → canonical metric, values in ns. `result_token_throughput` and
 * `result_overlatency_query_count` are left out: LoadGen computes them wrongly for LLM runs (6.9e-09
 * tokens/s and every query "over latency" in the llama2-70b sample).
 */
const LATENCY_KEYS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^result_(min|max|mean)_latency_ns$/, "e2e_ms"],
  [/^result_([\d.]+)_percentile_latency_ns$/, "e2e_ms"],
  [/^result_first_token_(min|max|mean)_latency_ns$/, "ttft_ms"],
  [/^result_first_token_([\d.]+)_percentile_latency_ns$/, "ttft_ms"],
  [/^result_time_(?:to|per)_output_token_(min|max|mean)$/, "tpot_ms"],
  [/^result_time_per_output_token_([\d.]+)_percentile_ns$/, "tpot_ms"],
];

const THROUGHPUT_KEYS: Readonly<Record<string, string>> = {
  result_completed_samples_per_sec: "request_throughput",
  result_samples_per_second: "request_throughput",
  result_completed_tokens_per_second: "output_token_throughput",
  result_tokens_per_second: "output_token_throughput",
};

const DETAIL_NAMES: LoadgenStatisticNames = { latency: LATENCY_KEYS, throughput: THROUGHPUT_KEYS };

const CHECK_KEYS: Readonly<Record<string, string>> = {
  result_perf_constraints_met: "performance_constraints_met",
  result_min_duration_met: "min_duration_met",
  result_min_queries_met: "min_queries_met",
  early_stopping_met: "early_stopping_met",
};

/** `requested_*` comes first in the log and `effective_*` overrides it, as LoadGen applies it. */
const CONTEXT_KEYS: Readonly<Record<string, string>> = {
  sut_name: "sut_name",
  loadgen_version: "loadgen_version",
  test_datetime: "test_datetime",
  requested_scenario: "scenario",
  effective_scenario: "scenario",
  requested_test_mode: "mode",
  effective_test_mode: "mode",
  result_scheduled_samples_per_sec: "scheduled_samples_per_second",
  effective_samples_per_query: "samples_per_query",
  effective_target_qps: "target_qps",
  effective_min_duration_ms: "min_duration_ms",
  effective_min_query_count: "min_query_count",
  result_query_count: "query_count",
};

interface MllogEvent {
  key: string;
  value: unknown;
  isError: boolean;
  isWarning: boolean;
}

function parseMlperfDetail(file: EvidenceFile): ParsedEvidence {
  const run = createLoadgenRun(file.path);
  const out = new FindingCollector();
  const incidents = { errors: 0, warnings: 0 };
  splitLines(decodeText(file.path, file.bytes)).forEach((text, i) => {
    if (!text.startsWith(PREFIX)) return;
    const event = parseEvent(text.slice(PREFIX.length));
    if (event === undefined) out.add(badEvent(file.path, i + 1));
    else {
      if (event.isError) out.add(logError(file.path, i + 1, event));
      incidents.errors += event.isError ? 1 : 0;
      incidents.warnings += event.isWarning ? 1 : 0;
      readEvent(run, event, i + 1);
    }
  });
  run.context.loadgen_errors = incidents.errors;
  run.context.loadgen_warnings = incidents.warnings;
  run.findings.push(...out.finish(file.path));
  return finishLoadgenRun(run, mlperfDetail.id);
}

function parseEvent(json: string): MllogEvent | undefined {
  let event: unknown;
  try {
    event = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof event !== "object" || event === null) return undefined;
  const { key, value, metadata } = event as { key?: unknown; value?: unknown; metadata?: unknown };
  if (typeof key !== "string") return undefined;
  const meta = (typeof metadata === "object" && metadata !== null ? metadata : {}) as Record<string, unknown>;
  return { key, value, isError: meta.is_error === true, isWarning: meta.is_warning === true };
}

function readEvent(run: LoadgenRun, { key, value }: MllogEvent, line: number): void {
  if (readLoadgenStatistic(run, key, line, DETAIL_NAMES, () => readNumber(run, key, value, line))) return;
  const check = CHECK_KEYS[key];
  const context = CONTEXT_KEYS[key];
  const setting = context === undefined ? undefined : toContextValue(value);
  if (key === "result_validity") run.validity = { valid: value === "VALID", line };
  else if (key === "result_invalid_reason" && typeof value === "string") run.reasons.push(value.trim());
  else if (check !== undefined) {
    run.context[check] = checkValue(String(value));
    if (run.context[check] === false) run.reasons.push(`${key}: false`);
  } else if (context !== undefined && setting !== undefined) run.context[context] = setting;
  else if (key === "requested_server_ttft_latency" || key === "requested_server_tpot_latency") {
    const ns = readNumber(run, key, value, line);
    if (ns !== undefined) run.limitsNs[key.endsWith("ttft_latency") ? "ttft" : "tpot"] = ns;
  }
}

function readNumber(run: LoadgenRun, key: string, value: unknown, line: number): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  addBadValue(run, key, JSON.stringify(value) ?? String(value), line);
  return undefined;
}

function badEvent(path: string, line: number) {
  return createFinding(
    "MLPERF_BAD_EVENT",
    "error",
    "This :::MLLOG line is not a JSON object with a key; the log was cut or edited. Submit LoadGen's file unedited.",
    { path, line },
    {},
  );
}

function logError(path: string, line: number, event: MllogEvent) {
  return createFinding(
    "MLPERF_LOG_ERROR",
    "warning",
    `LoadGen logged an error (${event.key}: ${String(event.value).slice(0, 120)}); fix its cause and rerun before submitting.`,
    { path, line, column: event.key },
    { key: event.key, value: String(event.value).slice(0, 120) },
  );
}
