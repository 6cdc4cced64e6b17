import type { ServingRequests } from "../model/evidence.ts";

/** Share of requests that must match by id before a comparison is treated as the same trace replayed. */
const MIN_MATCHED_SHARE = 0.9;

/**
 * Aligns one column of two request logs by `request_id` (successful requests with a value on both
 * sides). Returns undefined when the logs are not the same trace: no ids, or under 90 % matched.
 */
export function pairByRequestId(
  candidate: ServingRequests,
  baseline: ServingRequests,
  key: keyof ServingRequests,
): { candidate: Float64Array; baseline: Float64Array } | undefined {
  if (candidate.requestId === undefined || baseline.requestId === undefined) return undefined;
  const baseIndex = new Map<string, number>();
  const baseValues = baseline[key] as Float64Array;
  baseline.requestId.forEach((id, i) => {
    if (baseline.ok[i] === 1 && !Number.isNaN(baseValues[i] as number)) baseIndex.set(id, i);
  });
  const candValues = candidate[key] as Float64Array;
  const c: number[] = [];
  const b: number[] = [];
  candidate.requestId.forEach((id, i) => {
    const j = baseIndex.get(id);
    if (j === undefined || candidate.ok[i] !== 1 || Number.isNaN(candValues[i] as number)) return;
    c.push(candValues[i] as number);
    b.push(baseValues[j] as number);
  });
  if (c.length < MIN_MATCHED_SHARE * Math.min(candidate.rows, baseline.rows) || c.length === 0)
    return undefined;
  return { candidate: Float64Array.from(c), baseline: Float64Array.from(b) };
}
