import { computeQuantileBound } from "./quantile-bound.ts";
import { createRandom, type Random } from "./random.ts";

export interface BootstrapResult {
  value: number;
  low: number;
  high: number;
  resamples: number;
  seed: number;
  confidence: number;
}

export interface BootstrapChangeOptions {
  candidate: Float64Array;
  baseline: Float64Array;
  /** The statistic of one sorted sample (p99, mean, …). */
  statistic: (sorted: Float64Array) => number;
  change: (candidate: number, baseline: number) => number;
  resamples: number;
  seed: number;
  confidence: number;
}

/**
 * Percentile-bootstrap interval of change(stat(candidate), stat(baseline)) with the two samples
 * resampled independently (different requests, same workload), seeded for reproducibility.
 */
export function bootstrapRelativeChange(options: BootstrapChangeOptions): BootstrapResult {
  const { candidate, baseline, statistic, change, resamples, seed } = options;
  const random = createRandom(seed);
  const bufferC = new Float64Array(candidate.length);
  const bufferB = new Float64Array(baseline.length);
  const changes = new Float64Array(resamples);
  for (let i = 0; i < resamples; i++) {
    changes[i] = change(
      statistic(resample(candidate, bufferC, random)),
      statistic(resample(baseline, bufferB, random)),
    );
  }
  return percentileInterval(changes, change(statistic(candidate), statistic(baseline)), options);
}

/**
 * Paired percentile bootstrap: `candidate[i]` and `baseline[i]` are the same request replayed on both
 * systems, so request indexes are resampled jointly and the workload's own spread (prompt and output
 * lengths) cancels out of the change.
 */
export function bootstrapPairedChange(options: BootstrapChangeOptions): BootstrapResult {
  const { candidate, baseline, statistic, change, resamples, seed } = options;
  const random = createRandom(seed);
  const n = candidate.length;
  // Resample pairs in a canonical order, so the same logs with their rows in another order (or another
  // join order) give the same interval for the same seed.
  const order = canonicalPairOrder(candidate, baseline);
  const bufferC = new Float64Array(n);
  const bufferB = new Float64Array(n);
  const changes = new Float64Array(resamples);
  for (let i = 0; i < resamples; i++) {
    for (let j = 0; j < n; j++) {
      const k = order[random.int(n)] as number;
      bufferC[j] = candidate[k] as number;
      bufferB[j] = baseline[k] as number;
    }
    changes[i] = change(statistic(bufferC.sort()), statistic(bufferB.sort()));
  }
  const sortedC = Float64Array.from(candidate).sort();
  const sortedB = Float64Array.from(baseline).sort();
  return percentileInterval(changes, change(statistic(sortedC), statistic(sortedB)), options);
}

/**
 * Conservative interval of change(q_cand, q_base) for the p-th percentiles of two large samples: each
 * side's order-statistic interval at 1 − (1 − c)/2 (Bonferroni), combined at the corners. `change` must
 * be monotone in each argument, as every relative change is for positive latencies.
 */
export function boundRelativeChangeOfQuantiles(
  candSorted: Float64Array,
  baseSorted: Float64Array,
  p: number,
  change: (c: number, b: number) => number,
  confidence: number,
): { low: number | null; high: number | null } {
  const each = 1 - (1 - confidence) / 2;
  const c = computeQuantileBound(candSorted, p, each);
  const b = computeQuantileBound(baseSorted, p, each);
  if (c.low === null || c.high === null || b.low === null || b.high === null)
    return { low: null, high: null };
  const corners = [
    change(c.low, b.low),
    change(c.low, b.high),
    change(c.high, b.low),
    change(c.high, b.high),
  ];
  return { low: Math.min(...corners), high: Math.max(...corners) };
}

// --- internal ---

/** Pair indexes sorted by candidate value, then baseline value. */
function canonicalPairOrder(candidate: Float64Array, baseline: Float64Array): Uint32Array {
  const order = Uint32Array.from({ length: candidate.length }, (_, i) => i);
  return order.sort(
    (i, j) =>
      (candidate[i] as number) - (candidate[j] as number) ||
      (baseline[i] as number) - (baseline[j] as number),
  );
}

function percentileInterval(
  changes: Float64Array,
  value: number,
  options: BootstrapChangeOptions,
): BootstrapResult {
  const { resamples, seed, confidence } = options;
  changes.sort();
  const alpha = (1 - confidence) / 2;
  return {
    value,
    low: changes[Math.floor(alpha * (resamples - 1))] as number,
    high: changes[Math.ceil((1 - alpha) * (resamples - 1))] as number,
    resamples,
    seed,
    confidence,
  };
}

/** A bootstrap resample, sorted (the statistics take sorted input). */
function resample(source: Float64Array, buffer: Float64Array, random: Random): Float64Array {
  const n = source.length;
  for (let i = 0; i < n; i++) buffer[i] = source[random.int(n)] as number;
  return buffer.sort();
}
