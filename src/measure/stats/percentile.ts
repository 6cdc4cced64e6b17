import { sortNumbers } from "./sort-numbers.ts";

/** Percentile interpolation rules: numpy's default, and MLPerf LoadGen's nearest rank. */
export type PercentileMethod = "linear" | "nearest-rank";

/**
 * The p-th percentile (p in 0..100) of an ascending, NaN-free array.
 * - `linear`: numpy's default, rank (n − 1)·p/100 interpolated between neighbours.
 * - `nearest-rank`: MLPerf LoadGen, `sorted[floor(n·p/100)]` clamped to the last element.
 */
export function computePercentile(sorted: Float64Array, p: number, method: PercentileMethod): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  if (method === "nearest-rank") return sorted[Math.min(n - 1, Math.floor((n * p) / 100))] as number;
  const rank = ((n - 1) * p) / 100;
  const low = Math.floor(rank);
  const high = Math.min(n - 1, low + 1);
  const a = sorted[low] as number;
  return a + ((sorted[high] as number) - a) * (rank - low);
}

/** A sorted copy without NaN. */
export function sortFinite(column: Float64Array): Float64Array {
  let n = 0;
  const out = new Float64Array(column.length);
  for (const value of column) if (!Number.isNaN(value)) out[n++] = value;
  return sortNumbers(out.subarray(0, n));
}

export function computeMean(values: Float64Array): number {
  let sum = 0;
  // An index loop: a typed array's iterator is several times slower on a million values.
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  return values.length === 0 ? Number.NaN : sum / values.length;
}
