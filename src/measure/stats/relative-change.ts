import type { Comparison } from "../../model/topic.ts";

/**
 * The relative (or absolute, for `delta`) change of a candidate value over a baseline value, signed
 * so that the topic's wording reads naturally: a `regression` is positive when the candidate is worse,
 * an `improvement` positive when it is better, a `loss` positive when throughput dropped.
 */
export function computeChange(
  comparison: Comparison,
  better: "lower" | "higher",
  candidate: number,
  baseline: number,
): number {
  switch (comparison) {
    case "none":
      return candidate;
    case "delta":
      return candidate - baseline;
    case "regression":
    case "loss":
      return better === "lower" ? (candidate - baseline) / baseline : (baseline - candidate) / baseline;
    case "improvement":
      return better === "lower" ? (baseline - candidate) / baseline : (candidate - baseline) / baseline;
  }
}

/**
 * Samples needed for a bound to reach `threshold`, assuming its distance from the estimate shrinks as
 * 1/√n (true of every bound claimcheck uses, asymptotically). Null when the estimate itself misses.
 */
export function scaleSamplesNeeded(
  n: number,
  value: number,
  bound: number | null,
  threshold: number,
): number | null {
  if (bound === null || n === 0) return null;
  const have = Math.abs(bound - value);
  const room = Math.abs(threshold - value);
  if (room === 0 || Math.sign(threshold - value) !== Math.sign(bound - value)) return null;
  return Math.ceil(n * (have / room) ** 2);
}
