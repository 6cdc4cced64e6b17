import { numberPackedIds, packNumberedIds } from "../../formats/serving/numbered-ids.ts";
import type { NumberedRequestIds, RequestIdColumn, ServingRequests } from "../../model/evidence.ts";

export interface RequestIndex {
  ids: RequestIdColumn;
  /** FNV-1a hash of every row's id. */
  hashes: Uint32Array;
  /** Open-addressing table (power-of-two size): row of the first occurrence of each id, −1 when empty. */
  table: Int32Array;
  /** Rows whose id appeared on an earlier row. */
  duplicates: number[];
}

/**
 * The id index of a request log, built once per log: plausibility looks for duplicated ids and the
 * paired comparison matches candidate rows to baseline rows with it. Ids are compared byte for byte;
 * the hash table (typed arrays, no Map of strings) only finds the candidates.
 */
export function indexRequests(requests: ServingRequests): RequestIndex | undefined {
  const cached = INDEXES.get(requests);
  if (cached !== undefined) return cached;
  const ids = packRequestIds(requests);
  if (ids === undefined) return undefined;
  const rows = ids.offsets.length - 1;
  const hashes = new Uint32Array(rows);
  const table = new Int32Array(tableSize(rows)).fill(-1);
  const mask = table.length - 1;
  const duplicates: number[] = [];
  for (let i = 0; i < rows; i++) {
    hashes[i] = hashId(ids, i);
    if (insertOrFind(ids, hashes, table, mask, i)) duplicates.push(i);
  }
  const index = { ids, hashes, table, duplicates };
  INDEXES.set(requests, index);
  return index;
}

/**
 * Rows whose id appeared on an earlier row, ascending: the duplicate check of a request log, cached.
 * Rows are first split by hash into buckets small enough for a cache-resident table each, so a
 * million ids cost sequential passes instead of a million random probes of one big table.
 */
export function findDuplicateRequests(requests: ServingRequests): number[] {
  const cached = DUPLICATES.get(requests) ?? INDEXES.get(requests)?.duplicates;
  if (cached !== undefined) return cached;
  const duplicates = duplicatesOf(requests);
  DUPLICATES.set(requests, duplicates);
  return duplicates;
}

/** Seeds the duplicate cache with rows found elsewhere (the worker thread that parsed the log). */
export function primeDuplicateRequests(requests: ServingRequests, duplicates: number[]): void {
  DUPLICATES.set(requests, duplicates);
}

/** The first row of `index` whose id equals row `row` of `ids`, or −1. */
export function findRequest(index: RequestIndex, ids: RequestIdColumn, row: number): number {
  const hash = hashId(ids, row);
  const mask = index.table.length - 1;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const found = index.table[slot] as number;
    if (found < 0) return -1;
    if (index.hashes[found] === hash && sameId(index.ids, found, ids, row)) return found;
  }
}

/** The id of one row as text (for messages), or "" when the log has no ids. */
export function requestIdAt(requests: ServingRequests, row: number): string {
  if (requests.requestId !== undefined) return requests.requestId[row] ?? "";
  const numbered = requests.requestIdNumbers;
  if (numbered !== undefined) return `${numbered.prefix}${numbered.numbers[row] ?? ""}`;
  const ids = requests.requestIdBytes;
  if (ids === undefined) return "";
  return DECODER.decode(ids.bytes.subarray(ids.offsets[row] as number, ids.offsets[row + 1] as number));
}

/** The ids of a log in packed form (string ids are packed once and cached). */
export function packRequestIds(requests: ServingRequests): RequestIdColumn | undefined {
  if (requests.requestIdBytes !== undefined) return requests.requestIdBytes;
  const numbered = requests.requestIdNumbers;
  if (numbered !== undefined) {
    const packed = PACKED_NUMBERS.get(numbered) ?? packNumberedIds(numbered);
    PACKED_NUMBERS.set(numbered, packed);
    return packed;
  }
  const strings = requests.requestId;
  if (strings === undefined) return undefined;
  const cached = PACKED.get(strings);
  if (cached !== undefined) return cached;
  const parts = strings.map((id) => ENCODER.encode(id));
  const offsets = new Int32Array(parts.length + 1);
  for (let i = 0; i < parts.length; i++)
    offsets[i + 1] = (offsets[i] as number) + (parts[i] as Uint8Array).length;
  const bytes = new Uint8Array(offsets[parts.length] as number);
  for (const [i, part] of parts.entries()) bytes.set(part, offsets[i] as number);
  const packed = { bytes, offsets };
  PACKED.set(strings, packed);
  return packed;
}

// --- internal ---

const INDEXES = new WeakMap<ServingRequests, RequestIndex>();
const DUPLICATES = new WeakMap<ServingRequests, number[]>();
/** Rows per bucket of the duplicate check, about: its table (2 × 4 bytes per row) stays in L2. */
const BUCKET_ROWS = 4096;

function duplicatesOf(requests: ServingRequests): number[] {
  const packed = requests.requestIdNumbers === undefined ? packRequestIds(requests) : undefined;
  const numbered = requests.requestIdNumbers ?? (packed === undefined ? undefined : numberPackedIds(packed));
  const found = numbered === undefined ? undefined : duplicatesOfNumbers(numbered.numbers);
  if (found !== undefined) return found;
  const ids = packed ?? packRequestIds(requests);
  return ids === undefined ? [] : duplicatesByBucket(ids);
}

