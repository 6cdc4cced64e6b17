import { ClaimcheckError } from "./errors.ts";
import type { RequestColumnKey, ServingRequests } from "./evidence.ts";

/**
 * A row-aligned column of a request log. A column the file does not have reads as NaN on every row
 * (one shared column per log, made on first use); a column the reader dropped because the job did
 * not declare it is an internal error, so a missed declaration fails loudly instead of reading NaN.
 */
export function requireColumn(requests: ServingRequests, key: RequestColumnKey): Float64Array {
  const column = requests[key];
  if (column !== undefined) return column;
  if (requests.projected === true)
    throw new ClaimcheckError(
      "E_INTERNAL",
      `The request log was read without its ${key} column, which this job needs (measure/request-columns.ts does not declare it).`,
    );
  const cached = ABSENT.get(requests);
  if (cached !== undefined) return cached;
  const absent = new Float64Array(requests.rows).fill(Number.NaN);
  ABSENT.set(requests, absent);
  return absent;
}

/** The line of row `row` in the source file, or 0 when the format has no lines. */
export function lineOfRow(requests: ServingRequests, row: number): number {
  return requests.lines?.[row] ?? 0;
}

/** One request as a streaming reader hands it on: its line, send time (s), times (ms), token counts and status; NaN when absent. */
export interface RequestValues {
  line: number;
  startS: number;
  ttftMs: number;
  tpotMs: number;
  e2eMs: number;
  inputTokens: number;
  outputTokens: number;
  ok: number;
}

/** The row-aligned data a job reads of a request log: numeric columns, and `requestId` to pair two logs. */
export type RequestProjection = ReadonlySet<RequestColumnKey | "requestId">;

// --- internal ---

const ABSENT = new WeakMap<ServingRequests, Float64Array>();
