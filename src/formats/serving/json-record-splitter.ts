/** Where the records of a big JSON log sit: one key path down to the list that holds them, or JSONL. */
export type RecordPlace =
  /** Every top-level value is a record (JSONL). */
  | { kind: "lines" }
  /** The elements of the list at `path` (keys, and `[]` for a list's element) are the records. */
  | { kind: "list"; path: readonly string[] };

/** Called with each complete record: its bytes `buf[start .. end)` and its first line; false stops the read. */
export type RecordHandler = (buf: Uint8Array, start: number, end: number, line: number) => boolean;

/**
 * Cuts a big JSON file, chunk by chunk (a chunk may end anywhere), into its per-request records
 * without parsing them: a record is handed on whole (joined when two chunks cut it) and then dropped,
 * so memory is one chunk plus one record. Everything outside the records is kept as the skeleton,
 * each record list left as `[]` with its line breaks, so the general parser reads the run's facts at
 * the lines they have in the file. Records must be objects; anything unexpected makes `push`/`end`
 * return false, and the caller reads the file with the general parser.
 */
export class JsonRecordSplitter {
  readonly #place: RecordPlace;
  readonly #onRecord: RecordHandler;
  #skeleton = new Uint8Array(4096);
  #skeletonLength = 0;
  /** Containers open outside records: 1 for an object, 2 for a list, with each object's current key. */
  #frames: number[] = [];
  #keys: Array<string | undefined> = [];
  #awaitingKey = false;
  #key = "";
  #readingKey = false;
  #inString = false;
  #escape = false;
  #line = 1;
  /** Inside a record list: 0 before the first element, 1 after an element, 2 after a comma. */
  #listDepth = -1;
  #between = 0;
  /** Inside a record: its depth, where it started in this chunk, its line, the part earlier chunks held. */
  #recordDepth = 0;
  #recordStart = 0;
  #recordLine = 0;
  #carry = new Uint8Array(0);
  #carryLength = 0;
  #records = 0;
  #lists = 0;

  constructor(place: RecordPlace, onRecord: RecordHandler) {
    this.#place = place;
    this.#onRecord = onRecord;
  }

  /** Records handed on so far, and record lists opened. */
  get records(): number {
    return this.#records;
  }

  get lists(): number {
    return this.#lists;
  }

