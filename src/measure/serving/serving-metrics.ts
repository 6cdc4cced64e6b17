import { createFinding } from "../../model/create-finding.ts";
import type { ParsedEvidence, RequestColumnKey, ServingRequests } from "../../model/evidence.ts";
import type { Finding } from "../../model/finding.ts";
import type { MessageRef } from "../../model/message.ts";
import { findEvidence } from "../find-evidence.ts";
import type { MeasureInput, MetricDefinition, MetricEstimate, MetricUnavailable } from "../metric.ts";
import {
  bootstrapPairedChange,
  bootstrapRelativeChange,
  boundRelativeChangeOfQuantiles,
} from "../stats/bootstrap.ts";
import { computeMean, computePercentile } from "../stats/percentile.ts";
import {
  computeMinimumSamples,
  computeQuantileBound,
  estimateSamplesNeeded,
} from "../stats/quantile-bound.ts";
import { computeChange, scaleSamplesNeeded } from "../stats/relative-change.ts";
import { pairByRequestId } from "./pair-requests.ts";
import { BOOTSTRAP_MAX_N } from "./request-projection.ts";
import { statisticRef, successful } from "./serving-statistics.ts";

/** Latency columns × statistics: `ttft_ms.p99`, `e2e_ms.mean`, … (all lower-is-better, in ms). */
export const LATENCY_METRICS: MetricDefinition[] = (
  ["ttft_ms", "tpot_ms", "itl_ms", "e2e_ms"] as const
).flatMap((column) =>
  (["mean", "p50", "p90", "p95", "p99"] as const).map((statistic) => latencyMetric(column, statistic)),
);

// --- internal ---

const COLUMN_KEY = {
  ttft_ms: "ttftMs",
  tpot_ms: "tpotMs",
  itl_ms: "itlMs",
  e2e_ms: "e2eMs",
} as const satisfies Record<string, RequestColumnKey>;
type Column = keyof typeof COLUMN_KEY;
type Statistic = "mean" | "p50" | "p90" | "p95" | "p99";

const RESAMPLES = 1000;

function latencyMetric(column: Column, statistic: Statistic): MetricDefinition {
  const id = `${column}.${statistic}`;
  return {
    id,
    unit: "ms",
    better: "lower",
    evaluate(input) {
      const candidate = findEvidence(input, "serving-requests", "candidate");
      if (candidate === undefined)
        return missing(`No candidate request log was submitted for ${id}; add evidence.candidate.`, {
          key: "missing.serving_candidate",
          params: { id },
        });
      if (input.comparison === "none") return absolute(candidate, column, statistic, input);
      const role = input.baselineRole ?? "baseline";
      const baseline = findEvidence(input, "serving-requests", "baseline");
      if (baseline === undefined)
        return missing(
          `${id} is judged relative to the ${role}, and no ${role} request log was submitted; add evidence.${role} (the same workload without the change).`,
          { key: "missing.serving_baseline", params: { id, role, role_word: roleRef(role) } },
        );
      return relative(candidate, baseline, column, statistic, input);
    },
  };
}

function absolute(
  evidence: ParsedEvidence,
  column: Column,
  statistic: Statistic,
  input: MeasureInput,
): MetricEstimate | MetricUnavailable {
  if (evidence.requests === undefined) return reportedValue(evidence, column, statistic);
  const unrecorded = evidence.requests.unrecorded?.[COLUMN_KEY[column]];
  if (unrecorded !== undefined) return unrecordedValue(evidence, column, statistic, unrecorded);
  const sorted = successful(evidence.requests, COLUMN_KEY[column]);
  if (sorted.length === 0)
    return {
      unavailable: "invalid",
      reason: `The request log has no successful request with ${column}; check the file.`,
      reasonRef: { key: "invalid.serving_no_success", params: { column } },
    };
  if (statistic === "mean") return meanEstimate(sorted);
  const p = Number(statistic.slice(1));
  const bound = computeQuantileBound(sorted, p, input.confidence);
  const minimum = computeMinimumSamples(p, input.confidence, "upper");
  return {
    value: computePercentile(sorted, p, input.percentileMethod),
    low: bound.low,
    high: bound.high,
    n: sorted.length,
    ...(bound.high === null
      ? { findings: [tooFew(column, p, sorted.length, minimum, input.confidence)] }
      : {}),
    method: `p${p} (${input.percentileMethod} interpolation) of ${sorted.length} successful requests; distribution-free order-statistic bound`,
    methodRef: {
      key: "method.serving_percentile",
      params: {
        p,
        interpolation: { key: `interpolation.${input.percentileMethod}`, text: input.percentileMethod },
        n: sorted.length,
      },
    },
    nNeeded: (threshold) => estimateSamplesNeeded(sorted, p, threshold, "upper", input.confidence),
  };
}

