import type { DetectInput, FormatAdapter } from "../format.ts";
import type { JsonObject } from "../text/json-input.ts";
import { parseRunsFile, type RunFormatSpec, readMetadata } from "./serving-runs.ts";
import { parseRunsChunks } from "./serving-runs-chunks.ts";
import { readContext, type StatisticField } from "./serving-summary.ts";

/**
 * vLLM `vllm bench serve` / `benchmarks/benchmark_serving.py` result: one JSON object (`--save-result`)
 * or one per line (`--append-result`), summary-only or with `--save-detailed` per-request lists.
 * Summaries are in ms (`mean_ttft_ms`, `p99_tpot_ms`, …), per-request lists in seconds. TPOT is
 * (E2E − TTFT)/(output tokens − 1) per request; ITL is the pooled per-chunk gap. `request_rate` may
 * be the string `"inf"`; the legacy script wrote `"request_goodput:"` (with a colon) and no `failed`.
 */
export const vllmBench: FormatAdapter = {
  id: "vllm-bench",
  title: "vLLM bench serve result (JSON or JSONL)",
  kind: "serving-requests",
  detect: detectVllmBench,
  parse: (file) => parseRunsFile(file, VLLM_SPEC),
  parseChunks: (path, chunks) => parseRunsChunks(path, chunks, VLLM_SPEC),
};

// --- internal ---

const STATISTIC_KEY = /^(mean|median|std|p\d+(?:\.\d+)?)_(ttft|tpot|itl|e2el)_ms$/;
const METRIC: Readonly<Record<string, string>> = {
  ttft: "ttft_ms",
  tpot: "tpot_ms",
  itl: "itl_ms",
  e2el: "e2e_ms",
};
const THROUGHPUTS: ReadonlyArray<[string, string]> = [
  ["request_throughput", "request_throughput"],
  ["request_goodput", "request_goodput"],
  ["request_goodput:", "request_goodput"],
  ["output_throughput", "output_token_throughput"],
  ["total_token_throughput", "total_token_throughput"],
];

/** Run facts; `duration` is in seconds, `request_rate` in requests/s or `"inf"`. */
const CONTEXT: Readonly<Record<string, string>> = {
  model_id: "model",
  tokenizer_id: "tokenizer",
  backend: "backend",
  endpoint_type: "endpoint_type",
  label: "label",
  date: "date",
  num_prompts: "num_prompts",
  request_rate: "request_rate",
  burstiness: "burstiness",
  max_concurrency: "max_concurrency",
  ramp_up_strategy: "ramp_up_strategy",
  ramp_up_start_rps: "ramp_up_start_rps",
  ramp_up_end_rps: "ramp_up_end_rps",
  duration: "duration",
  completed: "completed",
  failed: "failed",
  total_input_tokens: "total_input_tokens",
  total_output_tokens: "total_output_tokens",
  max_concurrent_requests: "max_concurrent_requests",
};

const KNOWN_STRINGS = new Set([...Object.keys(CONTEXT), "generated_texts", "errors"]);

/** How a vLLM result object is read; `vllm bench sweep`'s summary.json holds a list of them. */
export const VLLM_SPEC: RunFormatSpec = {
  id: "vllm-bench",
  tool: "vLLM bench serve --append-result",
  statisticFields,
  context: (run) => ({ ...readContext(run, CONTEXT), ...readMetadata(run, KNOWN_STRINGS) }),
  detailObject: (run) => run,
};

function detectVllmBench({ head }: DetectInput): number {
  if (!head.trimStart().startsWith("{")) return 0;
  // model_id and tokenizer_id come first in every version, before any per-request list.
  if (!head.includes('"model_id"') || !head.includes('"tokenizer_id"')) return 0;
  return /"(request_throughput|duration|completed|num_prompts)"\s*:/.test(head) ? 0.95 : 0;
}

function statisticFields(run: JsonObject): StatisticField[] {
  const completed = typeof run.completed === "number" ? run.completed : undefined;
  const out: StatisticField[] = [];
  for (const key of Object.keys(run)) {
    const match = STATISTIC_KEY.exec(key);
    if (match === null) continue;
    const name = match[2] as string;
    const field: StatisticField = { key, metric: METRIC[name] as string, statistic: match[1] as string };
    // TTFT and E2E have one value per successful request; TPOT skips 1-token outputs, ITL is per chunk.
    if (completed !== undefined && (name === "ttft" || name === "e2el")) field.n = completed;
    out.push(field);
  }
  for (const [key, metric] of THROUGHPUTS) out.push({ key, metric, statistic: "value" });
  return out;
}
