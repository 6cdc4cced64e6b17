import type { ItemOutcomes } from "../../model/evidence.ts";
import type { MessageRef } from "../../model/message.ts";
import { findEvidence } from "../find-evidence.ts";
import type { MeasureInput, MetricDefinition, MetricEstimate, MetricUnavailable } from "../metric.ts";
import { roleRef } from "../sentence.ts";
import { bootstrapRelativeChange } from "../stats/bootstrap.ts";
import { bootstrapPairedUnits, boundSamplesNeeded, weightedMean } from "../stats/paired-resample.ts";
import { computeMean, computePercentile, sortFinite } from "../stats/percentile.ts";
import { clopperPearsonInterval, clopperPearsonSamplesNeeded } from "../stats/proportion.ts";
import { computeQuantileBound } from "../stats/quantile-bound.ts";
import { computeChange, scaleSamplesNeeded } from "../stats/relative-change.ts";
import { alignItemRates, groupItemRates, type ItemRates } from "./item-rates.ts";

/**
 * Rates over judged items (`outcomes` kind). The same share of successes is a task success rate (2.1),
 * an evaluator's accuracy against human labels (2.1), fault coverage (2.2) or an automatic review rate
 * (5.7); the error rate is its complement (1.4). Absolute rates carry a Clopper–Pearson bound; relative
 * changes a seeded bootstrap over items.
 */
export const OUTCOME_METRICS: MetricDefinition[] = [
  rateMetric("outcomes.success_rate", "higher"),
  rateMetric("outcomes.accuracy", "higher"),
  rateMetric("outcomes.coverage", "higher"),
  rateMetric("outcomes.review_rate", "higher"),
  rateMetric("outcomes.error_rate", "lower"),
  latencyMetric(50),
  latencyMetric(99),
];

// --- internal ---

const RESAMPLES = 1000;

function rateMetric(id: string, better: "lower" | "higher"): MetricDefinition {
  const flip = better === "lower";
  return {
    id,
    unit: "fraction",
    better,
    evaluate(input) {
      const candidate = findOutcomes(input, "candidate");
      if (candidate === undefined)
        return missing(
          "No outcomes file (one judged item per row) was submitted; `claimcheck template outcomes` prints its header.",
          { key: "missing.outcomes" },
        );
      const c = groupItemRates(candidate, flip);
      if (input.comparison === "none")
        return c.clustered ? clusteredRate(c, input) : absoluteRate(c.rate, input.confidence);
      const role = input.baselineRole ?? "baseline";
      const baseline = findOutcomes(input, "baseline");
      if (baseline === undefined)
        return missing(`No ${role} outcomes file was submitted; the change is measured against it.`, {
          key: "missing.outcomes_baseline",
          params: { role: roleRef(role) },
        });
      return rateChange(id, better, c, groupItemRates(baseline, flip), role, input);
    },
  };
}

/** Change of a rate: paired over items when both sides judged the same items, else unpaired. */
function rateChange(
  id: string,
  better: "lower" | "higher",
  c: ItemRates,
  b: ItemRates,
  role: string,
  input: MeasureInput,
): MetricEstimate {
  const change = (x: number, y: number) => computeChange(input.comparison, better, x, y);
  const aligned = alignItemRates(c, b);
  const candidateMean = computeMean(c.rate);
  const baselineMean = computeMean(b.rate);
  const value = change(candidateMean, baselineMean);
  const n = Math.min(c.ids.length, b.ids.length);
  const bound =
    aligned === undefined
      ? bootstrapRelativeChange({
          candidate: c.rate,
          baseline: b.rate,
          statistic: computeMean,
          change,
          resamples: RESAMPLES,
          seed: input.seed,
          confidence: input.confidence,
        })
      : bootstrapPairedUnits({
          n,
          statistic: (w) => change(weightedMean(c.rate, w), weightedMean(aligned, w)),
          resamples: RESAMPLES,
          seed: input.seed,
          confidence: input.confidence,
        });
  const how =
    aligned === undefined
      ? "bootstrap over items, unpaired (the two files judged different items)"
      : "paired bootstrap over items (both files judged the same items)";
  return {
    value,
    low: bound.low,
    high: bound.high,
    n,
    method: `${id} ${round(candidateMean)} (${c.ids.length} items) vs ${role} ${round(baselineMean)} (${b.ids.length} items); ${how}, ${RESAMPLES} resamples, seed ${input.seed}`,
    methodRef: {
      key: "method.outcomes_change",
      params: {
        id,
        c: round(candidateMean),
        cn: c.ids.length,
        role: roleRef(role),
        b: round(baselineMean),
        bn: b.ids.length,
        paired: aligned === undefined ? "no" : "yes",
        resamples: RESAMPLES,
        seed: input.seed,
      },
    },
    candidate: candidateMean,
    baseline: baselineMean,
    nNeeded: (t) => scaleSamplesNeeded(n, value, bound.low, t),
  };
}

