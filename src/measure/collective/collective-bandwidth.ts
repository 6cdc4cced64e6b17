import { busbwFactor, type CollectiveRow, type CollectiveTest } from "../../model/collective.ts";

/** One printed cell with claimcheck's own algbw and busbw (GB/s = 1e9 B/s, as nccl-tests uses). */
export interface RecomputedCell {
  row: CollectiveRow;
  algbw: number;
  busbw: number;
  /** busbw / algbw: the collective's factor for the test's rank count. */
  factor: number;
}

/** nccl-tests' default window for "large messages": 1 GiB and up, where the link, not latency, limits. */
export const DEFAULT_WINDOW_BYTES = 2 ** 30;

/**
 * algbw = size / time and busbw = algbw × factor(collective, n), from the size and time columns only;
 * undefined when the collective or the rank count is unknown (then nothing can be recomputed).
 */
export function recomputeTest(test: CollectiveTest): RecomputedCell[] | undefined {
  if (test.collective === undefined || test.ranks === undefined) return undefined;
  const factor = busbwFactor(test.collective, test.ranks);
  return test.rows.map((row) => {
    const algbw = row.sizeBytes / (row.timeUs * 1e3);
    return { row, algbw, busbw: algbw * factor, factor };
  });
}

/**
 * Whether a printed bandwidth equals the recomputed one up to the printing: nccl-tests prints 2
 * decimals and times to ~5 significant digits (rccl-tests 4), so 0.5 % or 0.011 GB/s, whichever is
 * larger.
 */
export function agreesWithPrinted(printed: number, recomputed: number): boolean {
  return Math.abs(printed - recomputed) <= Math.max(0.005 * Math.abs(recomputed), 0.011);
}

/**
 * Whether a printed bandwidth (algbw with factor 1, busbw with the test's factor) is what size / time
 * gives for some time that prints as the row's time: nccl-tests falls back to `%.1e` for times that
 * do not fit 7 characters, and 613 genuine logs of github.com/xxrjun/nccl-tests-cluster print
 * `1.8e+07` us (±2.8 %) for 16 GiB at 1 GB/s. Within that band `agreesWithPrinted`'s rounding applies.
 */
export function agreesWithRow(printed: number, row: CollectiveRow, factor: number): boolean {
  const half = (row.timeUlp ?? 0) / 2;
  const at = (time: number) => (row.sizeBytes / (time * 1e3)) * factor;
  const high = row.timeUs - half > 0 ? at(row.timeUs - half) : Number.POSITIVE_INFINITY;
  const low = at(row.timeUs + half);
  if (printed >= low && printed <= high) return true;
  return agreesWithPrinted(printed, printed < low ? low : high);
}

/** The cells at or above `minBytes`, both placements. */
export function windowCells(cells: RecomputedCell[], minBytes: number): RecomputedCell[] {
  return cells.filter((c) => c.row.sizeBytes >= minBytes);
}

/** Median of the recomputed busbw over cells (the window's plateau, robust to one noisy size). */
export function medianBusbw(cells: RecomputedCell[]): number {
  const values = cells.map((c) => c.busbw).sort((a, b) => a - b);
  const mid = values.length / 2;
  return values.length % 2 === 1
    ? (values[Math.floor(mid)] as number)
    : ((values[mid - 1] as number) + (values[mid] as number)) / 2;
}

/** The footer's `# Avg bus bandwidth`: the plain mean of every printed busbw cell of the test. */
export function footerMean(test: CollectiveTest): number {
  return test.rows.reduce((sum, r) => sum + r.busbw, 0) / test.rows.length;
}

const TYPE_BYTES: Record<string, number> = {
  int8: 1,
  uint8: 1,
  char: 1,
  fp8_e4m3: 1,
  fp8_e5m2: 1,
  f8e4m3: 1,
  f8e5m2: 1,
  half: 2,
  float16: 2,
  bfloat16: 2,
  int32: 4,
  uint32: 4,
  int: 4,
  float: 4,
  float32: 4,
  int64: 8,
  uint64: 8,
  double: 8,
  float64: 8,
};

/** Bytes per element of a printed type name; undefined for a name nccl-tests does not use. */
export function typeBytes(type: string): number | undefined {
  return TYPE_BYTES[type.toLowerCase()];
}
