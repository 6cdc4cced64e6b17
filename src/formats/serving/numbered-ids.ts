import type { NumberedRequestIds, RequestIdColumn } from "../../model/evidence.ts";
import { grow, trimTo } from "../text/typed-columns.ts";

/**
 * Collects request ids as numbers while every id is the first id's prefix and a number below 2^32
 * without leading zeros; a log of a million `req-N` ids then costs 4 MB instead of 14. `add` says
 * false for the first id that does not fit, and `packNumberedIds` turns the ids so far into bytes.
 */
export class NumberedIdColumn {
  #prefix: Uint8Array | undefined;
  #numbers: Uint32Array = new Uint32Array(16);

  /** Id of row `row` from `buf[start .. end)`; false when it does not fit (nothing is stored then). */
  add(row: number, buf: Uint8Array, start: number, end: number): boolean {
    // A copy: `buf` is the reader's reused chunk (and Buffer#slice would be a view into it).
    if (this.#prefix === undefined)
      this.#prefix = Uint8Array.from(buf.subarray(start, trailingDigits(buf, start, end)));
    const prefix = this.#prefix;
    const value = numberAfter(buf, start, end, prefix);
    if (value < 0) return false;
    if (row >= this.#numbers.length) this.#numbers = grow(this.#numbers, Math.ceil(row * 1.5) + 16);
    this.#numbers[row] = value;
    return true;
  }

  reserve(rows: number): void {
    if (rows > this.#numbers.length) this.#numbers = grow(this.#numbers, rows);
  }

  /** The first `rows` ids. */
  finish(rows: number): NumberedRequestIds {
    return {
      prefix: DECODER.decode(this.#prefix ?? new Uint8Array(0)),
      numbers: trimTo(this.#numbers, rows),
    };
  }
}

/** Numbered ids as packed bytes (for code that compares ids byte by byte). */
export function packNumberedIds(ids: NumberedRequestIds): RequestIdColumn {
  const prefix = ENCODER.encode(ids.prefix);
  const rows = ids.numbers.length;
  const offsets = new Int32Array(rows + 1);
  for (let i = 0; i < rows; i++)
    offsets[i + 1] = (offsets[i] as number) + prefix.length + digitCount(ids.numbers[i] as number);
  const bytes = new Uint8Array(offsets[rows] as number);
  for (let i = 0; i < rows; i++) {
    const at = offsets[i] as number;
    bytes.set(prefix, at);
    let value = ids.numbers[i] as number;
    for (let k = (offsets[i + 1] as number) - 1; k >= at + prefix.length; k--) {
      bytes[k] = 48 + (value % 10);
      value = Math.floor(value / 10);
    }
  }
  return { bytes, offsets };
}

/** Packed ids as numbers when they all fit (see NumberedIdColumn); else undefined. */
export function numberPackedIds(ids: RequestIdColumn): NumberedRequestIds | undefined {
  const rows = ids.offsets.length - 1;
  const column = new NumberedIdColumn();
  column.reserve(rows);
  for (let i = 0; i < rows; i++)
    if (!column.add(i, ids.bytes, ids.offsets[i] as number, ids.offsets[i + 1] as number)) return undefined;
  return column.finish(rows);
}

// --- internal ---

const ENCODER = new TextEncoder();
const DECODER = new TextDecoder();
const MAX_NUMBER = 2 ** 32 - 1;

/** Where the id's trailing digits start (its end when it has none). */
function trailingDigits(buf: Uint8Array, start: number, end: number): number {
  let k = end;
  while (k > start && (buf[k - 1] as number) - 48 >= 0 && (buf[k - 1] as number) - 48 <= 9) k--;
  return k;
}

/** The number after `prefix` in `buf[start .. end)`: 1–10 digits, no leading zero, below 2^32; else −1. */
function numberAfter(buf: Uint8Array, start: number, end: number, prefix: Uint8Array): number {
  const from = start + prefix.length;
  const digits = end - from;
  if (digits < 1 || digits > 10 || (digits > 1 && buf[from] === 48)) return -1;
  for (let k = 0; k < prefix.length; k++) if (buf[start + k] !== prefix[k]) return -1;
  let value = 0;
  for (let k = from; k < end; k++) {
    const digit = (buf[k] as number) - 48;
    if (digit >>> 0 > 9) return -1;
    value = value * 10 + digit;
  }
  return value <= MAX_NUMBER ? value : -1;
}

function digitCount(value: number): number {
  let count = 1;
  for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) count++;
  return count;
}
