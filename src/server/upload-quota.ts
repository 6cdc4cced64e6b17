/** The answer of a quota check: go ahead, or wait this many seconds. */
export type QuotaDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface UploadQuota {
  /** Counts one upload of `team` at `nowMs` if the quota allows it. */
  take(team: string, nowMs: number): QuotaDecision;
}

const HOUR_MS = 3_600_000;

/**
 * A sliding one-hour window per team, counting every upload a team token starts (refused ones too: each
 * costs a verification). It lives in the server process: with several server processes each counts its
 * own, so a team gets at most `perHour` × processes.
 */
export function createUploadQuota(perHour: number): UploadQuota {
  const started = new Map<string, number[]>();
  return {
    take(team, nowMs) {
      const recent = (started.get(team) ?? []).filter((t) => t > nowMs - HOUR_MS);
      if (recent.length >= perHour) {
        started.set(team, recent);
        const oldest = recent[0] ?? nowMs;
        return {
          allowed: false,
          retryAfterSeconds: Math.max(1, Math.ceil((oldest + HOUR_MS - nowMs) / 1000)),
        };
      }
      recent.push(nowMs);
      started.set(team, recent);
      return { allowed: true };
    },
  };
}
