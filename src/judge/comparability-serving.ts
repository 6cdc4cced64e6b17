import { createFinding } from "../model/create-finding.ts";
import type { Finding } from "../model/finding.ts";
import type { ComparedSide } from "./comparability.ts";
import { compareWorkloads } from "./workload-check.ts";

/**
 * Request logs (latency percentiles, throughput, success rate): the same workload (`compareWorkloads`:
 * request counts within 10 %, prompt lengths by a KS test) and, when both tools recorded it, the
 * same served model. A model name is compared by its last path part, case aside, so
 * `meta-llama/Llama-3.1-8B-Instruct` (vLLM's model_id) and `/models/llama-3.1-8b-instruct`
 * (SGLang's model_path) are one model.
 */
export function compareRequestLogs(candidate: ComparedSide, baseline: ComparedSide): Finding[] {
  return [
    ...compareWorkloads(candidate.evidence, baseline.evidence, baseline.path),
    ...modelMismatch(candidate, baseline),
  ];
}

// --- internal ---

function modelMismatch(candidate: ComparedSide, baseline: ComparedSide): Finding[] {
  const c = candidate.evidence.context?.model;
  const b = baseline.evidence.context?.model;
  if (typeof c !== "string" || typeof b !== "string" || modelKey(c) === modelKey(b)) return [];
  return [
    createFinding(
      "COMPARE_MODEL_MISMATCH",
      "warning",
      `The candidate (${candidate.path}) served ${c} and the ${baseline.role} (${baseline.path}) ${b}: latencies of two models are not a comparison of the systems; submit both runs with the same model.`,
      { path: baseline.path, line: 1 },
      { path: candidate.path, c, role: baseline.role, path2: baseline.path, b },
    ),
  ];
}

function modelKey(name: string): string {
  return (
    name
      .split(/[\\/]/)
      .filter((part) => part.length > 0)
      .at(-1) ?? name
  ).toLowerCase();
}
