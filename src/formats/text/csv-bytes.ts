// Byte-level readers of CSV cells for the fast paths: a chunk's bytes are read in place, without a
// string per cell.

export const LF = 10;
export const CR = 13;
export const QUOTE = 34;

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** Where the last `readDecimal` stopped (the byte after its number), and whether it read a plain decimal. */
export const DECIMAL = { end: 0, plain: false };

/**
 * The plain decimal at `k` ([-+]digits[.digits], 1 to 15 digits, so the mantissa is exact and one
 * division by a power of ten rounds it correctly); sets DECIMAL.end to where it stopped and
 * DECIMAL.plain. The caller checks that the number ends at a delimiter or the line's end.
 */
export function readDecimal(buf: Uint8Array, k: number): number {
  let b = buf[k] as number;
  let sign = 1;
  if (b === 45 || b === 43) {
    if (b === 45) sign = -1;
    b = buf[++k] as number;
  }
  let mantissa = 0;
  const first = k;
  // Integer digits, then the fraction's: one unsigned comparison a byte (a non-digit wraps above 9).
  for (let digit = b - 48; digit >>> 0 < 10; digit = (buf[++k] as number) - 48)
    mantissa = mantissa * 10 + digit;
  let digits = k - first;
  let decimals = 0;
  if (buf[k] === 46) {
    const point = ++k;
    for (let digit = (buf[k] as number) - 48; digit >>> 0 < 10; digit = (buf[++k] as number) - 48)
      mantissa = mantissa * 10 + digit;
    decimals = k - point;
    digits += decimals;
  }
  DECIMAL.end = k;
  DECIMAL.plain = digits > 0 && digits <= 15;
  return sign * (decimals > 0 ? mantissa / (POW10[decimals] as number) : mantissa);
}

/** 1 for `ok`, 0 for `error` at `k`, else −1 (the general status reader decides). */
export function plainStatus(buf: Uint8Array, k: number): number {
  if (buf[k] === 111 && buf[k + 1] === 107) return 1;
  const error = buf[k] === 101 && buf[k + 1] === 114 && buf[k + 2] === 114 && buf[k + 3] === 111;
  return error && buf[k + 4] === 114 ? 0 : -1;
}

/** The end of the field at `k` (its delimiter or the line end), or −1 at a byte only the general parser reads. */
export function skipField(buf: Uint8Array, k: number, end: number, stops: Uint8Array): number {
  for (; k < end; k++) {
    const stop = stops[buf[k] as number] as number;
    if (stop !== 0) return stop === STOP_DELIMITER ? k : -1;
  }
  return end;
}

const STOP_DELIMITER = 1;
const STOP_GENERAL = 2;

/** Per byte value: where a field scan stops, at the delimiter or at a byte only the general parser reads. */
export function fieldStops(sep: number): Uint8Array {
  const stops = new Uint8Array(256);
  stops.fill(STOP_GENERAL, 0x80);
  for (const b of [QUOTE, CR, 0]) stops[b] = STOP_GENERAL;
  stops[sep] = STOP_DELIMITER;
  return stops;
}

export function isBlank(buf: Uint8Array, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const b = buf[k] as number;
    if (b !== 32 && (b < 9 || b > 13)) return false;
  }
  return true;
}

export function latin1(buf: Uint8Array, start: number, end: number): string {
  let text = "";
  for (let k = start; k < end; k++) text += String.fromCharCode(buf[k] as number);
  return text;
}
