import type { ServingRequests } from "../../model/evidence.ts";
import { grow, trimTo } from "../text/typed-columns.ts";
import { NumberedIdColumn, packNumberedIds } from "./numbered-ids.ts";
import { SERVING_NUMERIC_COLUMNS } from "./serving-cells.ts";
import { deriveTpot } from "./serving-columns.ts";

/**
 * Where the CSV reader puts each row: `values` holds the row's numeric cells in SERVING_NUMERIC_COLUMNS
 * order (NaN when empty or unreadable), `ok` its status, and `buf[idStart .. idEnd)` its request id
 * (idStart < 0 when the row has none).
 */
export interface ServingRowSink {
  readonly rows: number;
  /**
   * Makes room for about `rows` rows and `idBytes` bytes of ids; without `idBytes`, as many bytes a
   * row as the rows so far took.
   */
  reserve(rows: number, idBytes?: number): void;
  add(line: number, values: Float64Array, ok: number, buf: Uint8Array, idStart: number, idEnd: number): void;
  build(): ServingRequests;
}

/** Growable typed columns of a request log, filled row by row, and the packed request ids. */
export class ServingColumns implements ServingRowSink {
  rows = 0;
  numeric: Float64Array[];
  ok: Uint8Array;
  lines: Int32Array;
  idBytes: Uint8Array;
  idOffsets: Int32Array;
  /** The ids as numbers while they all fit (see NumberedIdColumn); then `idBytes`. */
  numberedIds: NumberedIdColumn | undefined = new NumberedIdColumn();
  idBytesWanted = 0;

  /** Whether each of SERVING_NUMERIC_COLUMNS is kept; a dropped one is never allocated nor written. */
  readonly keep: readonly boolean[];
  readonly keepsAny: boolean;

  /** False when the caller tracks line numbers itself (see ProjectedColumns). */
  readonly keepLines: boolean;

  constructor(
    capacity: number,
    keep: readonly boolean[] = SERVING_NUMERIC_COLUMNS.map(() => true),
    keepLines = true,
  ) {
    this.keepLines = keepLines;
    this.keep = keep;
    this.keepsAny = keep.includes(true);
    this.numeric = SERVING_NUMERIC_COLUMNS.map((_, slot) => new Float64Array(keep[slot] ? capacity : 0));
    this.ok = new Uint8Array(capacity);
    this.lines = new Int32Array(keepLines ? capacity : 0);
    this.idBytes = new Uint8Array(capacity * 8);
    this.idOffsets = new Int32Array(capacity + 1);
  }

  /** Makes room for `capacity` rows at once (a good guess saves regrowing a big file's columns). */
  reserve(capacity: number, idBytes?: number): void {
    const bytesSoFar = this.numberedIds === undefined ? (this.idOffsets[this.rows] as number) : 0;
    const perRow = this.rows === 0 ? 8 : bytesSoFar / this.rows;
    this.idBytesWanted = Math.max(this.idBytesWanted, idBytes ?? Math.ceil(capacity * perRow * 1.03));
    // Numbered ids need no bytes: those columns are sized when an id stops fitting.
    if (this.numberedIds === undefined) this.reserveIdBytes();
    if (capacity <= this.ok.length) return;
    this.numeric = this.numeric.map((column, slot) => (this.keep[slot] ? grow(column, capacity) : column));
    this.ok = grow(this.ok, capacity);
    if (this.keepLines) this.lines = grow(this.lines, capacity);
    if (this.numberedIds === undefined) this.idOffsets = grow(this.idOffsets, capacity + 1);
    else this.numberedIds.reserve(capacity);
  }

  reserveIdBytes(): void {
    if (this.idBytesWanted > this.idBytes.length) this.idBytes = grow(this.idBytes, this.idBytesWanted);
  }

  add(line: number, values: Float64Array, ok: number, buf: Uint8Array, idStart: number, idEnd: number): void {
    const row = this.addRow(line);
    const numeric = this.numeric;
    if (this.keepsAny)
      for (let slot = 0; slot < numeric.length; slot++) {
        const column = numeric[slot] as Float64Array;
        // A dropped column has length 0: the write is skipped (typed arrays ignore writes out of range).
        if (row < column.length) column[row] = values[slot] as number;
      }
    this.ok[row] = ok;
    this.addId(buf, idStart, idEnd);
  }

  /** A new row at `line`; its numeric cells, status and id are the caller's to fill. */
  addRow(line: number): number {
    if (this.rows === this.ok.length) this.reserve(Math.ceil(this.rows * 1.5) + 16);
    if (this.keepLines) this.lines[this.rows] = line;
    return this.rows++;
  }

  /** The id of the row just added: `buf[start .. end)`, or empty when start < 0. */
  addId(buf: Uint8Array, start: number, end: number): void {
    const row = this.rows - 1;
    if (this.numberedIds !== undefined) {
      if (start >= 0 && this.numberedIds.add(row, buf, start, end)) return;
      this.packNumberedIds(row);
    }
    const offsets = this.idOffsets;
    const at = offsets[row] as number;
    const length = start < 0 ? 0 : end - start;
    if (at + length > this.idBytes.length)
      this.idBytes = grow(this.idBytes, Math.max(this.idBytes.length * 2, at + length));
    const bytes = this.idBytes;
    for (let k = 0; k < length; k++) bytes[at + k] = buf[start + k] as number;
    offsets[row + 1] = at + length;
  }

  /** The first id that is not prefix-and-number: the ids so far become bytes, and so do the rest. */
  packNumberedIds(rows: number): void {
    const packed = packNumberedIds((this.numberedIds as NumberedIdColumn).finish(rows));
    this.numberedIds = undefined;
    this.idOffsets = grow(this.idOffsets, this.ok.length + 1);
    this.idOffsets.set(packed.offsets);
    this.idBytesWanted = Math.max(this.idBytesWanted, packed.bytes.length * 2);
    this.reserveIdBytes();
    this.idBytes.set(packed.bytes);
  }

  /** The finished columns, trimmed to the rows read, with TPOT derived where it was empty. */
  build(): ServingRequests {
    const n = this.rows;
    const requests: ServingRequests = {
      rows: n,
      ...(this.numberedIds !== undefined
        ? { requestIdNumbers: this.numberedIds.finish(n) }
        : {
            requestIdBytes: {
              bytes: trimTo(this.idBytes, this.idOffsets[n] as number),
              offsets: trimTo(this.idOffsets, n + 1),
            },
          }),
      ok: trimTo(this.ok, n),
      ...(this.keepLines ? { lines: trimTo(this.lines, n) } : {}),
    };
    SERVING_NUMERIC_COLUMNS.forEach(([, key], slot) => {
      if (this.keep[slot]) requests[key] = trimTo(this.numeric[slot] as Float64Array, n);
    });
    deriveTpot(requests);
    return requests;
  }
}
