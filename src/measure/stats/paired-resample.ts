import { createRandom } from "./random.ts";
import { scaleSamplesNeeded } from "./relative-change.ts";

export interface PairedResampleOptions {
  /** Number of paired units (queries, items, segments). */
  n: number;
  /**
   * The statistic of one resample, given how many times each unit was drawn (`weights[i]`), so a
   * corpus statistic (BLEU) can sum its counts and a mean can weight its values without copying.
   */
  statistic: (weights: Uint32Array) => number;
  resamples: number;
  seed: number;
  /** Two-sided confidence of the percentile interval. */
  confidence: number;
}

export interface PairedResampleResult {
  low: number | null;
  high: number | null;
  resamples: number;
  seed: number;
}

/**
 * Seeded paired percentile bootstrap over units: each resample draws n unit indexes with replacement
 * and both systems' values of a drawn unit go in together (Koehn 2004; sacreBLEU --paired-bs).
 * Resamples whose statistic is not finite (a baseline mean of 0) are left out of the percentiles.
 */
export function bootstrapPairedUnits(options: PairedResampleOptions): PairedResampleResult {
  const { n, statistic, resamples, seed, confidence } = options;
  if (n === 0) return { low: null, high: null, resamples, seed };
  const random = createRandom(seed);
  const weights = new Uint32Array(n);
  const values = new Float64Array(resamples);
  let kept = 0;
  for (let r = 0; r < resamples; r++) {
    weights.fill(0);
    for (let j = 0; j < n; j++) (weights[random.int(n)] as number)++;
    const value = statistic(weights);
    if (Number.isFinite(value)) values[kept++] = value;
  }
  if (kept === 0) return { low: null, high: null, resamples, seed };
  const sorted = values.subarray(0, kept).sort();
  const alpha = (1 - confidence) / 2;
  return {
    low: sorted[Math.floor(alpha * (kept - 1))] as number,
    high: sorted[Math.ceil((1 - alpha) * (kept - 1))] as number,
    resamples,
    seed,
  };
}

/** Weighted mean of `values` under resample `weights` (all ones gives the plain mean). */
export function weightedMean(values: ArrayLike<number>, weights: Uint32Array): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const w = weights[i] as number;
    if (w === 0) continue;
    sum += w * (values[i] as number);
    count += w;
  }
  return sum / count;
}

/** Unit weights of 1, i.e. the observed sample itself. */
export function unitWeights(n: number): Uint32Array {
  return new Uint32Array(n).fill(1);
}

/**
 * `nNeeded` for an estimate with a two-sided interval: the bound on the threshold's side of the value
 * is scaled as 1/√n (see `scaleSamplesNeeded`).
 */
export function boundSamplesNeeded(
  n: number,
  value: number,
  low: number | null,
  high: number | null,
): (threshold: number) => number | null {
  return (threshold) => scaleSamplesNeeded(n, value, threshold < value ? low : high, threshold);
}
