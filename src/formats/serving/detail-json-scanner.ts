import { JSON_NUMBER, NUMBER_CUT, readJsonNumber } from "../text/json-number-bytes.ts";
import { DETAIL_LISTS, DetailListColumn } from "./detail-list-columns.ts";
import { CUT, ELEMENT_LINES, FAIL, readGaps, readNull, readText } from "./detail-list-elements.ts";

/** What the scanner made of one result object: its small members as JSON text, and its lists as columns. */
export interface ScannedDetails {
  /** The object with every per-request list replaced by `[]` (its line breaks kept, so lines match the file). */
  skeleton: Uint8Array;
  lists: Map<string, DetailListColumn>;
}

/**
 * Reads one vLLM/SGLang detailed result object (`{ …, "ttfts": [...], "itls": [[...], ...], … }`)
 * from its bytes, chunk by chunk (a chunk may end anywhere), straight into typed columns: no JS value
 * per number and no copy of the file. Anything it does not read exactly as the general parser would
 * (JSONL with several runs, `NaN`, `null` where a number belongs, a non-ASCII byte in a dropped
 * string, a key with an escape, a list key given twice, broken syntax) makes `push`/`end` return
 * false: the caller then reads the file with the general parser, which locates every finding.
 */
export class DetailJsonScanner {
  readonly lists = new Map<string, DetailListColumn>();
  #skeleton = new Uint8Array(64 * 1024);
  #skeletonLength = 0;
  #state = BEFORE;
  #carry: Uint8Array | undefined;
  /** The list being read, and what may come next in it. */
  #list: DetailListColumn | undefined;
  #expect = ELEMENT_OR_CLOSE;
  /** Copy of a member value into the skeleton: nesting depth, inside a string, after a backslash. */
  #depth = 0;
  #inString = false;
  #escape = false;
  #members = 0;
  #rows = 1024;

  /** Consumes one chunk (it may be reused afterwards); false when the general parser must read the file. */
  push(chunk: Uint8Array): boolean {
    let from = 0;
    if (this.#carry !== undefined) {
      from = this.#finishCarry(this.#carry, chunk);
      if (from === FAIL) return false;
      if (from < 0) return true;
    }
    const stop = this.#scan(chunk, from, chunk.length);
    if (stop === FAIL) return false;
    // A copy: the chunk may be reused, and a Node Buffer's slice() is a view.
    if (stop < chunk.length) this.#carry = new Uint8Array(chunk.subarray(stop));
    return true;
  }

  /** After the last chunk: the object read, or undefined when the general parser must read the file. */
  end(): ScannedDetails | undefined {
    if (this.#state !== DONE || this.#carry !== undefined) return undefined;
    return { skeleton: this.#skeleton.subarray(0, this.#skeletonLength), lists: this.lists };
  }

  // --- internal ---

  /**
   * Reads the token the last chunk cut, joined with the head of this one (not the whole chunk: a copy
   * of every chunk costs more than the scan). Returns where to go on in `chunk`, FAIL, or −1 when a
   * token longer than the head is still open (then all of it is carried on).
   */
  #finishCarry(carry: Uint8Array, chunk: Uint8Array): number {
    this.#carry = undefined;
    const head = Math.min(chunk.length, carry.length + CARRY_HEAD);
    const joined = concat(carry, chunk.subarray(0, head));
    const stop = this.#scan(joined, 0, joined.length);
    if (stop === FAIL) return FAIL;
    if (stop >= carry.length) return stop - carry.length;
    this.#carry = concat(joined.subarray(stop), chunk.subarray(head));
    return -1;
  }

  /** Scans `buf` from `k`; returns where a token cut by the chunk's end starts, or FAIL. */
  #scan(buf: Uint8Array, k: number, end: number): number {
    while (k < end) {
      const state = this.#state;
      if (state === COPY) {
        k = this.#copyValue(buf, k, end);
        continue;
      }
      if (state === LIST) {
        k = this.#readList(buf, k, end);
        if (k === FAIL || k < 0) return k === FAIL ? FAIL : -k - 1;
        continue;
      }
      const b = buf[k] as number;
      if (b === 32 || b === 9 || b === 13 || b === 10) {
        if (b === 10) this.#emit(10);
        k++;
        continue;
      }
      const next = this.#structure(buf, k, end, b);
      if (next === FAIL) return FAIL;
      if (next < 0) return -next - 1;
      k = next;
    }
    return end;
  }

  /** One structural byte of the top-level object: `{`, a key, `:`, a value's start, `,` or `}`. */
  #structure(buf: Uint8Array, k: number, end: number, b: number): number {
    switch (this.#state) {
      case BEFORE:
        if (b !== 123) return FAIL;
        this.#emit(123);
        this.#state = KEY_OR_CLOSE;
        return k + 1;
      case KEY_OR_CLOSE:
        if (b === 125 && this.#members === 0) return this.#close(k);
        return b === 34 ? this.#key(buf, k, end) : FAIL;
      case KEY:
        return b === 34 ? this.#key(buf, k, end) : FAIL;
      case COLON:
        if (b !== 58) return FAIL;
        this.#emit(58);
        this.#state = VALUE;
        return k + 1;
      case VALUE:
        return this.#value(b, k);
      case AFTER_VALUE:
        if (b === 125) return this.#close(k);
        if (b !== 44) return FAIL;
        this.#emit(44);
        this.#state = KEY;
        return k + 1;
      default:
        return FAIL; // DONE: a second record (JSONL) or trailing bytes
    }
  }

