import type { MessageRef } from "../../model/message.ts";
import type { AccuracyScore } from "../../model/quality.ts";
import type { MeasureInput } from "../metric.ts";
import { QUALITY_RESAMPLES } from "../stats/paired-change.ts";
import { normalQuantile } from "../stats/special-functions.ts";
import { bootstrapStratifiedPaired, type PairedStratum } from "../stats/stratified-bootstrap.ts";

/** Mean over tasks, the variance of that mean, and the items behind it. */
export interface Summary {
  mean: number;
  /** Variance of the mean; NaN when a task has neither a stderr nor an n. */
  variance: number;
  n: number;
}

/** Unweighted mean over tasks with the variance of that mean from each task's stderr. */
export function summarize(scores: AccuracyScore[]): Summary {
  const t = scores.length;
  let sum = 0;
  let variance = 0;
  let n = 0;
  for (const s of scores) {
    sum += s.value;
    // A proportion's stderr from its n when the file gives none (lm-eval's ddof-1 form).
    const se =
      Number.isNaN(s.stderr) && s.n > 1 ? Math.sqrt((s.value * (1 - s.value)) / (s.n - 1)) : s.stderr;
    variance += se ** 2;
    n += s.n;
  }
  return { mean: sum / t, variance: variance / t ** 2, n: Number.isNaN(n) ? t : n };
}

/** value ± z·√variance at the two-sided confidence; no bound when the variance is unknown. */
export function normalBound(value: number, variance: number, confidence: number) {
  if (!Number.isFinite(variance)) return { low: null, high: null };
  const half = normalQuantile(1 - (1 - confidence) / 2) * Math.sqrt(variance);
  return { low: value - half, high: value + half };
}

/** A change of the task mean over the baseline's, with its bound and how it was bounded. */
export interface ChangeEstimate {
  value: number;
  low: number | null;
  high: number | null;
  candidate: number;
  baseline: number;
  method: string;
  methodRef: MessageRef;
}

/** Normal bound by the delta method from the per-task stderrs, the two models treated as independent. */
export function deltaMethod(
  c: Summary,
  b: Summary,
  input: MeasureInput,
  change: (x: number, y: number) => number,
): ChangeEstimate {
  const value = change(c.mean, b.mean);
  // d(change)/dC and d(change)/dB: ±1 for a delta, ±1/B and ∓C/B² for a relative change.
  const [dc, db] = input.comparison === "delta" ? [1, 1] : [1 / b.mean, c.mean / b.mean ** 2];
  const bound = normalBound(value, dc ** 2 * c.variance + db ** 2 * b.variance, input.confidence);
  return {
    value,
    ...bound,
    candidate: c.mean,
    baseline: b.mean,
    method:
      "delta-method normal bound from per-task standard errors, unpaired (conservative for the same items)",
    methodRef: { key: "method.accuracy_delta_method" },
  };
}

/** Paired bootstrap over the items both models answered, resampled within each task. */
export function itemBootstrap(
  strata: PairedStratum[],
  input: MeasureInput,
  change: (x: number, y: number) => number,
): ChangeEstimate {
  const est = bootstrapStratifiedPaired({
    strata,
    change,
    resamples: QUALITY_RESAMPLES,
    seed: input.seed,
    confidence: input.confidence,
  });
  const items = strata.reduce((sum, s) => sum + s.candidate.length, 0);
  return {
    ...est,
    method: `paired bootstrap over ${items} items within ${strata.length} task(s), ${QUALITY_RESAMPLES} resamples, seed ${input.seed}`,
    methodRef: {
      key: "method.accuracy_item_bootstrap",
      params: { items, tasks: strata.length, resamples: QUALITY_RESAMPLES, seed: input.seed },
    },
  };
}