/**
 * The duplicate check of ids that are one shared prefix and a number (`req-17`, `42`), the way most
 * load generators name requests: equal ids are equal numbers (written without leading zeros), so
 * one bit per possible number finds them in a single pass. Undefined when the numbers spread too
 * far for a small bitmap; the hashed check handles those.
 */
function duplicatesOfNumbers(numbers: Uint32Array): number[] | undefined {
  const rows = numbers.length;
  if (rows === 0) return [];
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < rows; i++) {
    const value = numbers[i] as number;
    if (value < low) low = value;
    if (value > high) high = value;
  }
  if (high - low > MAX_BITS_PER_ROW * rows + 64) return undefined;
  const seen = new Uint32Array(Math.floor((high - low) / 32) + 1);
  const duplicates: number[] = [];
  for (let i = 0; i < rows; i++) {
    const bit = (numbers[i] as number) - low;
    const word = Math.floor(bit / 32);
    const mask = 1 << (bit % 32);
    if (((seen[word] as number) & mask) !== 0) duplicates.push(i);
    else seen[word] = (seen[word] as number) | mask;
  }
  return duplicates;
}

/** Bitmap size of the numbered-id check, in bits per row at most (8 bytes a row). */
const MAX_BITS_PER_ROW = 64;

function duplicatesByBucket(ids: RequestIdColumn): number[] {
  const rows = ids.offsets.length - 1;
  let bits = 0;
  while (rows >> bits > BUCKET_ROWS) bits++;
  const buckets = 1 << bits;
  const hashes = new Uint32Array(rows);
  const starts = new Int32Array(buckets + 1);
  for (let i = 0; i < rows; i++) {
    const hash = hashId(ids, i);
    hashes[i] = hash;
    const b = bits === 0 ? 0 : hash >>> (32 - bits);
    starts[b + 1] = (starts[b + 1] as number) + 1;
  }
  for (let b = 0; b < buckets; b++) starts[b + 1] = (starts[b + 1] as number) + (starts[b] as number);
  // Rows grouped by bucket, in row order within each bucket (a stable counting sort).
  const order = new Int32Array(rows);
  const next = starts.slice(0, buckets);
  for (let i = 0; i < rows; i++) {
    const b = bits === 0 ? 0 : (hashes[i] as number) >>> (32 - bits);
    const at = next[b] as number;
    order[at] = i;
    next[b] = at + 1;
  }
  const duplicates: number[] = [];
  let table = new Int32Array(tableSize(BUCKET_ROWS * 2));
  for (let b = 0; b < buckets; b++) {
    const rowsOfBucket = order.subarray(starts[b] as number, starts[b + 1] as number);
    // A bucket can be far larger than the average (many copies of one id): grow the table for it.
    if (tableSize(rowsOfBucket.length) > table.length) table = new Int32Array(tableSize(rowsOfBucket.length));
    findInBucket(ids, hashes, rowsOfBucket, table, duplicates);
  }
  return duplicates.sort((x, y) => x - y);
}

function findInBucket(
  ids: RequestIdColumn,
  hashes: Uint32Array,
  rows: Int32Array,
  table: Int32Array,
  duplicates: number[],
): void {
  const size = tableSize(rows.length);
  const mask = size - 1;
  table.fill(-1, 0, size);
  for (const i of rows) if (insertOrFind(ids, hashes, table, mask, i)) duplicates.push(i);
}

/**
 * Linear probing for row i's id: true when an earlier row already holds the same id, else the row is
 * put in the first empty slot.
 */
function insertOrFind(
  ids: RequestIdColumn,
  hashes: Uint32Array,
  table: Int32Array,
  mask: number,
  i: number,
): boolean {
  const hash = hashes[i] as number;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const row = table[slot] as number;
    if (row < 0) {
      table[slot] = i;
      return false;
    }
    if (hashes[row] === hash && sameId(ids, row, ids, i)) return true;
  }
}
const PACKED = new WeakMap<string[], RequestIdColumn>();
const PACKED_NUMBERS = new WeakMap<NumberedRequestIds, RequestIdColumn>();
const ENCODER = new TextEncoder();
const DECODER = new TextDecoder();

/** A power of two at least twice the rows, so probes stay short. */
function tableSize(rows: number): number {
  let size = 16;
  while (size < rows * 2) size *= 2;
  return size;
}

function hashId(ids: RequestIdColumn, row: number): number {
  const { bytes } = ids;
  const end = ids.offsets[row + 1] as number;
  let hash = 0x811c9dc5;
  for (let k = ids.offsets[row] as number; k < end; k++)
    hash = Math.imul(hash ^ (bytes[k] as number), 0x01000193);
  // A final avalanche so that ids differing only in their last digit land far apart.
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  hash ^= hash >>> 12;
  return hash >>> 0;
}

function sameId(a: RequestIdColumn, i: number, b: RequestIdColumn, j: number): boolean {
  const startA = a.offsets[i] as number;
  const length = (a.offsets[i + 1] as number) - startA;
  const startB = b.offsets[j] as number;
  if ((b.offsets[j + 1] as number) - startB !== length) return false;
  for (let k = 0; k < length; k++) if (a.bytes[startA + k] !== b.bytes[startB + k]) return false;
  return true;
}