function absoluteRate(values: Float64Array, confidence: number): MetricEstimate {
  const n = values.length;
  const k = Math.round(computeMean(values) * n);
  const bound = clopperPearsonInterval(k, n, confidence);
  return {
    value: k / n,
    low: bound.low,
    high: bound.high,
    n,
    method: `${k} of ${n} items; Clopper–Pearson exact bound`,
    methodRef: { key: "method.items_clopper_pearson", params: { k, n } },
    nNeeded: (threshold) => clopperPearsonSamplesNeeded(k / n, threshold, confidence, n),
  };
}

/** Several trials per item: the mean of per-item success shares, bounded by a bootstrap over items. */
function clusteredRate(rates: ItemRates, input: MeasureInput): MetricEstimate {
  const n = rates.ids.length;
  const value = computeMean(rates.rate);
  const bound = bootstrapPairedUnits({
    n,
    statistic: (w) => weightedMean(rates.rate, w),
    resamples: RESAMPLES,
    seed: input.seed,
    confidence: input.confidence,
  });
  return {
    value,
    low: bound.low,
    high: bound.high,
    n,
    method: `${rates.trials} trials of ${n} items: mean of per-item success shares; bootstrap over items (trials of one item are not independent), ${RESAMPLES} resamples, seed ${input.seed}`,
    methodRef: {
      key: "method.outcomes_clustered",
      params: { trials: rates.trials, n, resamples: RESAMPLES, seed: input.seed },
    },
    nNeeded: boundSamplesNeeded(n, value, bound.low, bound.high),
  };
}

function latencyMetric(p: number): MetricDefinition {
  const id = `outcomes.latency_ms.p${p}`;
  return {
    id,
    unit: "ms",
    better: "lower",
    evaluate(input) {
      const candidate = findOutcomes(input, "candidate");
      if (candidate === undefined)
        return missing("No outcomes file with latency_ms was submitted.", {
          key: "missing.outcomes_latency",
        });
      const c = sortFinite(candidate.latencyMs);
      if (c.length === 0)
        return {
          unavailable: "invalid",
          reason: "The outcomes file has no latency_ms values; fill in the time to each outcome.",
          reasonRef: { key: "reason.outcomes_no_latency" },
        };
      if (input.comparison === "none") {
        const bound = computeQuantileBound(c, p, input.confidence);
        return {
          value: computePercentile(c, p, input.percentileMethod),
          low: bound.low,
          high: bound.high,
          n: c.length,
          method: `p${p} of latency_ms over ${c.length} items; order-statistic bound`,
          methodRef: { key: "method.outcomes_latency", params: { p, n: c.length } },
        };
      }
      const role = input.baselineRole ?? "baseline";
      const baseline = findOutcomes(input, "baseline");
      const b = baseline === undefined ? new Float64Array() : sortFinite(baseline.latencyMs);
      if (b.length === 0)
        return missing(`No ${role} outcomes file with latency_ms was submitted.`, {
          key: "missing.outcomes_latency_baseline",
          params: { role: roleRef(role) },
        });
      const statistic = (s: Float64Array) => computePercentile(s, p, input.percentileMethod);
      const change = (x: number, y: number) => computeChange(input.comparison, "lower", x, y);
      const boot = bootstrapRelativeChange({
        candidate: c,
        baseline: b,
        statistic,
        change,
        resamples: RESAMPLES,
        seed: input.seed,
        confidence: input.confidence,
      });
      return {
        value: boot.value,
        low: boot.low,
        high: boot.high,
        n: Math.min(c.length, b.length),
        method: `p${p} latency_ms ${round(statistic(c))} vs ${role} ${round(statistic(b))} ms; bootstrap over items (${RESAMPLES} resamples, seed ${input.seed})`,
        methodRef: {
          key: "method.outcomes_latency_change",
          params: {
            p,
            c: round(statistic(c)),
            role: roleRef(role),
            b: round(statistic(b)),
            resamples: RESAMPLES,
            seed: input.seed,
          },
        },
        candidate: statistic(c),
        baseline: statistic(b),
      };
    },
  };
}

function findOutcomes(input: MeasureInput, side: "candidate" | "baseline"): ItemOutcomes | undefined {
  return findEvidence(input, "outcomes", side)?.outcomes;
}

function missing(reason: string, reasonRef?: MessageRef): MetricUnavailable {
  return reasonRef === undefined
    ? { unavailable: "missing", reason }
    : { unavailable: "missing", reason, reasonRef };
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}
