import { createFinding } from "../../model/create-finding.ts";
import type { ParsedEvidence } from "../../model/evidence.ts";
import { FindingCollector, resolveColumns } from "../text/column-spec.ts";
import { sniffDelimiter } from "../text/csv.ts";
import {
  CR,
  DECIMAL,
  fieldStops,
  isBlank,
  LF,
  latin1,
  plainStatus,
  QUOTE,
  readDecimal,
  skipField,
} from "../text/csv-bytes.ts";
import {
  readServingNumber,
  readServingStatus,
  reportFieldCount,
  SERVING_NUMERIC_COLUMNS,
  SERVING_REQUEST_COLUMNS,
} from "./serving-cells.ts";
import { ServingColumns, type ServingRowSink } from "./serving-column-buffers.ts";

/**
 * The fast path of the `serving-requests` CSV: reads the file's bytes chunk by chunk (a chunk may end
 * anywhere, even inside a number or between CR and LF) straight into typed columns, without a string
 * per cell or a copy of the file. Returns undefined when the file needs the general parser: a quote,
 * a non-ASCII byte, a lone CR, a header with findings or without request_id, or an empty file. Cells
 * that are not plain decimals go through the same cell readers as the general parser, so findings
 * and values are identical.
 */
export function parseServingCsvChunks(
  path: string,
  chunks: Iterable<Uint8Array>,
  sizeHint: number,
  /** Where rows go; default: every column of every row. */
  sink: ServingRowSink = new ServingColumns(16),
): Omit<ParsedEvidence, "format"> | undefined {
  const reader = new LineReader(path, sizeHint, sink);
  for (const chunk of chunks) if (!reader.push(chunk)) return undefined;
  if (!reader.end()) return undefined;
  return reader.finish();
}

// --- internal ---

const NUMERIC_SLOTS = 6;
const STATUS_SLOT = 6;
const ID_SLOT = 7;
/** Slots 0–5 are SERVING_NUMERIC_COLUMNS, then status and request_id; −1 for other columns. */
const SLOTS = 8;

class LineReader {
  readonly path: string;
  readonly sizeHint: number;
  readonly out = new FindingCollector();
  carry = new Uint8Array(256);
  carried = 0;
  line = 0;
  sep = 44;
  stops = fieldStops(44);
  headerLength = 0;
  slotOf = new Int8Array(0);
  readonly sink: ServingRowSink;
  headerRead = false;
  /** Bytes of the chunks before the current one, and whether the columns were sized for the file. */
  consumed = 0;
  reserved = false;

  /** The header has every numeric column and no other than the reader keeps (the template's): rows may take `plainRow`. */
  plain = false;
  /** Start and end of each slot's cell in the current row (valid for the slots the row has). */
  cellStart = new Int32Array(SLOTS);
  cellEnd = new Int32Array(SLOTS);
  /** The current row's plain-decimal cells by slot. */
  values = new Float64Array(NUMERIC_SLOTS);

  constructor(path: string, sizeHint: number, sink: ServingRowSink) {
    this.path = path;
    this.sizeHint = sizeHint;
    this.sink = sink;
  }

  /** Consumes one chunk; false when the file needs the general parser. */
  push(chunk: Uint8Array): boolean {
    let start = 0;
    if (this.carried > 0) {
      const lf = chunk.indexOf(LF);
      if (lf < 0) {
        this.append(chunk);
        return true;
      }
      this.append(chunk.subarray(0, lf));
      if (!this.carriedLine()) return false;
      this.carried = 0;
      start = lf + 1;
    }
    for (let lf = chunk.indexOf(LF, start); lf >= 0; lf = chunk.indexOf(LF, start)) {
      if (!this.line0(chunk, start, lf)) return false;
      start = lf + 1;
    }
    if (start < chunk.length) this.append(chunk.subarray(start));
    this.reserveFromFirstChunk(start);
    this.consumed += chunk.length;
    return true;
  }

  /**
   * After the first chunk, room for the whole file's rows at the rows-per-byte seen so far, with 3 %
   * to spare. A close guess matters: spare capacity is not free (the allocator may zero it), and a
   * short one costs a copy of every column.
   */
  reserveFromFirstChunk(lineStart: number): void {
    const rows = this.sink.rows;
    if (this.reserved || rows === 0) return;
    this.reserved = true;
    const bytes = this.consumed + lineStart;
    const expected = Math.ceil((1.03 * this.sizeHint * rows) / Math.max(1, bytes)) + 256;
    this.sink.reserve(expected);
  }