function relative(
  candidate: ParsedEvidence,
  baseline: ParsedEvidence,
  column: Column,
  statistic: Statistic,
  input: MeasureInput,
): MetricEstimate | MetricUnavailable {
  const change = (c: number, b: number) => computeChange(input.comparison, "lower", c, b);
  const unrecorded = (e: ParsedEvidence) => e.requests?.unrecorded?.[COLUMN_KEY[column]] !== undefined;
  if (
    candidate.requests === undefined ||
    baseline.requests === undefined ||
    unrecorded(candidate) ||
    unrecorded(baseline)
  ) {
    const c = unrecordedValue(candidate, column, statistic);
    const b = unrecordedValue(baseline, column, statistic);
    if ("unavailable" in c) return c;
    if ("unavailable" in b) return b;
    return {
      value: change(c.value, b.value),
      low: null,
      high: null,
      n: 0,
      method: "from the tools' reported values; no per-request data, so no confidence bound",
      methodRef: { key: "method.serving_reported_change" },
      source: "reported",
      candidate: c.value,
      baseline: b.value,
    };
  }
  const cand = successful(candidate.requests, COLUMN_KEY[column]);
  const base = successful(baseline.requests, COLUMN_KEY[column]);
  if (cand.length === 0 || base.length === 0)
    return {
      unavailable: "invalid",
      reason: `The ${cand.length === 0 ? "candidate" : "baseline"} log has no successful request with ${column}.`,
      reasonRef: {
        key: "invalid.serving_side_no_success",
        params: { side: roleRef(cand.length === 0 ? "candidate" : "baseline"), column },
      },
    };
  const stat = statisticOf(statistic, input.percentileMethod);
  const value = change(stat(cand), stat(base));
  // Pairing by request id only serves the bootstrap; large logs are bounded by order statistics.
  const pairs = () =>
    pairByRequestId(
      candidate.requests as ServingRequests,
      baseline.requests as ServingRequests,
      COLUMN_KEY[column],
    );
  const bound = relativeBound(cand, base, pairs, statistic, stat, change, input);
  return {
    value,
    low: bound.low,
    high: bound.high,
    n: Math.min(cand.length, base.length),
    method: `${input.comparison} of ${statistic} ${column}, candidate n = ${cand.length} vs baseline n = ${base.length}; ${bound.method}`,
    methodRef: {
      key: "method.serving_change",
      params: {
        comparison: { key: `comparison.${input.comparison}`, text: input.comparison },
        statistic: statisticRef(statistic),
        column,
        c: cand.length,
        b: base.length,
        bound: bound.ref,
      },
    },
    candidate: stat(cand),
    baseline: stat(base),
    nNeeded: (threshold) =>
      scaleSamplesNeeded(Math.min(cand.length, base.length), value, bound.high, threshold),
  };
}

function relativeBound(
  cand: Float64Array,
  base: Float64Array,
  pairRequests: () => { candidate: Float64Array; baseline: Float64Array } | undefined,
  statistic: Statistic,
  stat: (sorted: Float64Array) => number,
  change: (c: number, b: number) => number,
  input: MeasureInput,
): { low: number | null; high: number | null; method: string; ref: MessageRef } {
  const small = statistic === "mean" || Math.max(cand.length, base.length) <= BOOTSTRAP_MAX_N;
  if (small) {
    // Replayed traces (ids match) are resampled request by request; otherwise each side on its own.
    const pairs = pairRequests();
    const paired = pairs !== undefined;
    const run = paired ? bootstrapPairedChange : bootstrapRelativeChange;
    const samples = pairs ?? { candidate: cand, baseline: base };
    const boot = run({
      ...samples,
      statistic: stat,
      change,
      resamples: RESAMPLES,
      seed: input.seed,
      confidence: input.confidence,
    });
    const how = paired
      ? `paired bootstrap over ${samples.candidate.length} requests matched by request_id (same trace`
      : "unpaired bootstrap (request ids do not match: different traces";
    const ref: MessageRef = paired
      ? {
          key: "method.bootstrap_paired_requests",
          params: { n: samples.candidate.length, resamples: RESAMPLES, seed: input.seed },
        }
      : { key: "method.bootstrap_unpaired_requests", params: { resamples: RESAMPLES, seed: input.seed } };
    return {
      low: boot.low,
      high: boot.high,
      method: `${how}; ${RESAMPLES} resamples, seed ${input.seed})`,
      ref,
    };
  }
  const p = Number(statistic.slice(1));
  const bound = boundRelativeChangeOfQuantiles(cand, base, p, change, input.confidence);
  return {
    low: bound.low,
    high: bound.high,
    method: "order-statistic bounds of each side combined (Bonferroni), distribution-free",
    ref: { key: "method.order_statistic_bonferroni" },
  };
}

