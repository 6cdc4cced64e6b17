import { JSON_NUMBER, NUMBER_INVALID, readJsonNumber } from "../text/json-number-bytes.ts";

// Reading one complete record (a JSONL line, a list element) of a big JSON log from its bytes: a
// strict check first, then the few fields a reader wants, found by key. Anything the general parser
// would read differently or report (Python's NaN, a duplicated key, an escape in a key, a control
// byte in a string, invalid UTF-8) fails the check, and the caller hands the file to that parser.

/** What a failed step returns instead of an offset. */
export const WALK_FAIL = -1;

/** The members of the object just checked by `checkObject`: keys and where their values start. */
export interface RecordMembers {
  keys: string[];
  at: number[];
  count: number;
}

/**
 * Checks the object that opens at `buf[k]` (after whitespace) and lists its members into `members`
 * (reused between calls). Returns the offset after its `}`, or WALK_FAIL.
 */
export function checkObject(buf: Uint8Array, k: number, end: number, members: RecordMembers): number {
  k = skipSpace(buf, k, end);
  if (buf[k] !== 123) return WALK_FAIL;
  members.count = 0;
  CHECK.nonAscii = false;
  const stop = checkContainer(buf, k, end, 0, members);
  if (stop === WALK_FAIL || (CHECK.nonAscii && !isUtf8(buf.subarray(k, stop)))) return WALK_FAIL;
  return stop;
}

/** Where the value of `key` starts among `members`, or −1 when the object has no such key. */
export function memberAt(members: RecordMembers, key: string): number {
  for (let i = 0; i < members.count; i++) if (members.keys[i] === key) return members.at[i] as number;
  return -1;
}

/** Byte at `k` after whitespace (a checked value starts there). */
export function skipSpace(buf: Uint8Array, k: number, end: number): number {
  while (k < end) {
    const b = buf[k] as number;
    if (b !== 32 && b !== 10 && b !== 13 && b !== 9) break;
    k++;
  }
  return k;
}

/**
 * The number at `k` of a checked value, as the general parser and field reader read it (an integer
 * beyond 2^53, which the parser keeps as a bigint, as `Number()` of it).
 */
