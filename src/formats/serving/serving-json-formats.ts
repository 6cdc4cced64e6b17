import type { FormatAdapter } from "../format.ts";
import { aiperfJsonl } from "./aiperf.ts";
import { aiperfCsv, aiperfJson } from "./aiperf-summary.ts";
import { genaiPerfCsv, genaiPerfExport, genaiPerfJson } from "./genai-perf.ts";
import { llmperfResponses, llmperfSummary } from "./llmperf.ts";
import { sglangBench } from "./sglang-bench.ts";
import { vllmBench } from "./vllm-bench.ts";
import { vllmSweep } from "./vllm-sweep.ts";

/**
 * The native formats of LLM-serving benchmark tools, in detection priority order: every detector
 * looks for key names only its tool writes, so at most one of them claims a file.
 */
export const SERVING_JSON_FORMATS: readonly FormatAdapter[] = [
  vllmBench,
  vllmSweep,
  sglangBench,
  genaiPerfExport,
  aiperfJson,
  genaiPerfJson,
  aiperfCsv,
  genaiPerfCsv,
  aiperfJsonl,
  llmperfSummary,
  llmperfResponses,
];
