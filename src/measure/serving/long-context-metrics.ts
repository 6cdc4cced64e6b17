import type { ServingRequests } from "../../model/evidence.ts";
import type { MessageRef } from "../../model/message.ts";
import { requireColumn } from "../../model/request-columns.ts";
import { findEvidence } from "../find-evidence.ts";
import type { MeasureInput, MetricDefinition, MetricEstimate, MetricUnavailable } from "../metric.ts";
import { roleRef } from "../sentence.ts";
import { computePercentile } from "../stats/percentile.ts";
import { computeMinimumSamples, computeQuantileBound } from "../stats/quantile-bound.ts";

/**
 * `long_context.max_input_tokens` (5.1, 上下文长度): the longest prompt a request log served
 * successfully, in the tool's own token count. An exact reading of the log; with a `sota` (baseline)
 * log present, its longest is shown beside.
 */
export const maxInputTokens: MetricDefinition = {
  id: "long_context.max_input_tokens",
  unit: "tokens",
  better: "higher",
  evaluate(input) {
    const candidate = longestServed(
      findEvidence(input, "serving-requests", "candidate")?.requests,
      "candidate",
    );
    if ("reason" in candidate) return { unavailable: "missing", ...candidate };
    const role = input.baselineRole ?? "baseline";
    const baseline = longestServed(input.evidence[role]?.requests, role);
    const estimate: MetricEstimate = {
      value: candidate.max,
      low: candidate.max,
      high: candidate.max,
      n: candidate.n,
      method: `longest input of ${candidate.n} successful request(s), in the log's token counts; an exact reading${"reason" in baseline ? "" : `; ${role} served at most ${baseline.max} tokens`}`,
      methodRef: {
        key: "method.long_context_max",
        params: {
          n: candidate.n,
          ...("reason" in baseline
            ? { served: "no" }
            : { served: "yes", role: roleRef(role), max: baseline.max }),
        },
      },
    };
    return "reason" in baseline
      ? estimate
      : { ...estimate, candidate: candidate.max, baseline: baseline.max };
  },
};

/**
 * `long_context.ttft_ms.p99` (5.1): p99 TTFT of the successful requests in the longest context bucket,
 * the prompts from 10 % below the longest served up to it (claim condition `bucket_min_tokens` sets the floor),
 * with a distribution-free order-statistic bound. As an `improvement` over a named SOTA log, both are
 * read at the longest bucket both served, 1 − cand/base, bounded by combining each side's interval at
 * (1 + c)/2 (Bonferroni).
 */
export const longContextTtft: MetricDefinition = {
  id: "long_context.ttft_ms.p99",
  unit: "ms",
  better: "lower",
  evaluate(input) {
    const candidate = findEvidence(input, "serving-requests", "candidate")?.requests;
    const longest = longestServed(candidate, "candidate");
    if ("reason" in longest) return { unavailable: "missing", ...longest };
    if (input.comparison === "none")
      return bucketP99(candidate as ServingRequests, bucketOf(longest.max, input), input.confidence, input);
    const role = input.baselineRole ?? "baseline";
    const baseline = findEvidence(input, "serving-requests", "baseline")?.requests;
    const theirs = longestServed(baseline, role);
    if ("reason" in theirs) return { unavailable: "missing", ...theirs };
    const bucket = bucketOf(Math.min(longest.max, theirs.max), input);
    const level = (1 + input.confidence) / 2;
    const c = bucketP99(candidate as ServingRequests, bucket, level, input);
    const b = bucketP99(baseline as ServingRequests, bucket, level, input);
    if ("unavailable" in c) return c;
    if ("unavailable" in b) return b;
    const change = (cand: number, base: number) => 1 - cand / base;
    return {
      value: change(c.value, b.value),
      low: c.high === null || b.low === null ? null : change(c.high, b.low),
      high: c.low === null || b.high === null ? null : change(c.low, b.high),
      n: Math.min(c.n, b.n),
      method: `1 − candidate / ${role} p99 TTFT at the longest context both served (inputs of ${bucket.floor}–${bucket.ceiling} tokens): candidate ${round(c.value)} ms over ${c.n}, ${role} ${round(b.value)} ms over ${b.n}; order-statistic intervals at ${level} each, combined (Bonferroni)`,
      methodRef: {
        key: "method.long_context_ttft_change",
        params: {
          role: roleRef(role),
          floor: bucket.floor,
          ceiling: bucket.ceiling,
          c: round(c.value),
          cn: c.n,
          b: round(b.value),
          bn: b.n,
          level,
        },
      },
      candidate: c.value,
      baseline: b.value,
    };
  },
};

