import { createFinding } from "../../model/create-finding.ts";
import type { EvidenceFile, ParsedEvidence, ReportedStatistic } from "../../model/evidence.ts";
import type { Finding } from "../../model/finding.ts";
import { JsonFieldReader } from "../text/json-fields.ts";
import { isJsonObject, type JsonObject, parseJsonDocument } from "../text/json-input.ts";
import { decodeText } from "../text/text.ts";
import {
  createServingEvidence,
  createSuccessStatistic,
  nothingUsable,
  readContext,
  readReported,
  type StatisticField,
  type StatisticMethods,
} from "./serving-summary.ts";

/**
 * LLMPerf `…_summary.json` (`json.dump(…, indent=4, default=str)`): `results_<metric>_quantiles_p25`
 * … `_p99`, `_mean`, `_min`, `_max`, `_stddev` in seconds, numpy integers written as strings. Quantiles
 * are pandas' (linear), the std is pandas' sample std (ddof 1). `inter_token_latency_s` includes TTFT,
 * so it is reported as `e2e_per_output_token_ms`, never as TPOT or ITL.
 */
export function parseLlmperfSummary(file: EvidenceFile): ParsedEvidence {
  const doc = parseJsonDocument(file.path, decodeText(file.path, file.bytes));
  const fields = new JsonFieldReader(doc);
  const record = doc.records[0];
  const reported: ReportedStatistic[] = [];
  const notes: Finding[] = [];
  let context: Record<string, string | number | boolean> = {};
  if (record !== undefined && isJsonObject(record.value)) {
    reported.push(
      ...readReported(
        record.value,
        statisticFields(record.value, fields),
        fields,
        PANDAS_METHODS,
        record.line,
      ),
    );
    context = readContext(record.value, CONTEXT);
    const success = successRate(record.value, fields, record.line);
    if (success !== undefined) reported.push(success);
    if (reported.some((s) => s.metric === "e2e_per_output_token_ms"))
      notes.push(itlNote(file.path, record.line));
  } else {
    fields.wrongType(record?.value, "the object LLMPerf writes", "(file)", record?.line);
  }
  if (reported.length === 0) notes.push(nothingUsable(file.path, "LLMPerf statistics"));
  const findings = [...doc.findings, ...fields.finish(), ...notes];
  return createServingEvidence("llmperf-summary", {
    reported,
    context,
    findings,
    records: reported.length > 0 ? 1 : 0,
  });
}

// --- internal ---

const PANDAS_METHODS: StatisticMethods = { percentile: "linear", std: "sample" };
const KEY =
  /^results_(ttft_s|end_to_end_latency_s|inter_token_latency_s)_(?:quantiles_(p\d+)|(mean|min|max|stddev))$/;
const METRIC: Readonly<Record<string, string>> = {
  ttft_s: "ttft_ms",
  end_to_end_latency_s: "e2e_ms",
  inter_token_latency_s: "e2e_per_output_token_ms",
};

/** Run facts; the token means are what was requested, not what was measured. */
const CONTEXT: Readonly<Record<string, string>> = {
  model: "model",
  name: "name",
  version: "version",
  num_concurrent_requests: "max_concurrency",
  mean_input_tokens: "requested_mean_input_tokens",
  mean_output_tokens: "requested_mean_output_tokens",
  results_num_requests_started: "num_prompts",
  results_num_completed_requests: "completed",
  results_number_errors: "failed",
  results_error_rate: "error_rate",
  timestamp: "timestamp",
};

function statisticFields(summary: JsonObject, fields: JsonFieldReader): StatisticField[] {
  const completed = fields.number(summary, "results_num_completed_requests");
  const out: StatisticField[] = [];
  for (const key of Object.keys(summary)) {
    const match = KEY.exec(key);
    if (match === null) continue;
    const name = match[1] as string;
    const statistic = match[2] ?? (match[3] === "stddev" ? "std" : (match[3] as string));
    const field: StatisticField = { key, metric: METRIC[name] as string, statistic, scale: 1000 };
    if (completed !== undefined && name !== "inter_token_latency_s") field.n = completed;
    out.push(field);
  }
  out.push({
    key: "results_mean_output_throughput_token_per_s",
    metric: "output_token_throughput",
    statistic: "value",
  });
  // Completed requests per minute, over the wall time of the whole test.
  out.push({
    key: "results_num_completed_requests_per_min",
    metric: "request_throughput",
    statistic: "value",
    scale: 1 / 60,
  });
  return out;
}

/**
 * LLMPerf's `metrics_summary`: error_rate = errors / requests started, where an error is a request
 * with an `error_code` (`token_benchmark_ray.py`); the counts give the exact share that succeeded.
 */
function successRate(
  summary: JsonObject,
  fields: JsonFieldReader,
  line: number,
): ReportedStatistic | undefined {
  const started = fields.number(summary, "results_num_requests_started");
  const errors = fields.number(summary, "results_number_errors");
  if (started !== undefined && errors !== undefined && started > 0)
    return createSuccessStatistic(started - errors, started, line);
  const rate = fields.number(summary, "results_error_rate");
  return rate === undefined || !Number.isFinite(rate)
    ? undefined
    : { metric: "success_rate", statistic: "value", value: 1 - rate, line };
}

function itlNote(path: string, line: number): Finding {
  return createFinding(
    "LLMPERF_ITL_INCLUDES_TTFT",
    "info",
    "LLMPerf's inter_token_latency_s includes the time to first token (about E2E / output tokens); it is reported as e2e_per_output_token_ms and is not comparable with a TPOT or ITL claim.",
    { path, line },
    { variant: "llmperf_summary_1" },
  );
}