export function numberAt(buf: Uint8Array, k: number, end: number): number {
  const value = readJsonNumber(buf, k, end);
  if (JSON_NUMBER.end !== NUMBER_INVALID) return value;
  let q = buf[k] === 45 ? k + 1 : k;
  while (q < end && (buf[q] as number) >= 48 && (buf[q] as number) <= 57) q++;
  JSON_NUMBER.end = q;
  return Number(String.fromCharCode.apply(null, buf.subarray(k, q) as unknown as number[]));
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

/** The end of a checked value at `k`. */
export function skipChecked(buf: Uint8Array, k: number, end: number): number {
  return checkValue(buf, k, end, 1, undefined);
}

// --- internal ---

const UTF8 = new TextDecoder("utf-8", { fatal: true });
const CHECK = { nonAscii: false };
/** Records are a few levels deep; anything deeper goes to the general parser. */
const MAX_DEPTH = 32;

function isUtf8(bytes: Uint8Array): boolean {
  try {
    UTF8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function latin1(buf: Uint8Array, start: number, end: number): string {
  const native = (buf as { latin1Slice?: (start: number, end: number) => string }).latin1Slice;
  if (native !== undefined) return native.call(buf, start, end);
  return String.fromCharCode.apply(null, buf.subarray(start, end) as unknown as number[]);
}

/** One value; its end, or WALK_FAIL. `members` collects the keys of a top-level object. */
function checkValue(
  buf: Uint8Array,
  k: number,
  end: number,
  depth: number,
  members: RecordMembers | undefined,
): number {
  const b = buf[k] as number;
  if (b === 34) return checkString(buf, k, end);
  if (b === 123 || b === 91)
    return depth > MAX_DEPTH ? WALK_FAIL : checkContainer(buf, k, end, depth, members);
  if (b === 116) return word(buf, k, end, TRUE);
  if (b === 102) return word(buf, k, end, FALSE);
  if (b === 110) return word(buf, k, end, NULL);
  if (b !== 45 && (b < 48 || b > 57)) return WALK_FAIL;
  readJsonNumber(buf, k, end);
  if (JSON_NUMBER.end >= 0) return JSON_NUMBER.end;
  if (JSON_NUMBER.end !== NUMBER_INVALID) return WALK_FAIL;
  // An integer beyond 2^53 (a nanosecond timestamp): plain digits, no leading zero.
  let q = b === 45 ? k + 1 : k;
  const first = q;
  while (q < end && (buf[q] as number) >= 48 && (buf[q] as number) <= 57) q++;
  if (q === first || buf[first] === 48 || q >= end) return WALK_FAIL;
  const next = buf[q] as number;
  return next === 46 || next === 101 || next === 69 ? WALK_FAIL : q;
}

const TRUE = [116, 114, 117, 101];
const FALSE = [102, 97, 108, 115, 101];
const NULL = [110, 117, 108, 108];

function word(buf: Uint8Array, k: number, end: number, bytes: number[]): number {
  if (k + bytes.length >= end) return WALK_FAIL;
  for (let i = 0; i < bytes.length; i++) if (buf[k + i] !== bytes[i]) return WALK_FAIL;
  return k + bytes.length;
}

function checkString(buf: Uint8Array, k: number, end: number): number {
  for (let q = k + 1; q < end; q++) {
    const b = buf[q] as number;
    if (b === 34) return q + 1;
    if (b < 0x20) return WALK_FAIL;
    if (b >= 0x80) CHECK.nonAscii = true;
    else if (b === 92) {
      const e = buf[++q] as number;
      if (e === 117) {
        for (let h = 1; h <= 4; h++) if (!isHex(buf[q + h] as number)) return WALK_FAIL;
        q += 4;
      } else if (!ESCAPES.has(e)) return WALK_FAIL;
    }
  }
  return WALK_FAIL;
}

const ESCAPES = new Set([34, 92, 47, 98, 102, 110, 114, 116]);

function isHex(b: number): boolean {
  return (b >= 48 && b <= 57) || (b >= 65 && b <= 70) || (b >= 97 && b <= 102);
}

/** An object or array: each member checked, keys plain ASCII and not repeated. */
function checkContainer(
  buf: Uint8Array,
  k: number,
  end: number,
  depth: number,
  members: RecordMembers | undefined,
): number {
  const object = buf[k] === 123;
  const close = object ? 125 : 93;
  const keys: string[] | undefined = object && members === undefined ? [] : undefined;
  k = skipSpace(buf, k + 1, end);
  if (buf[k] === close) return k + 1;
  for (;;) {
    if (object) {
      const keyEnd = checkKey(buf, k, end);
      if (keyEnd === WALK_FAIL) return WALK_FAIL;
      const key = latin1(buf, k + 1, keyEnd - 1);
      const seen = members === undefined ? (keys as string[]) : members.keys;
      const count = members === undefined ? seen.length : members.count;
      for (let i = 0; i < count; i++) if (seen[i] === key) return WALK_FAIL;
      k = skipSpace(buf, keyEnd, end);
      if (buf[k] !== 58) return WALK_FAIL;
      k = skipSpace(buf, k + 1, end);
      if (members === undefined) seen.push(key);
      else {
        members.keys[members.count] = key;
        members.at[members.count++] = k;
      }
    }
    k = checkValue(buf, k, end, depth + 1, undefined);
    if (k === WALK_FAIL) return WALK_FAIL;
    k = skipSpace(buf, k, end);
    const b = buf[k];
    if (b === close) return k + 1;
    if (b !== 44) return WALK_FAIL;
    k = skipSpace(buf, k + 1, end);
  }
}

/** A key without escapes or non-ASCII bytes (the fast path compares keys as bytes); its end. */
function checkKey(buf: Uint8Array, k: number, end: number): number {
  if (buf[k] !== 34) return WALK_FAIL;
  for (let q = k + 1; q < end; q++) {
    const b = buf[q] as number;
    if (b === 34) return q + 1;
    if (b === 92 || b >= 0x80 || b < 0x20) return WALK_FAIL;
  }
  return WALK_FAIL;
}
