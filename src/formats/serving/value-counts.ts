import type { ValueCounts } from "../../model/evidence.ts";
import { grow, trimTo } from "../text/typed-columns.ts";

/**
 * Counts a column's finite values as a reader meets them: whole numbers below 2^22 (token counts)
 * in one counter each, anything else kept as is. Ten million prompt lengths then cost a few
 * hundred kilobytes instead of 80 MB, and their distribution is the same.
 */
export class ValueCounter {
  #counts: Uint32Array = new Uint32Array(1024);
  #others: Float64Array = new Float64Array(16);
  #nOthers = 0;
  #n = 0;

  add(value: number): void {
    if (!Number.isFinite(value)) return;
    this.#n++;
    if (Number.isInteger(value) && value >= 0 && value < MAX_COUNTED) {
      if (value >= this.#counts.length)
        this.#counts = grow(
          this.#counts,
          Math.min(MAX_COUNTED, Math.max(value + 1, this.#counts.length * 2)),
        );
      this.#counts[value] = (this.#counts[value] as number) + 1;
      return;
    }
    if (this.#nOthers === this.#others.length) this.#others = grow(this.#others, this.#nOthers * 2);
    this.#others[this.#nOthers++] = value;
  }

  /** The distinct values in ascending order with their counts; `sort` orders the values that were not counted. */
  finish(sort: (values: Float64Array) => Float64Array): ValueCounts {
    const others = countSortedValues(sort(trimTo(this.#others, this.#nOthers)));
    const counted = countsOf(this.#counts);
    return mergeCounts(counted, others, this.#n);
  }
}

/** A sorted sample as its distinct values and their counts. */
export function countSortedValues(sorted: Float64Array): ValueCounts {
  const values: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const value = sorted[i] as number;
    if (i > 0 && Object.is(value, sorted[i - 1])) counts[counts.length - 1] = (counts.at(-1) as number) + 1;
    else {
      values.push(value);
      counts.push(1);
    }
  }
  return { values: Float64Array.from(values), counts: Float64Array.from(counts), n: sorted.length };
}

// --- internal ---

const MAX_COUNTED = 2 ** 22;

function countsOf(counters: Uint32Array): ValueCounts {
  const values: number[] = [];
  const counts: number[] = [];
  let n = 0;
  for (let value = 0; value < counters.length; value++) {
    const count = counters[value] as number;
    if (count === 0) continue;
    values.push(value);
    counts.push(count);
    n += count;
  }
  return { values: Float64Array.from(values), counts: Float64Array.from(counts), n };
}

/** Two disjoint sets of distinct values (none of `b` is a counted whole number) as one ascending list. */
function mergeCounts(a: ValueCounts, b: ValueCounts, n: number): ValueCounts {
  if (b.values.length === 0) return { ...a, n };
  const values: number[] = [];
  const counts: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.values.length || j < b.values.length) {
    const takeA =
      j >= b.values.length || (i < a.values.length && (a.values[i] as number) < (b.values[j] as number));
    values.push((takeA ? a.values[i] : b.values[j]) as number);
    counts.push((takeA ? a.counts[i++] : b.counts[j++]) as number);
  }
  return { values: Float64Array.from(values), counts: Float64Array.from(counts), n };
}
