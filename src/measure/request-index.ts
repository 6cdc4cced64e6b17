import type { ServingRequests } from "../model/evidence.ts";

export interface RequestIndex {
  /** request_id → first row with that id. */
  byId: Map<string, number>;
  /** Rows whose id appeared on an earlier row. */
  duplicates: number[];
}

/**
 * The id index of a request log, built once per log: plausibility looks for duplicated ids and the
 * paired comparison matches candidate rows to baseline rows with it.
 */
export function indexRequests(requests: ServingRequests): RequestIndex | undefined {
  const ids = requests.requestId;
  if (ids === undefined) return undefined;
  const cached = INDEXES.get(requests);
  if (cached !== undefined) return cached;
  const byId = new Map<string, number>();
  const duplicates: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as string;
    if (byId.get(id) === undefined) byId.set(id, i);
    else duplicates.push(i);
  }
  const index = { byId, duplicates };
  INDEXES.set(requests, index);
  return index;
}

// --- internal ---

const INDEXES = new WeakMap<ServingRequests, RequestIndex>();