export const LONG_CONTEXT_METRICS: MetricDefinition[] = [maxInputTokens, longContextTtft];

// --- internal ---

/** Why a log cannot say how long a context it served, in English and as a catalog message. */
interface NoLength {
  reason: string;
  reasonRef: MessageRef;
}

function longestServed(
  requests: ServingRequests | undefined,
  role: string,
): { max: number; n: number } | NoLength {
  if (requests === undefined)
    return {
      reason: `No ${role} request log was submitted (vLLM/SGLang bench results with per-request prompt lengths, or the serving-requests CSV).`,
      reasonRef: { key: "missing.long_context_log", params: { role: roleRef(role) } },
    };
  const tokens = requests.inputTokens;
  if (tokens === undefined || requests.unrecorded?.inputTokens !== undefined) {
    const advice = requests.unrecorded?.inputTokens;
    return {
      reason: `The ${role} request log records no prompt lengths (input tokens); ${advice ?? "submit per-request results with their input token counts"}.`,
      reasonRef: {
        key: "missing.long_context_lengths",
        params: {
          role: roleRef(role),
          advice:
            advice === undefined
              ? { key: "missing.long_context_lengths_advice" }
              : { key: "reason.text", params: { text: advice }, text: advice },
        },
      },
    };
  }
  const column = requireColumn(requests, "inputTokens");
  let max = Number.NEGATIVE_INFINITY;
  let n = 0;
  for (let i = 0; i < requests.rows; i++) {
    const value = column[i] as number;
    if (requests.ok[i] !== 1 || !Number.isFinite(value)) continue;
    n++;
    if (value > max) max = value;
  }
  if (n > 0) return { max, n };
  return {
    reason: `The ${role} request log has no successful request with a prompt length.`,
    reasonRef: { key: "missing.long_context_no_success", params: { role: roleRef(role) } },
  };
}

/** The longest bucket up to `longest`: the prompts within 10 % below it, or from the declared floor. */
function bucketOf(longest: number, input: MeasureInput): Bucket {
  const declared = Number(input.conditions.bucket_min_tokens);
  const floor = Number.isFinite(declared) && declared > 0 ? declared : Math.ceil(longest * 0.9);
  return { floor, ceiling: longest };
}

interface Bucket {
  floor: number;
  ceiling: number;
}

function bucketP99(
  requests: ServingRequests,
  bucket: Bucket,
  confidence: number,
  input: MeasureInput,
): MetricEstimate | MetricUnavailable {
  const { floor, ceiling } = bucket;
  const tokens = requireColumn(requests, "inputTokens");
  const ttft = requireColumn(requests, "ttftMs");
  const values: number[] = [];
  for (let i = 0; i < requests.rows; i++) {
    const length = tokens[i] as number;
    if (requests.ok[i] === 1 && length >= floor && length <= ceiling && Number.isFinite(ttft[i] as number))
      values.push(ttft[i] as number);
  }
  if (values.length === 0)
    return {
      unavailable: "missing",
      reason: `No successful request with a TTFT has an input of ${floor}–${ceiling} tokens.`,
      reasonRef: { key: "missing.long_context_bucket", params: { floor, ceiling } },
    };
  const sorted = Float64Array.from(values).sort();
  const value = computePercentile(sorted, 99, input.percentileMethod);
  const bound = computeQuantileBound(sorted, 99, confidence);
  const minimum = computeMinimumSamples(99, confidence, "upper");
  return {
    value,
    low: bound.low,
    high: bound.high,
    n: sorted.length,
    method: `p99 TTFT (${input.percentileMethod} interpolation) of the ${sorted.length} successful request(s) with inputs of ${floor}–${ceiling} tokens (the longest context bucket); order-statistic bound${bound.high === null ? `, none at ${confidence} from ${sorted.length} requests (at least ${minimum} needed)` : ""}`,
    methodRef: {
      key: "method.long_context_ttft",
      params: {
        interpolation: { key: `interpolation.${input.percentileMethod}`, text: input.percentileMethod },
        n: sorted.length,
        floor,
        ceiling,
        none: bound.high === null ? "yes" : "no",
        confidence,
        minimum,
      },
    },
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
