import type { ItemOutcomes } from "../../model/evidence.ts";

/** Success per judged item: the share of an item's trials that succeeded (1/0 for a single trial). */
export interface ItemRates {
  ids: string[];
  /** Per-item success share, complemented for an error rate. */
  rate: Float64Array;
  /** Rows (trials) behind all items. */
  trials: number;
  /** True when some item was judged more than once (τ-bench style trials). */
  clustered: boolean;
}

/**
 * Groups rows by item so that repeated trials of one task count as one unit of evidence: four trials
 * of 50 tasks are 50 independent draws, not 200, and a bound that pretends otherwise is too narrow.
 */
export function groupItemRates(outcomes: ItemOutcomes, flip: boolean): ItemRates {
  const position = new Map<string, number>();
  const sums: number[] = [];
  const counts: number[] = [];
  for (let row = 0; row < outcomes.rows; row++) {
    const id = outcomes.itemId[row] as string;
    let at = position.get(id);
    if (at === undefined) {
      at = sums.length;
      position.set(id, at);
      sums.push(0);
      counts.push(0);
    }
    const success = outcomes.success[row] as number;
    sums[at] = (sums[at] as number) + (flip ? 1 - success : success);
    counts[at] = (counts[at] as number) + 1;
  }
  return {
    ids: [...position.keys()],
    rate: Float64Array.from(sums, (sum, i) => sum / (counts[i] as number)),
    trials: outcomes.rows,
    clustered: sums.length < outcomes.rows,
  };
}

/**
 * The baseline's rates reordered to the candidate's items, when both judged exactly the same items
 * (the same tasks or faults replayed on both systems); `undefined` when the item sets differ.
 */
export function alignItemRates(candidate: ItemRates, baseline: ItemRates): Float64Array | undefined {
  if (candidate.ids.length !== baseline.ids.length) return undefined;
  const index = new Map(baseline.ids.map((id, i) => [id, i]));
  const aligned = new Float64Array(candidate.ids.length);
  for (let i = 0; i < candidate.ids.length; i++) {
    const at = index.get(candidate.ids[i] as string);
    if (at === undefined) return undefined;
    aligned[i] = baseline.rate[at] as number;
  }
  return aligned;
}
