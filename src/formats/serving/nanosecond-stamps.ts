import type { Nanoseconds } from "./genai-perf-requests.ts";

// perf_analyzer's timestamps are integer nanoseconds since the epoch (≈ 1.8 · 10^18, beyond 2^53):
// read from bytes as two exact doubles, so differences and conversions round as the general
// reader's bigint arithmetic does, with no bigint per timestamp.

/** A nanosecond timestamp as `hi · 10^9 + lo`, both exact doubles, so differences are exact. */
export interface Stamp {
  hi: number;
  lo: number;
}

/** A non-negative integer of up to 19 digits; null for anything else (the general reader reports it). */
export function readStamp(buf: Uint8Array, k: number, end: number): Stamp | null {
  let q = k;
  let hi = 0;
  let lo = 0;
  while (q < end && (buf[q] as number) >= 48 && (buf[q] as number) <= 57) q++;
  const digits = q - k;
  const next = buf[q];
  if (digits === 0 || digits > 19 || next === 46 || next === 101 || next === 69) return null;
  const split = Math.max(k, q - 9);
  for (let i = k; i < split; i++) hi = hi * 10 + ((buf[i] as number) - 48);
  for (let i = split; i < q; i++) lo = lo * 10 + ((buf[i] as number) - 48);
  // hi · 10^9 must be exact for Number(timestamp) to round once, as Number(bigint) does.
  return hi * 1953125 <= Number.MAX_SAFE_INTEGER ? { hi, lo } : null;
}

/** `later − earlier` in ms, exact before the one division. */
export function nsBetween(later: Stamp, earlier: Stamp): number {
  return ((later.hi - earlier.hi) * 1e9 + (later.lo - earlier.lo)) / 1e6;
}

/** True when `a` is earlier than `b`. */
export function before(a: Stamp, b: Stamp): boolean {
  return a.hi < b.hi || (a.hi === b.hi && a.lo < b.lo);
}

/** The stamp as the bigint the general parser keeps. */
export function toBigInt(stamp: Stamp): Nanoseconds {
  return BigInt(stamp.hi) * 1_000_000_000n + BigInt(stamp.lo);
}