  #close(k: number): number {
    this.#emit(125);
    this.#state = DONE;
    return k + 1;
  }

  /** A member's key: a per-request list's values are read into its column, any other value is copied. */
  #key(buf: Uint8Array, k: number, end: number): number {
    let q = k + 1;
    for (; q < end; q++) {
      const b = buf[q] as number;
      if (b === 34) break;
      if (b === 92 || b >= 0x80 || b < 0x20) return FAIL;
    }
    if (q >= end) return -k - 1;
    const key = String.fromCharCode.apply(null, buf.subarray(k + 1, q) as unknown as number[]);
    for (let i = k; i <= q; i++) this.#emit(buf[i] as number);
    this.#members++;
    const kind = DETAIL_LISTS.get(key);
    if (kind !== undefined) {
      if (this.lists.has(key)) return FAIL;
      this.#list = new DetailListColumn(kind, this.#rows);
      this.lists.set(key, this.#list);
    } else this.#list = undefined;
    this.#state = COLON;
    return q + 1;
  }

  #value(b: number, k: number): number {
    if (this.#list !== undefined) {
      if (b !== 91) return FAIL; // a list key holding something else: the general reader reports it
      this.#emit(91);
      this.#state = LIST;
      this.#expect = ELEMENT_OR_CLOSE;
      return k + 1;
    }
    this.#state = COPY;
    this.#depth = 0;
    this.#inString = false;
    this.#escape = false;
    return k;
  }

  /** Copies a member's value byte by byte (the skeleton's parser checks it); resumable across chunks. */
  #copyValue(buf: Uint8Array, k: number, end: number): number {
    for (; k < end; k++) {
      const b = buf[k] as number;
      if (this.#inString) {
        if (this.#escape) this.#escape = false;
        else if (b === 92) this.#escape = true;
        else if (b === 34) this.#inString = false;
      } else if (b === 34) this.#inString = true;
      else if (b === 123 || b === 91) this.#depth++;
      else if (b === 125 || b === 93) {
        if (this.#depth === 0) return this.#endCopy(k);
        this.#depth--;
      } else if (b === 44 && this.#depth === 0) return this.#endCopy(k);
      this.#emit(b);
    }
    return k;
  }

  #endCopy(k: number): number {
    this.#state = AFTER_VALUE;
    return k;
  }

  /**
   * Elements of the list being read until its `]` or the chunk's end. Returns the next offset, FAIL,
   * or −(offset + 1) of an element cut by the chunk's end.
   */
  #readList(buf: Uint8Array, k: number, end: number): number {
    const list = this.#list as DetailListColumn;
    while (k < end) {
      const b = buf[k] as number;
      if (b === 32 || b === 9 || b === 13 || b === 10) {
        if (b === 10) this.#emit(10);
        k++;
        continue;
      }
      if (this.#expect === COMMA_OR_CLOSE) {
        if (b === 93) return this.#endList(k);
        if (b !== 44) return FAIL;
        this.#expect = ELEMENT;
        k++;
        continue;
      }
      if (b === 93) return this.#expect === ELEMENT ? FAIL : this.#endList(k);
      const next = this.#element(list, buf, k, end, b);
      if (next === FAIL) return FAIL;
      if (next === CUT) return -k - 1;
      for (let n = ELEMENT_LINES.n; n > 0; n--) this.#emit(10);
      this.#expect = COMMA_OR_CLOSE;
      k = next;
    }
    return k;
  }

  #endList(k: number): number {
    // Every list has one entry per request: the first one's length sizes the others.
    this.#rows = Math.max(this.#rows, (this.#list as DetailListColumn).length);
    this.#emit(93);
    this.#state = AFTER_VALUE;
    return k + 1;
  }

  /** One element; its end offset, CUT when the chunk ends inside it, or FAIL. */
  #element(list: DetailListColumn, buf: Uint8Array, k: number, end: number, b: number): number {
    ELEMENT_LINES.n = 0;
    if (list.kind === "number") {
      // `null` reads as absent, as the general reader's numberAt reads it.
      if (b === 110) return readNull(buf, k, end, () => list.push(Number.NaN));
      const value = readJsonNumber(buf, k, end);
      if (JSON_NUMBER.end < 0) return JSON_NUMBER.end === NUMBER_CUT ? CUT : FAIL;
      list.push(value);
      return JSON_NUMBER.end;
    }
    if (list.kind === "text") return readText(list, buf, k, end, b);
    return readGaps(list, buf, k, end, b);
  }

  #emit(byte: number): void {
    if (this.#skeletonLength === this.#skeleton.length) {
      const bigger = new Uint8Array(this.#skeleton.length * 2);
      bigger.set(this.#skeleton);
      this.#skeleton = bigger;
    }
    this.#skeleton[this.#skeletonLength++] = byte;
  }
}

/** How much of the next chunk is joined to a carried token (a gaps list is well under 1 KiB). */
const CARRY_HEAD = 64 * 1024;
const BEFORE = 0;
const KEY_OR_CLOSE = 1;
const KEY = 2;
const COLON = 3;
const VALUE = 4;
const AFTER_VALUE = 5;
const COPY = 6;
const LIST = 7;
const DONE = 8;
const ELEMENT_OR_CLOSE = 0;
const ELEMENT = 1;
const COMMA_OR_CLOSE = 2;
function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}
