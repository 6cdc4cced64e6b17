import { normalQuantile, regularizedBeta } from "./special-functions.ts";

export interface Interval {
  low: number;
  high: number;
}

/** Wilson score interval for k successes in n trials, two-sided at `confidence`. */
export function wilsonInterval(k: number, n: number, confidence: number): Interval {
  if (n === 0) return { low: 0, high: 1 };
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const p = k / n;
  const z2 = z * z;
  const center = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, center - half), high: Math.min(1, center + half) };
}

/** Clopper–Pearson exact interval: beta quantiles found by bisection on the incomplete beta function. */
export function clopperPearsonInterval(k: number, n: number, confidence: number): Interval {
  const alpha = (1 - confidence) / 2;
  const low = k === 0 ? 0 : betaQuantile(alpha, k, n - k + 1);
  const high = k === n ? 1 : betaQuantile(1 - alpha, k + 1, n - k);
  return { low, high };
}

/**
 * Newcombe's hybrid score interval (method 10) for p1 − p2, from the two Wilson intervals; it keeps
 * its coverage where the Wald interval collapses (rates near 0 or 1, as success rates are).
 */
export function newcombeDifference(
  k1: number,
  n1: number,
  k2: number,
  n2: number,
  confidence: number,
): Interval {
  const p1 = k1 / n1;
  const p2 = k2 / n2;
  const w1 = wilsonInterval(k1, n1, confidence);
  const w2 = wilsonInterval(k2, n2, confidence);
  const d = p1 - p2;
  return {
    low: d - Math.sqrt((p1 - w1.low) ** 2 + (w2.high - p2) ** 2),
    high: d + Math.sqrt((w1.high - p1) ** 2 + (p2 - w2.low) ** 2),
  };
}

/**
 * The smallest n for which n successes in n trials give a one-sided Clopper–Pearson lower bound of at
 * least `target`: (1 − confidence)^(1/n) ≥ target, e.g. 299 for 99 % at 95 %.
 */
export function computeProportionSampleSize(target: number, confidence: number): number {
  return Math.ceil(Math.log(1 - confidence) / Math.log(target));
}

/**
 * The smallest n at which the observed success share, held fixed, gives a Clopper–Pearson bound on
 * the threshold's side that clears it (exact, unlike a 1/√n scaling, which is far off near 0 and 1:
 * 60 of 60 faults needs 299 for 99 % at 95 % one-sided, not thousands). `null` when the share itself
 * misses the threshold, or more than ten million items would be needed.
 */
export function clopperPearsonSamplesNeeded(
  share: number,
  threshold: number,
  confidence: number,
  from: number,
): number | null {
  const above = threshold < share;
  if (threshold === share) return null;
  const clears = (n: number) => {
    const bound = clopperPearsonInterval(Math.round(share * n), n, confidence);
    return above ? bound.low >= threshold : bound.high <= threshold;
  };
  let hi = Math.max(1, from);
  while (!clears(hi)) {
    if (hi > 10_000_000) return null;
    hi *= 2;
  }
  let lo = Math.max(1, Math.floor(hi / 2));
  if (clears(lo)) return lo;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (clears(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

// --- internal ---

function betaQuantile(p: number, a: number, b: number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (regularizedBeta(mid, a, b) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
