/**
 * The "1 − quantile" axis HdrHistogram's plots use: percentile p is drawn at 1 / (1 − p/100) on a
 * log scale, so 50 %, 90 %, 99 %, 99.9 % are evenly spaced and a p99 gets as much room as the median.
 */
export const PERCENTILE_TICKS = [0, 50, 90, 99, 99.9, 99.99, 99.999, 99.9999];

/** Where percentile p (0–100) sits on the axis; 100 % has no place on it (infinitely far). */
export function toPercentileAxis(p: number): number {
  return p >= 100 ? Number.POSITIVE_INFINITY : 100 / (100 - p);
}

/** The percentile an axis position stands for, as a tick label: `99.9 %`. */
export function formatPercentileTick(position: number): string {
  const p = 100 - 100 / position;
  return `${Number(p.toPrecision(6))} %`;
}

/** The tick positions from the median's up to the largest the data reaches. */
export function computePercentileTicks(max: number): number[] {
  return PERCENTILE_TICKS.map(toPercentileAxis).filter((x) => x <= max * 1.0001);
}
