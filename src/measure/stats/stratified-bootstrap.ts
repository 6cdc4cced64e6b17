import { createRandom } from "./random.ts";

/** One stratum (a task): the two systems' scores on the same items, in the same order. */
export interface PairedStratum {
  candidate: Float64Array;
  baseline: Float64Array;
}

export interface StratifiedOptions {
  strata: PairedStratum[];
  /** The change of the two macro-averages, e.g. a relative loss. */
  change: (candidate: number, baseline: number) => number;
  resamples: number;
  seed: number;
  confidence: number;
}

export interface StratifiedResult {
  value: number;
  low: number | null;
  high: number | null;
  candidate: number;
  baseline: number;
}

/**
 * Paired bootstrap of a change in the unweighted mean of per-stratum means (the average over tasks),
 * resampling items within each task so every task keeps its size and both systems keep their items.
 */
export function bootstrapStratifiedPaired(options: StratifiedOptions): StratifiedResult {
  const { strata, change, resamples, confidence } = options;
  const random = createRandom(options.seed);
  const [candidate, baseline] = macroMeans(strata, (_, j) => j);
  const values = new Float64Array(resamples);
  let kept = 0;
  for (let r = 0; r < resamples; r++) {
    const [c, b] = macroMeans(strata, (n) => random.int(n));
    const v = change(c, b);
    if (Number.isFinite(v)) values[kept++] = v;
  }
  const sorted = values.subarray(0, kept).sort();
  const alpha = (1 - confidence) / 2;
  return {
    value: change(candidate, baseline),
    low: kept === 0 ? null : (sorted[Math.floor(alpha * (kept - 1))] as number),
    high: kept === 0 ? null : (sorted[Math.ceil((1 - alpha) * (kept - 1))] as number),
    candidate,
    baseline,
  };
}

// --- internal ---

/** The mean over strata of each side's stratum mean, item j of a stratum of n read at `draw(n, j)`. */
function macroMeans(strata: PairedStratum[], draw: (n: number, j: number) => number): [number, number] {
  let c = 0;
  let b = 0;
  for (const s of strata) {
    const n = s.candidate.length;
    let sc = 0;
    let sb = 0;
    for (let j = 0; j < n; j++) {
      const i = draw(n, j);
      sc += s.candidate[i] as number;
      sb += s.baseline[i] as number;
    }
    c += sc / n;
    b += sb / n;
  }
  return [c / strata.length, b / strata.length];
}
