// A JSON number read straight from a file's bytes, for the streaming JSON readers: no string per
// number unless it has more digits than a double holds exactly.

/** Where the last `readJsonNumber` stopped: the byte after the number, or a status below zero. */
export const JSON_NUMBER = { end: 0 };

/** `JSON_NUMBER.end` when the number runs to the end of the bytes (the next chunk may continue it). */
export const NUMBER_CUT = -1;
/** `JSON_NUMBER.end` when the bytes at `k` are not a number as JSON writes it (strict grammar). */
export const NUMBER_INVALID = -2;

/**
 * The JSON number at `buf[k]`, exactly as `Number()` reads it. A mantissa of at most 2^53 − 1 and a
 * power of ten within ±22 are each exact doubles, so one multiplication or division rounds the value
 * correctly (the classic fast path); anything else (Python's 17-digit reprs) goes through `Number()`
 * on the token's text. Integers beyond 2^53 are invalid here: the general parser keeps them as bigint.
 */
export function readJsonNumber(buf: Uint8Array, k: number, end: number): number {
  const start = k;
  const negative = buf[k] === 45;
  if (negative) k++;
  const firstDigit = k;
  let mantissa = 0;
  for (; k < end; k++) {
    const digit = (buf[k] as number) - 48;
    if (digit >>> 0 >= 10) break;
    mantissa = mantissa * 10 + digit;
  }
  const intDigits = k - firstDigit;
  if (intDigits === 0 || (intDigits > 1 && buf[firstDigit] === 48)) return invalidOrCut(k, end);
  let decimals = 0;
  if (k < end && buf[k] === 46) {
    const point = ++k;
    for (; k < end; k++) {
      const digit = (buf[k] as number) - 48;
      if (digit >>> 0 >= 10) break;
      mantissa = mantissa * 10 + digit;
    }
    decimals = k - point;
    if (decimals === 0) return invalidOrCut(k, end);
  }
  let exponent = 0;
  let hasExponent = false;
  if (k < end && (buf[k] === 101 || buf[k] === 69)) {
    hasExponent = true;
    let sign = 1;
    if (++k < end && (buf[k] === 43 || buf[k] === 45)) sign = buf[k++] === 45 ? -1 : 1;
    const first = k;
    for (; k < end; k++) {
      const digit = (buf[k] as number) - 48;
      if (digit >>> 0 >= 10) break;
      exponent = exponent * 10 + digit;
    }
    if (k === first) return invalidOrCut(k, end);
    exponent *= sign;
  }
  if (k >= end) return cut();
  JSON_NUMBER.end = k;
  const power = exponent - decimals;
  if (mantissa <= Number.MAX_SAFE_INTEGER && power >= -22 && power <= 22) {
    const value = power < 0 ? mantissa / (POW10[-power] as number) : mantissa * (POW10[power] as number);
    return negative ? -value : value;
  }
  if (decimals === 0 && !hasExponent) return invalid();
  return Number(asciiText(buf, start, k));
}

// --- internal ---

const POW10 = Array.from({ length: 23 }, (_, p) => 10 ** p);

function invalidOrCut(k: number, end: number): number {
  return k >= end ? cut() : invalid();
}

function cut(): number {
  JSON_NUMBER.end = NUMBER_CUT;
  return Number.NaN;
}

function invalid(): number {
  JSON_NUMBER.end = NUMBER_INVALID;
  return Number.NaN;
}

/** The token's bytes as text (ASCII digits, sign, point, exponent); a Node Buffer slices them natively. */
function asciiText(buf: Uint8Array, start: number, end: number): string {
  const native = (buf as { latin1Slice?: (start: number, end: number) => string }).latin1Slice;
  if (native !== undefined) return native.call(buf, start, end);
  return String.fromCharCode.apply(null, buf.subarray(start, end) as unknown as number[]);
}