  /** The last line, when the file does not end with a newline. */
  end(): boolean {
    if (this.carried > 0 && !this.carriedLine()) return false;
    this.carried = 0;
    return this.headerRead;
  }

  /** The line pieced together in `carry`, with an LF after it (the row reader stops at that byte). */
  carriedLine(): boolean {
    this.append(LF_BYTE);
    this.carried--;
    return this.line0(this.carry, 0, this.carried);
  }

  finish(): Omit<ParsedEvidence, "format"> {
    const requests = this.sink.build();
    const findings = this.out.finish(this.path);
    if (requests.rows === 0 && findings.length === 0)
      findings.push(
        createFinding(
          "CSV_NO_ROWS",
          "error",
          "The file has a header but no request rows; add one row per request.",
          { path: this.path, line: 1 },
          { variant: "serving_csv_bytes_1" },
        ),
      );
    return { kind: "serving-requests", rows: requests.rows, requests, findings };
  }

  append(bytes: Uint8Array): void {
    if (this.carried + bytes.length > this.carry.length) {
      const next = new Uint8Array(Math.max(this.carry.length * 2, this.carried + bytes.length));
      next.set(this.carry.subarray(0, this.carried));
      this.carry = next;
    }
    this.carry.set(bytes, this.carried);
    this.carried += bytes.length;
  }

  /** One line without its LF (and without the CR of a CRLF); `buf[lfAt]` is the LF. */
  line0(buf: Uint8Array, start: number, lfAt: number): boolean {
    this.line++;
    const end = lfAt > start && buf[lfAt - 1] === CR ? lfAt - 1 : lfAt;
    if (!this.headerRead) return this.header(buf, start, end);
    if (this.plain && this.sink.rows > 0 && this.plainRow(buf, start, end)) return true;
    return this.row(buf, start, end);
  }

  header(buf: Uint8Array, start: number, end: number): boolean {
    // A BOM opens the first line only.
    if (buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf) start += 3;
    let text = "";
    for (let k = start; k < end; k++) {
      const b = buf[k] as number;
      if (b === QUOTE || b === CR || b === 0 || b >= 0x80) return false;
      text += String.fromCharCode(b);
    }
    const delimiter = sniffDelimiter(text);
    const names = text.split(delimiter);
    const resolved = resolveColumns(names, SERVING_REQUEST_COLUMNS, this.path);
    if (resolved.findings.length > 0 || !resolved.index.has("request_id")) return false;
    for (const f of resolved.unknown) this.out.add(f);
    this.sep = delimiter.charCodeAt(0);
    this.stops = fieldStops(this.sep);
    this.headerLength = names.length;
    this.slotOf = new Int8Array(names.length).fill(-1);
    SERVING_NUMERIC_COLUMNS.forEach(([name], slot) => {
      const i = resolved.index.get(name);
      if (i !== undefined) this.slotOf[i] = slot;
    });
    const status = resolved.index.get("status");
    if (status !== undefined) this.slotOf[status] = STATUS_SLOT;
    this.slotOf[resolved.index.get("request_id") as number] = ID_SLOT;
    // Each numeric slot must be a column too: plainRow writes every slot on every row.
    const slots = new Set(this.slotOf);
    this.plain = !slots.has(-1) && SERVING_NUMERIC_COLUMNS.every((_, slot) => slots.has(slot));
    this.headerRead = true;
    return true;
  }

  /**
   * One data row in a single pass: plain decimals are parsed as their bytes go by; any other cell is
   * remembered and read as text after the row, so its findings keep the general parser's order.
   * `buf[end]` is the line's CR or LF, which ends a number like a delimiter does (no bounds checks).
   */
  row(buf: Uint8Array, start: number, end: number): boolean {
    const { cellStart, cellEnd, slotOf, sep, stops, headerLength, values } = this;
    let seen = 0;
    let slow = 0;
    let fields = 0;
    let k = start;
    for (;;) {
      const slot = fields < headerLength ? (slotOf[fields] as number) : -1;
      const from = k;
      if (slot >= 0 && slot < NUMERIC_SLOTS) {
        const value = readDecimal(buf, k);
        k = DECIMAL.end;
        if (DECIMAL.plain && (k === end || buf[k] === sep)) values[slot] = value;
        else {
          k = skipField(buf, k, end, stops);
          if (k < 0) return false;
          slow |= 1 << slot;
        }
      } else {
        k = skipField(buf, k, end, stops);
        if (k < 0) return false;
      }
      if (slot >= 0) {
        seen |= 1 << slot;
        cellStart[slot] = from;
        cellEnd[slot] = k;
      }
      fields++;
      if (k >= end) break;
      k++;
    }
    if (fields === 1 && isBlank(buf, start, end)) return true;
    return this.addRow(buf, start, end, fields, seen, slow);
  }

