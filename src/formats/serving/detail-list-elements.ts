import { JSON_NUMBER, NUMBER_CUT, readJsonNumber } from "../text/json-number-bytes.ts";
import type { DetailListColumn } from "./detail-list-columns.ts";

// One element of a per-request list, read from bytes by DetailJsonScanner. Each reader returns the
// offset after the element, CUT when the chunk ends inside it (it is then read again whole from the
// carried bytes), or FAIL when the general parser must read the file.

export const FAIL = -(2 ** 31);
export const CUT = -1;

/** Line breaks inside the element just read (a gaps list written with indentation). */
export const ELEMENT_LINES = { n: 0 };

/** A string (1 when not empty) or `null` (0). Dropped strings must be ASCII: their bytes are never decoded. */
export function readText(list: DetailListColumn, buf: Uint8Array, k: number, end: number, b: number): number {
  if (b === 110) return readNull(buf, k, end, () => list.push(0));
  if (b !== 34) return FAIL;
  for (let q = k + 1; q < end; q++) {
    const c = buf[q] as number;
    if (c === 34) {
      list.push(q === k + 1 ? 0 : 1);
      return q + 1;
    }
    if (c === 92) q++;
    else if (c >= 0x80 || c === 10 || c === 0) return FAIL;
  }
  return CUT;
}

/** `[gap, …]` of one request (sum and count), or `null`. */
export function readGaps(list: DetailListColumn, buf: Uint8Array, k: number, end: number, b: number): number {
  if (b === 110) return readNull(buf, k, end, () => list.pushGaps(-1));
  if (b !== 91) return FAIL;
  // Read into locals first: a list cut by the chunk's end is read again whole from the carry.
  let sum = 0;
  let count = 0;
  let q = skipBlank(buf, k + 1, end);
  if (q < end && buf[q] === 93) {
    list.pushGaps(0);
    return q + 1;
  }
  while (q < end) {
    const gap = readJsonNumber(buf, q, end);
    if (JSON_NUMBER.end < 0) return JSON_NUMBER.end === NUMBER_CUT ? CUT : FAIL;
    sum += gap;
    count++;
    q = skipBlank(buf, JSON_NUMBER.end, end);
    if (q >= end) return CUT;
    const c = buf[q] as number;
    if (c === 93) {
      list.pushGaps(count);
      list.values[list.length - 1] = sum;
      return q + 1;
    }
    if (c !== 44) return FAIL;
    q = skipBlank(buf, q + 1, end);
  }
  return CUT;
}

/** Spaces inside one request's gaps list, counting its line breaks into ELEMENT_LINES. */
function skipBlank(buf: Uint8Array, k: number, end: number): number {
  for (; k < end; k++) {
    const b = buf[k] as number;
    if (b === 10) ELEMENT_LINES.n++;
    else if (b !== 32 && b !== 9 && b !== 13) return k;
  }
  return k;
}

export function readNull(buf: Uint8Array, k: number, end: number, add: () => void): number {
  if (k + 4 > end) return CUT;
  if (buf[k + 1] !== 117 || buf[k + 2] !== 108 || buf[k + 3] !== 108) return FAIL;
  add();
  return k + 4;
}