  /** Consumes one chunk (it may be reused afterwards); false when the general parser must read the file. */
  push(chunk: Uint8Array): boolean {
    let k = 0;
    const end = chunk.length;
    while (k < end) {
      if (this.#recordDepth > 0) {
        k = this.#readRecord(chunk, k, end);
        if (k < 0) return false;
      } else if (this.#listDepth >= 0 && this.#frames.length === this.#listDepth) {
        k = this.#betweenRecords(chunk, k);
        if (k < 0) return false;
      } else {
        k = this.#outside(chunk, k);
        if (k < 0) return false;
      }
    }
    if (this.#recordDepth > 0) this.#keep(chunk, this.#recordStart, end);
    this.#recordStart = 0;
    return true;
  }

  /** After the last chunk: the skeleton, or undefined when the file ended inside a value. */
  end(): Uint8Array | undefined {
    if (this.#recordDepth > 0 || this.#frames.length > 0 || this.#inString) return undefined;
    return this.#skeleton.subarray(0, this.#skeletonLength);
  }

  // --- internal ---

  /** One byte outside any record: copied to the skeleton, with the keys on the way to a record list. */
  #outside(buf: Uint8Array, k: number): number {
    const b = buf[k] as number;
    if (b === 10) this.#line++;
    if (this.#inString) {
      this.#emit(b);
      if (this.#escape) this.#escape = false;
      else if (b === 92) this.#escape = true;
      else if (b === 34) {
        this.#inString = false;
        if (this.#readingKey) this.#readingKey = false;
      } else if (this.#readingKey) this.#key += String.fromCharCode(b);
      return k + 1;
    }
    if (this.#place.kind === "lines" && this.#frames.length === 0) {
      if (b === 123) return this.#startRecord(k);
      if (b === 32 || b === 10 || b === 13 || b === 9) return k + 1;
      return -1;
    }
    this.#emit(b);
    if (b === 34) {
      this.#inString = true;
      if (this.#awaitingKey) {
        this.#readingKey = true;
        this.#key = "";
      }
    } else if (b === 58) {
      this.#awaitingKey = false;
      this.#keys[this.#keys.length - 1] = this.#key;
    } else if (b === 44) this.#awaitingKey = this.#frames[this.#frames.length - 1] === 1;
    else if (b === 123) this.#open(1);
    else if (b === 91) this.#open(2);
    else if (b === 125 || b === 93) this.#close();
    return k + 1;
  }

  #open(kind: number): void {
    this.#frames.push(kind);
    this.#keys.push(undefined);
    this.#awaitingKey = kind === 1;
    if (kind === 2 && this.#place.kind === "list" && this.#atRecordList()) {
      this.#listDepth = this.#frames.length;
      this.#between = 0;
      this.#lists++;
    }
  }

  #close(): void {
    this.#frames.pop();
    this.#keys.pop();
    this.#awaitingKey = false;
  }

  /** True when the list just opened sits at the records' key path. */
  #atRecordList(): boolean {
    const path = (this.#place as { path: readonly string[] }).path;
    const parents = this.#frames.length - 1;
    if (parents !== path.length) return false;
    for (let i = 0; i < parents; i++) {
      const step = this.#frames[i] === 2 ? "[]" : this.#keys[i];
      if (step !== path[i]) return false;
    }
    return true;
  }

  /** Whitespace, commas and the closing `]` of a record list; a `{` starts a record. */
  #betweenRecords(buf: Uint8Array, k: number): number {
    const b = buf[k] as number;
    if (b === 32 || b === 13 || b === 9) return k + 1;
    if (b === 10) {
      this.#line++;
      this.#emit(10);
      return k + 1;
    }
    if (b === 123 && this.#between !== 1) return this.#startRecord(k);
    if (b === 44 && this.#between === 1) {
      this.#between = 2;
      return k + 1;
    }
    if (b === 93 && this.#between !== 2) {
      this.#listDepth = -1;
      this.#emit(93);
      this.#close();
      return k + 1;
    }
    return -1;
  }

  #startRecord(k: number): number {
    this.#recordDepth = 1;
    this.#recordStart = k;
    this.#recordLine = this.#line;
    this.#carryLength = 0;
    this.#inString = false;
    this.#escape = false;
    return k + 1;
  }

  /** Bytes of a record up to its closing brace, which hands it on; −1 when the handler says stop. */
  #readRecord(buf: Uint8Array, k: number, end: number): number {
    let depth = this.#recordDepth;
    let inString = this.#inString;
    let escaped = this.#escape;
    for (; k < end; k++) {
      const b = buf[k] as number;
      if (inString) {
        if (escaped) escaped = false;
        else if (b === 92) escaped = true;
        else if (b === 34) inString = false;
        continue;
      }
      if (b === 34) inString = true;
      else if (b === 10) {
        this.#line++;
        this.#emit(10);
      } else if (b === 123 || b === 91) depth++;
      else if ((b === 125 || b === 93) && --depth === 0) break;
    }
    this.#inString = inString;
    this.#escape = escaped;
    this.#recordDepth = depth;
    if (depth > 0) return end;
    return this.#finishRecord(buf, k + 1);
  }

  #finishRecord(buf: Uint8Array, stop: number): number {
    this.#between = 1;
    this.#records++;
    let ok: boolean;
    if (this.#carryLength === 0) ok = this.#onRecord(buf, this.#recordStart, stop, this.#recordLine);
    else {
      this.#keep(buf, 0, stop);
      ok = this.#onRecord(this.#carry, 0, this.#carryLength, this.#recordLine);
      this.#carryLength = 0;
    }
    return ok ? stop : -1;
  }

  /** Keeps the part of a record that this chunk holds (the next chunk finishes it). */
  #keep(buf: Uint8Array, start: number, stop: number): void {
    const needed = this.#carryLength + stop - start;
    if (needed > this.#carry.length) {
      const bigger = new Uint8Array(Math.max(needed, this.#carry.length * 2, 64 * 1024));
      bigger.set(this.#carry.subarray(0, this.#carryLength));
      this.#carry = bigger;
    }
    this.#carry.set(buf.subarray(start, stop), this.#carryLength);
    this.#carryLength = needed;
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
