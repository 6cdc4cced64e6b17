import type { DetectInput, FormatAdapter } from "../format.ts";
import { isJsonObject, type JsonObject } from "../text/json-input.ts";
import { parseRunsFile, type RunFormatSpec } from "./serving-runs.ts";
import { parseRunsChunks } from "./serving-runs-chunks.ts";
import { readContext, type StatisticField, toContextValue } from "./serving-summary.ts";

/**
 * SGLang `python -m sglang.bench_serving --output-file X.jsonl`: one JSON line appended per run.
 * Summaries in ms (`mean_e2e_latency_ms`, `p99_ttft_ms`, `p95_itl_ms`, …); with `--output-details`
 * the per-request lists `ttfts`/`itls` (seconds), `input_lens`, `output_lens`, `errors` sit at top
 * level (or under `details` in the refactored package) and there is no per-request E2E list.
 * `request_rate` is a number, bare `Infinity`, or `"trace"`; all-failed runs write bare `NaN`.
 */
export const sglangBench: FormatAdapter = {
  id: "sglang-bench",
  title: "SGLang bench_serving result (JSONL)",
  kind: "serving-requests",
  detect: detectSglangBench,
  parse: (file) => parseRunsFile(file, SGLANG_SPEC),
  parseChunks: (path, chunks) => parseRunsChunks(path, chunks, SGLANG_SPEC),
};

// --- internal ---

const STATISTIC_KEY = /^(mean|median|std|max|p\d+(?:\.\d+)?)_(ttft|tpot|itl|e2e_latency)_ms$/;
const METRIC: Readonly<Record<string, string>> = {
  ttft: "ttft_ms",
  tpot: "tpot_ms",
  itl: "itl_ms",
  e2e_latency: "e2e_ms",
};
const THROUGHPUTS: ReadonlyArray<[string, string]> = [
  ["request_throughput", "request_throughput"],
  ["input_throughput", "input_token_throughput"],
  ["output_throughput", "output_token_throughput"],
  ["total_throughput", "total_token_throughput"],
];

/** Run facts; `duration` in seconds; `concurrency` = Σ E2E / duration (mean requests in flight). */
const CONTEXT: Readonly<Record<string, string>> = {
  tag: "tag",
  backend: "backend",
  dataset_name: "dataset_name",
  request_rate: "request_rate",
  max_concurrency: "max_concurrency",
  sharegpt_output_len: "sharegpt_output_len",
  random_input_len: "random_input_len",
  random_output_len: "random_output_len",
  random_range_ratio: "random_range_ratio",
  duration: "duration",
  completed: "completed",
  total_input_tokens: "total_input_tokens",
  total_output_tokens: "total_output_tokens",
  total_output_tokens_retokenized: "total_output_tokens_retokenized",
  concurrency: "concurrency",
  accept_length: "accept_length",
};

const SGLANG_SPEC: RunFormatSpec = {
  id: "sglang-bench",
  tool: "SGLang bench_serving --output-file",
  statisticFields,
  context,
  detailObject: (run) => (isJsonObject(run.details) ? run.details : run),
};

function detectSglangBench({ head }: DetectInput): number {
  if (!head.trimStart().startsWith("{") || head.includes('"model_id"')) return 0;
  if (head.includes('"total_output_tokens_retokenized"')) return 0.95;
  // The argument echo comes first, before `server_info` and the results.
  return head.includes('"sharegpt_output_len"') && head.includes('"random_range_ratio"') ? 0.9 : 0;
}

function statisticFields(run: JsonObject): StatisticField[] {
  const completed = typeof run.completed === "number" ? run.completed : undefined;
  const out: StatisticField[] = [];
  for (const key of Object.keys(run)) {
    const match = STATISTIC_KEY.exec(key);
    if (match === null) continue;
    const name = match[2] as string;
    const field: StatisticField = { key, metric: METRIC[name] as string, statistic: match[1] as string };
    if (completed !== undefined && (name === "ttft" || name === "e2e_latency")) field.n = completed;
    out.push(field);
  }
  for (const [key, metric] of THROUGHPUTS) out.push({ key, metric, statistic: "value" });
  return out;
}

function context(run: JsonObject): Record<string, string | number | boolean> {
  const facts = readContext(run, CONTEXT);
  // Newer versions record the server's arguments; the model path is the one fact we need from them.
  const model = isJsonObject(run.server_info) ? toContextValue(run.server_info.model_path) : undefined;
  return model === undefined ? facts : { model, ...facts };
}
