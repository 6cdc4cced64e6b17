import { grow, trimTo } from "../text/typed-columns.ts";

/** How the streaming reader reads one per-request list of a detailed result object. */
export type DetailListKind = "number" | "gaps" | "text";

/**
 * The per-request lists of vLLM `--save-detailed` / SGLang `--output-details` (see
 * serving-detail-arrays.ts for their meaning), and the two big lists no metric reads, which are
 * checked for shape and dropped.
 */
export const DETAIL_LISTS: ReadonlyMap<string, DetailListKind> = new Map([
  ["ttfts", "number"],
  ["latencies", "number"],
  ["start_times", "number"],
  ["input_lens", "number"],
  ["output_lens", "number"],
  ["itls", "gaps"],
  ["errors", "text"],
  ["queue_times", "number"],
  ["generated_texts", "text"],
]);

/** Lists read but not kept: no metric reads them (the general reader ignores them too). */
export const DROPPED_LISTS: ReadonlySet<string> = new Set(["queue_times", "generated_texts"]);

/**
 * One per-request list as a growable column. A number list keeps its values; a gaps list (`itls`)
 * keeps each request's sum of gaps and their count (−1 for `null`), summed in file order as the
 * general reader sums them; a text list (`errors`) keeps 1 where the string is not empty.
 */
export class DetailListColumn {
  readonly kind: DetailListKind;
  values: Float64Array;
  counts: Int32Array;
  length = 0;

  /** `capacity`: the entries expected (a list read before this one tells). */
  constructor(kind: DetailListKind, capacity = 1024) {
    this.kind = kind;
    this.values = new Float64Array(capacity);
    this.counts = new Int32Array(kind === "gaps" ? capacity : 0);
  }

  push(value: number): void {
    if (this.length === this.values.length) this.reserve();
    this.values[this.length++] = value;
  }

  /** A gaps entry: its sum so far is `values[length − 1]`, its count `counts[length − 1]`. */
  pushGaps(count: number): void {
    if (this.length === this.values.length) this.reserve();
    this.values[this.length] = 0;
    this.counts[this.length++] = count;
  }

  addGap(gap: number): void {
    const i = this.length - 1;
    this.values[i] = (this.values[i] as number) + gap;
    this.counts[i] = (this.counts[i] as number) + 1;
  }

  finish(): { values: Float64Array; counts: Int32Array } {
    return { values: trimTo(this.values, this.length), counts: trimTo(this.counts, this.length) };
  }

  // --- internal ---

  private reserve(): void {
    const size = Math.ceil(this.values.length * 1.5) + 16;
    this.values = grow(this.values, size);
    if (this.kind === "gaps") this.counts = grow(this.counts, size);
  }
}
