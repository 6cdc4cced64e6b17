import { JSON_NUMBER, NUMBER_INVALID, readJsonNumber } from "../text/json-number-bytes.ts";
import { type RecordMembers, skipChecked, skipSpace } from "./json-record-check.ts";

// The fields of a record that json-record-check.ts has checked, read from its bytes: a member by key,
// a number, a string, a list's elements. Each assumes the value at hand is well formed.

/** Where the value of `key` (ASCII) starts among `members`, or −1 when the object has no such key. */
export function memberAt(buf: Uint8Array, members: RecordMembers, key: string): number {
  const length = key.length;
  for (let i = 0; i < members.count; i++) {
    const start = members.keyStart[i] as number;
    if ((members.keyEnd[i] as number) - start !== length) continue;
    let k = 0;
    while (k < length && buf[start + k] === key.charCodeAt(k)) k++;
    if (k === length) return members.at[i] as number;
  }
  return -1;
}

/**
 * The number at `k` of a checked value, as the general parser and field reader read it (an integer
 * beyond 2^53, which the parser keeps as a bigint, as `Number()` of it).
 */
export function numberAt(buf: Uint8Array, k: number, end: number): number {
  const read = readJsonNumber(buf, k, end);
  if (JSON_NUMBER.end !== NUMBER_INVALID) return read;
  const negative = buf[k] === 45;
  let q = negative ? k + 1 : k;
  const first = q;
  while (q < end && (buf[q] as number) >= 48 && (buf[q] as number) <= 57) q++;
  JSON_NUMBER.end = q;
  // hi · 10^9 + lo rounds once when hi · 10^9 is exact (10^9 = 2^9 · 1953125), as Number(bigint) does.
  const split = q - 9;
  let hi = 0;
  for (let i = first; i < split; i++) hi = hi * 10 + ((buf[i] as number) - 48);
  if (hi * 1953125 > Number.MAX_SAFE_INTEGER)
    return Number(String.fromCharCode.apply(null, buf.subarray(k, q) as unknown as number[]));
  let lo = 0;
  for (let i = split; i < q; i++) lo = lo * 10 + ((buf[i] as number) - 48);
  const value = hi * 1e9 + lo;
  return negative ? -value : value;
}

/** The string at `k` of a checked value, decoded. */
export function stringAt(buf: Uint8Array, k: number, end: number): string {
  let q = k + 1;
  let plain = true;
  for (; q < end; q++) {
    const b = buf[q] as number;
    if (b === 34) break;
    if (b === 92) {
      plain = false;
      q++;
    } else if (b >= 0x80) plain = false;
  }
  if (plain) return latin1(buf, k + 1, q);
  return JSON.parse(UTF8.decode(buf.subarray(k, q + 1))) as string;
}

/** True when the checked string at `k` is exactly `text` (plain ASCII, no escapes). */
export function stringIs(buf: Uint8Array, k: number, text: string): boolean {
  if (buf[k] !== 34 || buf[k + text.length + 1] !== 34) return false;
  for (let i = 0; i < text.length; i++) if (buf[k + 1 + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** The first byte of a checked value says its type. */
export function valueKind(
  buf: Uint8Array,
  k: number,
): "object" | "array" | "string" | "null" | "bool" | "number" {
  const b = buf[k] as number;
  if (b === 123) return "object";
  if (b === 91) return "array";
  if (b === 34) return "string";
  if (b === 110) return "null";
  if (b === 116 || b === 102) return "bool";
  return "number";
}

/** Offsets of the elements of the checked array at `k`, into `out` (reused); returns the count. */
export function elementsAt(buf: Uint8Array, k: number, end: number, out: number[]): number {
  let count = 0;
  k = skipSpace(buf, k + 1, end);
  if (buf[k] === 93) return 0;
  for (;;) {
    out[count++] = k;
    k = skipSpace(buf, skipChecked(buf, k, end), end);
    if (buf[k] !== 44) return count;
    k = skipSpace(buf, k + 1, end);
  }
}

// --- internal ---

const UTF8 = new TextDecoder("utf-8", { fatal: true });

function latin1(buf: Uint8Array, start: number, end: number): string {
  const native = (buf as { latin1Slice?: (start: number, end: number) => string }).latin1Slice;
  if (native !== undefined) return native.call(buf, start, end);
  return String.fromCharCode.apply(null, buf.subarray(start, end) as unknown as number[]);
}