  /**
   * The common row of a file in the template's layout, read without remembering its cells: every
   * field present, every number a plain decimal, status `ok` or `error` or absent. Anything else
   * returns false before the sink is touched, and `row` reads the line again with all its rules.
   */
  plainRow(buf: Uint8Array, start: number, end: number): boolean {
    const { slotOf, sep, stops, headerLength, values } = this;
    let k = start;
    let ok = 1;
    let idStart = -1;
    let idEnd = -1;
    for (let field = 0; field < headerLength; field++) {
      const slot = slotOf[field] as number;
      if (slot < NUMERIC_SLOTS) {
        values[slot] = readDecimal(buf, k);
        k = DECIMAL.end;
        if (!DECIMAL.plain) return false;
      } else if (slot === ID_SLOT) {
        idStart = k;
        k = skipField(buf, k, end, stops);
        if (k <= idStart) return false;
        idEnd = k;
      } else {
        ok = plainStatus(buf, k);
        if (ok < 0) return false;
        k += ok === 1 ? 2 : 5;
      }
      if (field === headerLength - 1 ? k !== end : k === end || buf[k++] !== sep) return false;
    }
    this.sink.add(this.line, values, ok, buf, idStart, idEnd);
    return true;
  }

  /** Hands the row just read to the sink, reading its remembered cells (and their findings) first. */
  addRow(buf: Uint8Array, start: number, end: number, fields: number, seen: number, slow: number): boolean {
    const { sink, values, cellStart, cellEnd } = this;
    if (sink.rows === 0) {
      // Room for the first chunk's rows; reserveFromFirstChunk sizes the columns for the whole file.
      const rows = Math.min(FIRST_ROWS, estimateRows(this.sizeHint, end - start));
      const idLength =
        (seen & (1 << ID_SLOT)) === 0 ? 0 : (cellEnd[ID_SLOT] as number) - (cellStart[ID_SLOT] as number);
      sink.reserve(rows, rows * (idLength + 8));
    }
    if (fields !== this.headerLength)
      reportFieldCount(this.out, this.path, fields, this.headerLength, this.line);
    if ((seen & ALL_NUMERIC) !== ALL_NUMERIC || slow !== 0) {
      for (let slot = 0; slot < NUMERIC_SLOTS; slot++) {
        if ((seen & (1 << slot)) === 0) values[slot] = Number.NaN;
        else if ((slow & (1 << slot)) !== 0) values[slot] = this.slowNumber(buf, slot);
      }
    }
    const ok = (seen & (1 << STATUS_SLOT)) === 0 ? 1 : this.status(buf);
    const hasId = (seen & (1 << ID_SLOT)) !== 0;
    sink.add(
      this.line,
      values,
      ok,
      buf,
      hasId ? (cellStart[ID_SLOT] as number) : -1,
      hasId ? (cellEnd[ID_SLOT] as number) : -1,
    );
    return true;
  }

  slowNumber(buf: Uint8Array, slot: number): number {
    const from = this.cellStart[slot] as number;
    const to = this.cellEnd[slot] as number;
    const name = (SERVING_NUMERIC_COLUMNS[slot] as readonly [string, string])[0];
    return readServingNumber(this.out, this.path, latin1(buf, from, to), name, this.line);
  }

  status(buf: Uint8Array): number {
    const from = this.cellStart[STATUS_SLOT] as number;
    const to = this.cellEnd[STATUS_SLOT] as number;
    const length = to - from;
    if (length === 0) return 1;
    if (length === 2 && buf[from] === 111 && buf[from + 1] === 107) return 1; // ok
    if (length === 5 && latin1(buf, from, to) === "error") return 0;
    return readServingStatus(this.out, this.path, latin1(buf, from, to), this.line);
  }
}

/**
 * Rows ≈ bytes / the first row's length, with 30 % to spare (the columns grow if that is short). The
 * spare rows are never written, so they cost address space, not memory.
 */
const FIRST_ROWS = 1 << 17;

function estimateRows(sizeHint: number, rowBytes: number): number {
  return Math.max(16, Math.ceil((1.3 * sizeHint) / Math.max(8, rowBytes + 1)));
}

const ALL_NUMERIC = (1 << NUMERIC_SLOTS) - 1;
const LF_BYTE = Uint8Array.of(LF);
