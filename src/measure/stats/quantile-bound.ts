import { binomialCdf, normalQuantile } from "./special-functions.ts";

export interface QuantileBound {
  /** Lower bound value, or null when n is too small for one at this confidence. */
  low: number | null;
  high: number | null;
  /** 0-based indexes of the order statistics used (−1 / n when absent). */
  lowIndex: number;
  highIndex: number;
  confidence: number;
}

/**
 * Distribution-free two-sided confidence interval for the p-th percentile (p in 0..100) from order
 * statistics: [X(r), X(s)] covers the true quantile with probability P(r ≤ B < s), B ~ Bin(n, p/100),
 * using the exact binomial CDF. Each side gets (1 − confidence)/2 of the error.
 */
export function computeQuantileBound(sorted: Float64Array, p: number, confidence: number): QuantileBound {
  const n = sorted.length;
  const { r, s } = computeOrderStatisticRanks(n, p / 100, (1 - confidence) / 2);
  return {
    low: r >= 1 ? (sorted[r - 1] as number) : null,
    high: s <= n ? (sorted[s - 1] as number) : null,
    lowIndex: r - 1,
    highIndex: s - 1,
    confidence,
  };
}

/**
 * 1-based ranks r (largest with P(B ≤ r − 1) ≤ α) and s (smallest with P(B ≤ s − 1) ≥ 1 − α);
 * r = 0 or s = n + 1 when no order statistic is extreme enough.
 */
export function computeOrderStatisticRanks(n: number, q: number, alpha: number): { r: number; s: number } {
  // P(B ≤ k) is increasing in k: binary-search the first k where it exceeds α, and where it reaches 1 − α.
  const firstAbove = (target: number, strict: boolean) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const cdf = binomialCdf(mid, n, q);
      if (strict ? cdf > target : cdf >= target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const r = firstAbove(alpha, true); // P(B ≤ r − 1) ≤ α < P(B ≤ r)
  const s = firstAbove(1 - alpha, false) + 1; // P(B ≤ s − 1) ≥ 1 − α
  return { r, s: binomialCdf(s - 1, n, q) >= 1 - alpha ? s : n + 1 };
}

/**
 * Roughly how many samples, drawn from the same distribution, would bring the bound of the p-th
 * percentile past `threshold` (the upper bound below it, or the lower bound above it). Uses the
 * normal approximation of the order-statistic ranks; null when the point estimate itself misses.
 */
export function estimateSamplesNeeded(
  sorted: Float64Array,
  p: number,
  threshold: number,
  side: "upper" | "lower",
  confidence: number,
): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  let below = 0;
  for (const x of sorted) if (x <= threshold) below++;
  const q = p / 100;
  const f = below / n;
  const gap = side === "upper" ? f - q : q - f;
  if (gap <= 0) return null;
  const z = normalQuantile(1 - (1 - confidence) / 2);
  return Math.ceil((z * z * q * (1 - q)) / (gap * gap));
}

/**
 * The fewest samples for which an order-statistic bound of the p-th percentile exists at all: the
 * maximum is an upper bound only once P(all n below the quantile) = q^n ≤ α, e.g. 368 for p99 at 95 %
 * two-sided (α = 2.5 % per side).
 */
export function computeMinimumSamples(p: number, confidence: number, side: "upper" | "lower"): number {
  const alpha = (1 - confidence) / 2;
  const q = side === "upper" ? p / 100 : 1 - p / 100;
  return q <= 0 ? 1 : Math.ceil(Math.log(alpha) / Math.log(q));
}
