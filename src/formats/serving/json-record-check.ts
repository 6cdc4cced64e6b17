// The strict check of one complete record (a JSONL line, a list element) of a big JSON log, before a
// reader takes the few fields it wants (json-record-walk.ts). Anything the general parser would read
// differently or report (Python's NaN, a duplicated key, an escape in a key, a control byte in a
// string, invalid UTF-8) fails the check, and the caller hands the file to that parser.

/** What a failed step returns instead of an offset. */
export const WALK_FAIL = -1;

/** The members of the object just checked by `checkObject`: where each key's text and value start. */
export interface RecordMembers {
  keyStart: number[];
  keyEnd: number[];
  at: number[];
  count: number;
}

/** Empty members to pass to `checkObject` (reused from record to record). */
export function createMembers(): RecordMembers {
  return { keyStart: [], keyEnd: [], at: [], count: 0 };
}

/**
 * Checks the object that opens at `buf[k]` (after whitespace) and lists its members into `members`
 * (reused between calls). Returns the offset after its `}`, or WALK_FAIL.
 */
export function checkObject(buf: Uint8Array, k: number, end: number, members: RecordMembers): number {
  k = skipSpace(buf, k, end);
  if (buf[k] !== 123) return WALK_FAIL;
  members.count = 0;
  KEYS.length = 0;
  CHECK.nonAscii = false;
  const stop = checkContainer(buf, k, end, 0, members);
  if (stop === WALK_FAIL || (CHECK.nonAscii && !isUtf8(buf.subarray(k, stop)))) return WALK_FAIL;
  return stop;
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
  return checkNumber(buf, k, end);
}

/** A number as JSON writes it (no value computed: a reader reads the few it wants); its end. */
function checkNumber(buf: Uint8Array, k: number, end: number): number {
  if (buf[k] === 45) k++;
  const first = k;
  k = digits(buf, k, end);
  if (k === first || (k - first > 1 && buf[first] === 48)) return WALK_FAIL;
  if (buf[k] === 46) {
    const point = k + 1;
    k = digits(buf, point, end);
    if (k === point) return WALK_FAIL;
  }
  if (buf[k] === 101 || buf[k] === 69) {
    k++;
    if (buf[k] === 43 || buf[k] === 45) k++;
    const exponent = k;
    k = digits(buf, k, end);
    if (k === exponent) return WALK_FAIL;
  }
  return k < end ? k : WALK_FAIL;
}

function digits(buf: Uint8Array, k: number, end: number): number {
  while (k < end && (buf[k] as number) >= 48 && (buf[k] as number) <= 57) k++;
  return k;
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
  const base = KEYS.length;
  k = skipSpace(buf, k + 1, end);
  if (buf[k] === close) return k + 1;
  for (;;) {
    if (object) {
      const keyEnd = checkKey(buf, k, end);
      if (keyEnd === WALK_FAIL || repeats(buf, base, k + 1, keyEnd - 1)) return closeKeys(base, WALK_FAIL);
      KEYS.starts[KEYS.length] = k + 1;
      KEYS.ends[KEYS.length++] = keyEnd - 1;
      k = skipSpace(buf, keyEnd, end);
      if (buf[k] !== 58) return closeKeys(base, WALK_FAIL);
      k = skipSpace(buf, k + 1, end);
      if (members !== undefined) {
        members.keyStart[members.count] = KEYS.starts[KEYS.length - 1] as number;
        members.keyEnd[members.count] = keyEnd - 1;
        members.at[members.count++] = k;
      }
    }
    k = checkValue(buf, k, end, depth + 1, undefined);
    if (k === WALK_FAIL) return closeKeys(base, WALK_FAIL);
    k = skipSpace(buf, k, end);
    const b = buf[k];
    if (b === close) return closeKeys(base, k + 1);
    if (b !== 44) return closeKeys(base, WALK_FAIL);
    k = skipSpace(buf, k + 1, end);
  }
}

/** The keys of the objects being checked, innermost last, as byte ranges (no string per key). */
const KEYS = { starts: [] as number[], ends: [] as number[], length: 0 };

function closeKeys(base: number, result: number): number {
  KEYS.length = base;
  return result;
}

/** True when `buf[start .. stop)` equals a key of the current object (those from `base` on). */
function repeats(buf: Uint8Array, base: number, start: number, stop: number): boolean {
  const length = stop - start;
  for (let i = base; i < KEYS.length; i++) {
    const other = KEYS.starts[i] as number;
    if ((KEYS.ends[i] as number) - other !== length) continue;
    let k = 0;
    while (k < length && buf[start + k] === buf[other + k]) k++;
    if (k === length) return true;
  }
  return false;
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