function statisticOf(
  statistic: Statistic,
  method: MeasureInput["percentileMethod"],
): (sorted: Float64Array) => number {
  return statistic === "mean"
    ? computeMean
    : (sorted) => computePercentile(sorted, Number(statistic.slice(1)), method);
}

function meanEstimate(sorted: Float64Array): MetricEstimate {
  const n = sorted.length;
  const mean = computeMean(sorted);
  let ss = 0;
  for (const x of sorted) ss += (x - mean) ** 2;
  const half = n > 1 ? 1.959963984540054 * Math.sqrt(ss / (n - 1) / n) : Number.NaN;
  return n > 1
    ? {
        value: mean,
        low: mean - half,
        high: mean + half,
        n,
        method: `mean of ${n} successful requests; normal-approximation 95 % bound`,
        methodRef: { key: "method.serving_mean", params: { n } },
      }
    : {
        value: mean,
        low: null,
        high: null,
        n,
        method: "mean of 1 request; no bound",
        methodRef: { key: "method.serving_mean_one" },
      };
}

/** The tool's own number, for files that hold only a summary (the report says so). */
function reportedValue(
  evidence: ParsedEvidence,
  column: Column,
  statistic: Statistic,
): MetricEstimate | MetricUnavailable {
  const names = statistic === "p50" ? ["p50", "median"] : [statistic];
  const stat = evidence.reported?.find((s) => s.metric === column && names.includes(s.statistic));
  if (stat === undefined)
    return missing(
      `The ${evidence.format} file has no per-request data and does not report ${statistic} ${column}; submit per-request results (e.g. vLLM --save-detailed).`,
      {
        key: "missing.serving_reported_statistic",
        params: { format: evidence.format, statistic: statisticRef(statistic), column },
      },
    );
  return {
    value: stat.value,
    low: null,
    high: null,
    n: stat.n ?? 0,
    method: `reported by ${evidence.format}${stat.method === undefined ? "" : ` (${stat.method})`}; no per-request data, so no confidence bound`,
    methodRef: {
      key: "method.serving_reported",
      params: {
        format: evidence.format,
        interpolation:
          stat.method === undefined ? "none" : { key: `interpolation.${stat.method}`, text: stat.method },
      },
    },
    source: "reported",
  };
}

/**
 * A column the file's format cannot hold (see `ServingRequests.unrecorded`): the tool's own reported
 * statistic when a companion summary gave one, else `missing` with what to submit.
 */
function unrecordedValue(
  evidence: ParsedEvidence,
  column: Column,
  statistic: Statistic,
  reason = evidence.requests?.unrecorded?.[COLUMN_KEY[column]],
): MetricEstimate | MetricUnavailable {
  const reported = reportedValue(evidence, column, statistic);
  if (reason === undefined || !("unavailable" in reported)) return reported;
  return missing(`${column} is not in this ${evidence.format} file: ${reason}`);
}

function tooFew(column: Column, p: number, n: number, minimum: number, confidence: number): Finding {
  return createFinding(
    "SAMPLES_TOO_FEW",
    "warning",
    `${n} successful requests cannot bound the p${p} of ${column} at ${confidence * 100} % confidence: no order statistic is high enough below ${minimum} requests. Run at least ${minimum}.`,
    undefined,
    { n, p, column, confidence: confidence * 100, minimum, minimum2: minimum },
  );
}

function roleRef(role: string): MessageRef {
  return { key: `role.${role}`, text: role };
}

function missing(reason: string, reasonRef?: MessageRef): MetricUnavailable {
  return reasonRef === undefined
    ? { unavailable: "missing", reason }
    : { unavailable: "missing", reason, reasonRef };
}
