/**
 * Sorts a NaN-free Float64Array ascending in place, in the order of `Float64Array.prototype.sort`
 * (−0 before +0). Large arrays use an LSD radix sort on the IEEE-754 bits (four 16-bit passes, about
 * twice as fast as the comparison sort on a million values); small ones the built-in sort.
 */
export function sortNumbers(values: Float64Array): Float64Array {
  const n = values.length;
  if (n < RADIX_MIN) return values.sort();
  const words = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  const scratch = scratchWords(n * 2);
  toSortable(words, n);
  const counts = new Uint32Array(RADIX);
  let from: Uint32Array = words;
  let to: Uint32Array = scratch;
  for (let pass = 0; pass < 4; pass++) {
    const word = pass >> 1;
    const shift = (pass & 1) * 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const digit = ((from[2 * i + word] as number) >>> shift) & MASK;
      counts[digit] = (counts[digit] as number) + 1;
    }
    let sum = 0;
    for (let d = 0; d < RADIX; d++) {
      const count = counts[d] as number;
      counts[d] = sum;
      sum += count;
    }
    for (let i = 0; i < n; i++) {
      const lo = from[2 * i] as number;
      const hi = from[2 * i + 1] as number;
      const digit = ((word === 0 ? lo : hi) >>> shift) & MASK;
      const j = counts[digit] as number;
      counts[digit] = j + 1;
      to[2 * j] = lo;
      to[2 * j + 1] = hi;
    }
    const swap = from;
    from = to;
    to = swap;
  }
  // After an even number of passes the sorted words are back in `values`' own buffer.
  fromSortable(words, n);
  return values;
}

// --- internal ---

/**
 * The radix sort's second buffer, kept between sorts: a verify sorts several columns of the same
 * length, and fresh memory costs a page fault per 4 KiB on first touch, more than the sort itself.
 */
let scratch: Uint32Array | undefined;

function scratchWords(length: number): Uint32Array {
  if (scratch === undefined || scratch.length < length) scratch = new Uint32Array(length);
  return scratch;
}

const RADIX_MIN = 20_000;
const RADIX = 1 << 16;
const MASK = RADIX - 1;

/** Maps each double's bits to an unsigned key with the same order: flip all bits of negatives, the sign bit of the rest. */
function toSortable(words: Uint32Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const hi = words[2 * i + 1] as number;
    if (hi & 0x80000000) {
      words[2 * i + 1] = ~hi;
      words[2 * i] = ~(words[2 * i] as number);
    } else words[2 * i + 1] = (hi | 0x80000000) >>> 0;
  }
}

function fromSortable(words: Uint32Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const hi = words[2 * i + 1] as number;
    if (hi & 0x80000000) words[2 * i + 1] = hi & 0x7fffffff;
    else {
      words[2 * i + 1] = ~hi;
      words[2 * i] = ~(words[2 * i] as number);
    }
  }
}
