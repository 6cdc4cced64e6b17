import type { RequestColumnKey, ServingRequests } from "../../model/evidence.ts";
import { requireColumn } from "../../model/request-columns.ts";
import { findRequest, indexRequests, packRequestIds } from "./request-index.ts";

/** Share of requests that must match by id before a comparison is treated as the same trace replayed. */
const MIN_MATCHED_SHARE = 0.9;

/**
 * Aligns one column of two request logs by `request_id` (successful requests with a value on both
 * sides). Returns undefined when the logs are not the same trace: no ids, or under 90 % matched.
 */
export function pairByRequestId(
  candidate: ServingRequests,
  baseline: ServingRequests,
  key: RequestColumnKey,
): { candidate: Float64Array; baseline: Float64Array } | undefined {
  const rows = matchRows(candidate, baseline);
  if (rows === undefined) return undefined;
  const candValues = requireColumn(candidate, key);
  const baseValues = requireColumn(baseline, key);
  const c = new Float64Array(rows.candidate.length);
  const b = new Float64Array(rows.candidate.length);
  let n = 0;
  for (let k = 0; k < rows.candidate.length; k++) {
    const i = rows.candidate[k] as number;
    const j = rows.baseline[k] as number;
    const x = candValues[i] as number;
    const y = baseValues[j] as number;
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    c[n] = x;
    b[n++] = y;
  }
  if (n < MIN_MATCHED_SHARE * Math.min(candidate.rows, baseline.rows) || n === 0) return undefined;
  return { candidate: c.subarray(0, n), baseline: b.subarray(0, n) };
}

// --- internal ---

const MATCHES = new WeakMap<
  ServingRequests,
  WeakMap<ServingRequests, { candidate: Int32Array; baseline: Int32Array }>
>();

/** Row pairs (candidate row, baseline row) of successful requests with the same id, computed once per pair of logs. */
function matchRows(
  candidate: ServingRequests,
  baseline: ServingRequests,
): { candidate: Int32Array; baseline: Int32Array } | undefined {
  const cached = MATCHES.get(candidate)?.get(baseline);
  if (cached !== undefined) return cached;
  const ids = packRequestIds(candidate);
  const index = indexRequests(baseline);
  if (ids === undefined || index === undefined) return undefined;
  const c = new Int32Array(candidate.rows);
  const b = new Int32Array(candidate.rows);
  let n = 0;
  for (let i = 0; i < candidate.rows; i++) {
    if (candidate.ok[i] !== 1) continue;
    const j = findRequest(index, ids, i);
    if (j < 0 || baseline.ok[j] !== 1) continue;
    c[n] = i;
    b[n++] = j;
  }
  const rows = { candidate: c.subarray(0, n), baseline: b.subarray(0, n) };
  const byBaseline = MATCHES.get(candidate) ?? new WeakMap();
  byBaseline.set(baseline, rows);
  MATCHES.set(candidate, byBaseline);
  return rows;
}
