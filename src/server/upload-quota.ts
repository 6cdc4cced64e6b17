import type { QuotaTake } from "../store/store.ts";

/** The answer of a quota check: go ahead, or wait this many seconds. */
export type QuotaDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** The quota's sliding window: a team may start `maxUploadsPerHour` uploads in any hour. */
export const QUOTA_WINDOW_MS = 3_600_000;

/**
 * Where the window ending at `at` begins: the store counts the starts after it. The count lives in the
 * store (`Store.takeQuota`), not in the server process, so several server processes on one database
 * share it and a restart keeps it. Every upload a team token starts counts, refused ones too (each costs
 * a verification); a start the quota refuses does not.
 */
export function quotaWindowStart(at: Date): string {
  return new Date(at.getTime() - QUOTA_WINDOW_MS).toISOString();
}

/** The store's answer as a decision: a refused start may try again when the oldest counted one leaves the window. */
export function decideQuota(take: QuotaTake, at: Date): QuotaDecision {
  if (take.taken) return { allowed: true };
  const leavesWindowMs = Date.parse(take.oldestStart) + QUOTA_WINDOW_MS;
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((leavesWindowMs - at.getTime()) / 1000)),
  };
}
