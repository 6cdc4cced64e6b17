import type { RequestColumnKey } from "../../model/evidence.ts";
import type { RequestProjection } from "../../model/request-columns.ts";
import type { Requirement } from "../../model/topic.ts";

/**
 * Up to this many requests per side a relative latency bound is bootstrapped, pairing the two logs
 * row by row; above it, order statistics bound it from the sorted values alone.
 */
export const BOOTSTRAP_MAX_N = 5000;

/**
 * The row-aligned request data the metrics `metricIds` read, or undefined when one of them may read
 * any row (then a reader keeps every column). Every other metric reads a request log only through
 * its sorted successful values, its status and its prompt lengths, which a projected read keeps.
 * `tests/measure/request-projection.test.ts` evaluates every metric on projected and full logs.
 */
export function projectionForMetrics(metricIds: readonly string[]): RequestProjection | undefined {
  const keep = new Set<RequestColumnKey | "requestId">();
  for (const id of metricIds) {
    const rule = RULES.find(([pattern]) => pattern.test(id));
    if (rule === undefined) return undefined;
    for (const column of rule[1](id)) keep.add(column);
  }
  return keep;
}

/** The projection for judging `requirements` (all of them, or those named by `only`). */
export function projectionForRequirements(
  requirements: readonly Requirement[],
  only?: readonly string[],
): RequestProjection | undefined {
  const judged = requirements.filter((r) => only === undefined || only.includes(r.id));
  return projectionForMetrics(judged.flatMap((r) => (r.kind === "deliverable" ? [] : [r.metric])));
}

// --- internal ---

const LATENCY_KEY: Readonly<Record<string, RequestColumnKey>> = {
  ttft_ms: "ttftMs",
  tpot_ms: "tpotMs",
  itl_ms: "itlMs",
  e2e_ms: "e2eMs",
};

type Rule = readonly [RegExp, (id: string) => ReadonlyArray<RequestColumnKey | "requestId">];

const RULES: readonly Rule[] = [
  // Percentiles: from sorted values; a log of at most BOOTSTRAP_MAX_N rows is never projected.
  [/^(ttft|tpot|itl|e2e)_ms\.p\d+$/, () => []],
  // A relative mean is bootstrapped at any n, paired by request id.
  [
    /^(ttft|tpot|itl|e2e)_ms\.mean$/,
    (id) => [LATENCY_KEY[id.split(".")[0] as string] as RequestColumnKey, "requestId"],
  ],
  [/^success_rate$/, () => []],
  // Long-context figures read each request's prompt length (and its TTFT for the bucket's p99).
  [/^long_context\.max_input_tokens$/, () => ["inputTokens"]],
  [/^long_context\.ttft_ms\./, () => ["inputTokens", "ttftMs"]],
  // Memory metrics find the idle window before the first request's send time.
  [/^gpu_memory\./, () => ["startS"]],
  [/^gpu\./, () => ["startS"]],
  // Families that never read a request log.
  [
    /^(busbw|collective|training|retrieval|generation|accuracy|outcomes|cost|model|models|devices)[._]/,
    () => [],
  ],
];
