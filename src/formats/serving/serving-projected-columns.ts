import type { ServingRequests, ValueCounts } from "../../model/evidence.ts";
import type { RequestProjection, RequestValues } from "../../model/request-columns.ts";
import { grow, trimTo } from "../text/typed-columns.ts";
import { SERVING_NUMERIC_COLUMNS } from "./serving-cells.ts";
import { ServingColumns, type ServingRowSink } from "./serving-column-buffers.ts";
import { derivedTpot } from "./serving-columns.ts";
import { ValueCounter } from "./value-counts.ts";

/** What a projected read of a request log yields besides the log itself. */
export interface ProjectedRequests {
  /** The log: status, ids and lines of every row, and only the numeric columns the job reads. */
  requests: ServingRequests;
  /** The values of successful requests in file order (NaN left out): what percentiles are taken of. */
  successful: { ttftMs: Float64Array; tpotMs: Float64Array; e2eMs: Float64Array };
  /** Every finite input token count, failed requests too, as value counts (the workload check compares them). */
  promptLengths: ValueCounts;
  /** The line of a row (kept as the few places where lines skip, not 4 bytes a row). */
  lineOf: (row: number) => number;
}

/**
 * A row sink that keeps a big log's distributions instead of its rows: the successful values of each
 * latency column and the prompt lengths, plus the row-aligned columns the job declared. Each row is
 * handed to `onRow` as it goes by (the plausibility checks), with TPOT derived as the full reader
 * derives it, so both reads check and measure the same values.
 */
export class ProjectedColumns implements ServingRowSink {
  readonly #rows: ServingColumns;
  readonly #onRow: (row: RequestValues) => void;
  readonly #row: RequestValues = {
    line: 0,
    startS: 0,
    ttftMs: 0,
    tpotMs: 0,
    e2eMs: 0,
    inputTokens: 0,
    outputTokens: 0,
    ok: 0,
  };
  #ttft: Float64Array = new Float64Array(16);
  #tpot: Float64Array = new Float64Array(16);
  #e2e: Float64Array = new Float64Array(16);
  #tokens = new ValueCounter();
  #nTtft = 0;
  #nTpot = 0;
  #nE2e = 0;
  /** Line numbers as the rows where line − row changes (a blank line), and the new difference. */
  #jumpRows: number[] = [];
  #jumpShifts: number[] = [];

  constructor(projection: RequestProjection, onRow: (row: RequestValues) => void) {
    this.#rows = new ServingColumns(
      16,
      SERVING_NUMERIC_COLUMNS.map(([, key]) => projection.has(key)),
      false,
    );
    this.#onRow = onRow;
  }

  get rows(): number {
    return this.#rows.rows;
  }

  /** Room for `rows` rows in every column (the distributions hold at most one value a row). */
  reserve(rows: number, idBytes?: number): void {
    this.#rows.reserve(rows, idBytes);
    this.#ttft = grow(this.#ttft, rows);
    this.#tpot = grow(this.#tpot, rows);
    this.#e2e = grow(this.#e2e, rows);
  }

  add(line: number, values: Float64Array, ok: number, buf: Uint8Array, idStart: number, idEnd: number): void {
    const ttft = values[1] as number;
    const e2e = values[3] as number;
    const inputTokens = values[4] as number;
    const outputTokens = values[5] as number;
    const tpot = derivedTpot(values[2] as number, ttft, e2e, outputTokens);
    values[2] = tpot;
    const rows = this.#rows.rows;
    if (rows === this.#e2e.length) this.reserve(Math.ceil(rows * 1.5) + 16);
    if (line - rows !== this.#jumpShifts[this.#jumpShifts.length - 1]) {
      this.#jumpRows.push(rows);
      this.#jumpShifts.push(line - rows);
    }
    this.#rows.add(line, values, ok, buf, idStart, idEnd);
    const row = this.#row;
    row.line = line;
    row.startS = values[0] as number;
    row.ttftMs = ttft;
    row.tpotMs = tpot;
    row.e2eMs = e2e;
    row.inputTokens = inputTokens;
    row.outputTokens = outputTokens;
    row.ok = ok;
    this.#onRow(row);
    if (ok === 1) {
      if (!Number.isNaN(ttft)) this.#ttft[this.#nTtft++] = ttft;
      if (!Number.isNaN(tpot)) this.#tpot[this.#nTpot++] = tpot;
      if (!Number.isNaN(e2e)) this.#e2e[this.#nE2e++] = e2e;
    }
    this.#tokens.add(inputTokens);
  }

  build(): ServingRequests {
    return { ...this.#rows.build(), projected: true };
  }

  /** The log and its distributions, once every row was added; `sort` orders values in place. */
  finish(requests: ServingRequests, sort: (values: Float64Array) => Float64Array): ProjectedRequests {
    return {
      requests,
      successful: {
        ttftMs: trimTo(this.#ttft, this.#nTtft),
        tpotMs: trimTo(this.#tpot, this.#nTpot),
        e2eMs: trimTo(this.#e2e, this.#nE2e),
      },
      promptLengths: this.#tokens.finish(sort),
      lineOf: (row) => row + (this.#jumpShifts[lastAtOrBefore(this.#jumpRows, row)] ?? 0),
    };
  }
}

// --- internal ---

/** Index of the last element of ascending `values` at or below `value` (−1 when none). */
function lastAtOrBefore(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((values[middle] as number) <= value) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}
