import type { MessageRef } from "../../model/message.ts";
import type { Comparison } from "../../model/topic.ts";
import type { MetricUnavailable } from "../metric.ts";
import { roleRef } from "../sentence.ts";
import { bootstrapPairedUnits, unitWeights, weightedMean } from "./paired-resample.ts";
import { computeChange } from "./relative-change.ts";

/** Resamples of every quality bootstrap: enough for a stable 2.5th percentile (sacreBLEU uses 1000). */
export const QUALITY_RESAMPLES = 10_000;

export interface PairedMeanOptions {
  candidate: Float64Array;
  /** Same length and unit order as `candidate`; absent for an absolute (`none`) comparison. */
  baseline?: Float64Array;
  comparison: Comparison;
  better: "lower" | "higher";
  seed: number;
  confidence: number;
  resamples?: number;
}

export interface PairedMeanResult {
  value: number;
  low: number | null;
  high: number | null;
  candidate: number;
  baseline?: number;
  resamples: number;
}

/**
 * The mean of per-unit scores, or its change over the baseline computed on the means (a ratio of
 * means, never a mean of per-unit ratios), with a seeded paired bootstrap over units.
 */
export function estimatePairedMean(options: PairedMeanOptions): PairedMeanResult {
  const { candidate, baseline, comparison, better } = options;
  const resamples = options.resamples ?? QUALITY_RESAMPLES;
  const statistic =
    baseline === undefined || comparison === "none"
      ? (w: Uint32Array) => weightedMean(candidate, w)
      : (w: Uint32Array) =>
          computeChange(comparison, better, weightedMean(candidate, w), weightedMean(baseline, w));
  const all = unitWeights(candidate.length);
  const bound = bootstrapPairedUnits({
    n: candidate.length,
    statistic,
    resamples,
    seed: options.seed,
    confidence: options.confidence,
  });
  const result: PairedMeanResult = {
    value: statistic(all),
    low: bound.low,
    high: bound.high,
    candidate: weightedMean(candidate, all),
    resamples,
  };
  if (baseline !== undefined && comparison !== "none") result.baseline = weightedMean(baseline, all);
  return result;
}

/** "paired bootstrap over 50 queries, 10000 resamples, seed 20240" */
export function describeBootstrap(
  n: number,
  unit: string,
  resamples: number,
  seed: number,
  paired: boolean,
): string {
  return `${paired ? "paired " : ""}bootstrap over ${n} ${unit}, ${resamples} resamples, seed ${seed}`;
}

/** `describeBootstrap` as a catalog message; `unit` is one of queries, items, segments, tasks. */
export function bootstrapRef(
  n: number,
  unit: string,
  resamples: number,
  seed: number,
  paired: boolean,
): MessageRef {
  return {
    key: "method.quality_bootstrap",
    params: { paired: paired ? "yes" : "no", n, unit, resamples, seed },
    text: describeBootstrap(n, unit, resamples, seed, paired),
  };
}

/** A value rounded to 4 significant decimals for method strings. */
export function show(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toFixed(4))) : String(value);
}

/** A relative change over a baseline that scores 0 (or NaN) is undefined: say so instead of reporting NaN. */
export function undefinedChange(
  value: number,
  role: string,
  baseline: number,
): MetricUnavailable | undefined {
  if (Number.isFinite(value)) return undefined;
  return {
    unavailable: "invalid",
    reason: `The ${role} scores ${show(baseline)}, so a relative change over it is undefined; check that both sides were scored on the same items and judgments.`,
    reasonRef: {
      key: "reason.quality_change_undefined",
      params: { role: roleRef(role), b: show(baseline) },
    },
  };
}
