import type { ServingRequests } from "../model/evidence.ts";
import { SERVING_NUMERIC_COLUMNS } from "./serving-cells.ts";
import { deriveTpot } from "./serving-columns.ts";

/** Growable typed columns of a request log, filled row by row, and the packed request ids. */
export class ServingColumns {
  rows = 0;
  numeric: Float64Array[];
  ok: Uint8Array;
  lines: Int32Array;
  idBytes: Uint8Array;
  idOffsets: Int32Array;

  constructor(capacity: number) {
    this.numeric = SERVING_NUMERIC_COLUMNS.map(() => new Float64Array(capacity));
    this.ok = new Uint8Array(capacity);
    this.lines = new Int32Array(capacity);
    this.idBytes = new Uint8Array(capacity * 8);
    this.idOffsets = new Int32Array(capacity + 1);
  }

  /** Makes room for `capacity` rows at once (a good guess saves regrowing a big file's columns). */
  reserve(capacity: number, idBytes = 0): void {
    if (idBytes > this.idBytes.length) this.idBytes = grow(this.idBytes, idBytes);
    if (capacity <= this.ok.length) return;
    this.numeric = this.numeric.map((column) => grow(column, capacity));
    this.ok = grow(this.ok, capacity);
    this.lines = grow(this.lines, capacity);
    this.idOffsets = grow(this.idOffsets, capacity + 1);
  }

  /** A new row at `line`; its numeric cells, status and id are the caller's to fill. */
  addRow(line: number): number {
    if (this.rows === this.ok.length) this.reserve(Math.ceil(this.rows * 1.5) + 16);
    this.lines[this.rows] = line;
    return this.rows++;
  }

  /** The id of the row just added: `buf[start .. end)`, or empty when start < 0. */
  addId(buf: Uint8Array, start: number, end: number): void {
    const at = this.idOffsets[this.rows - 1] as number;
    const length = start < 0 ? 0 : end - start;
    if (at + length > this.idBytes.length)
      this.idBytes = grow(this.idBytes, Math.max(this.idBytes.length * 2, at + length));
    for (let k = 0; k < length; k++) this.idBytes[at + k] = buf[start + k] as number;
    this.idOffsets[this.rows] = at + length;
  }

  /** The finished columns, trimmed to the rows read, with TPOT derived where it was empty. */
  build(): ServingRequests {
    const n = this.rows;
    const [startS, ttftMs, tpotMs, e2eMs, inputTokens, outputTokens] = this.numeric.map((c) => trimTo(c, n));
    const requests: ServingRequests = {
      rows: n,
      requestIdBytes: {
        bytes: trimTo(this.idBytes, this.idOffsets[n] as number),
        offsets: trimTo(this.idOffsets, n + 1),
      },
      startS: startS as Float64Array,
      ttftMs: ttftMs as Float64Array,
      tpotMs: tpotMs as Float64Array,
      itlMs: new Float64Array(n).fill(Number.NaN),
      e2eMs: e2eMs as Float64Array,
      inputTokens: inputTokens as Float64Array,
      outputTokens: outputTokens as Float64Array,
      ok: trimTo(this.ok, n),
      lines: trimTo(this.lines, n),
    };
    deriveTpot(requests);
    return requests;
  }
}

// --- internal ---

type Column = Float64Array | Int32Array | Uint8Array;

function grow<T extends Column>(column: T, size: number): T {
  const next = new (column.constructor as new (size: number) => T)(size);
  next.set(column.subarray(0, Math.min(column.length, size)));
  return next;
}

/**
 * The first n values, as a view: the spare capacity past them was never written, so its pages were
 * never touched and cost address space only, while a trimming copy would touch every page again.
 */
function trimTo<T extends Column>(column: T, n: number): T {
  return column.subarray(0, n) as T;
}
