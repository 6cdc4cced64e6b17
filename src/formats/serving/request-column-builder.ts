import type { ServingRequests } from "../../model/evidence.ts";
import { grow, trimTo } from "../text/typed-columns.ts";
import { deriveTpot } from "./serving-columns.ts";

/** The numeric columns of a request log in the order `RequestColumnBuilder.add` takes them. */
export const REQUEST_COLUMNS = [
  "startS",
  "ttftMs",
  "tpotMs",
  "itlMs",
  "e2eMs",
  "inputTokens",
  "outputTokens",
] as const;

/**
 * Growable typed columns of a request log for the streaming JSON readers: a row is written straight
 * into the columns (no object per request), and `build` gives what ServingRequestsBuilder gives for
 * the same rows.
 */
export class RequestColumnBuilder {
  rows = 0;
  /** One value per column of REQUEST_COLUMNS for the next row; NaN when absent. */
  readonly row = new Float64Array(REQUEST_COLUMNS.length).fill(Number.NaN);
  #columns: Float64Array[] = REQUEST_COLUMNS.map(() => new Float64Array(1024));
  #ok = new Uint8Array(1024);
  #lines = new Int32Array(1024);
  #ids: string[] | undefined;

  /** Adds `row` (then reset to NaN) with its status, line and request id. */
  add(ok: boolean, line: number, requestId?: string): void {
    const n = this.rows;
    if (n === this.#ok.length) this.#grow(Math.ceil(n * 1.5) + 16);
    for (let c = 0; c < this.#columns.length; c++) {
      (this.#columns[c] as Float64Array)[n] = this.row[c] as number;
      this.row[c] = Number.NaN;
    }
    this.#ok[n] = ok ? 1 : 0;
    this.#lines[n] = line;
    if (requestId !== undefined) {
      this.#ids ??= Array.from({ length: n }, (_, i) => String(i));
      this.#ids[n] = requestId;
    } else if (this.#ids !== undefined) this.#ids[n] = String(n);
    this.rows = n + 1;
  }

  build(): ServingRequests {
    const n = this.rows;
    const column = (c: number) => trimTo(this.#columns[c] as Float64Array, n);
    const requests: ServingRequests = {
      rows: n,
      startS: column(0),
      ttftMs: column(1),
      tpotMs: column(2),
      itlMs: column(3),
      e2eMs: column(4),
      inputTokens: column(5),
      outputTokens: column(6),
      ok: trimTo(this.#ok, n),
      lines: trimTo(this.#lines, n),
    };
    if (this.#ids !== undefined) requests.requestId = this.#ids;
    deriveTpot(requests);
    return requests;
  }

  // --- internal ---

  #grow(size: number): void {
    this.#columns = this.#columns.map((column) => grow(column, size));
    this.#ok = grow(this.#ok, size);
    this.#lines = grow(this.#lines, size);
  }
}

/** Column slots of `RequestColumnBuilder.row`. */
export const START_S = 0;
export const TTFT_MS = 1;
export const TPOT_MS = 2;
export const ITL_MS = 3;
export const E2E_MS = 4;
export const INPUT_TOKENS = 5;
export const OUTPUT_TOKENS = 6;
