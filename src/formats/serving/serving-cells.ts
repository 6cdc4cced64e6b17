import { createFinding } from "../../model/create-finding.ts";
import type { ColumnSpec, FindingCollector } from "../text/column-spec.ts";
import { parseNumberCell } from "../text/csv.ts";

/** The canonical `serving-requests` CSV kind: one row per request. */
export const SERVING_REQUEST_COLUMNS: readonly ColumnSpec[] = [
  { name: "request_id", required: true, unit: "", description: "unique id of the request" },
  { name: "start_s", required: false, unit: "s", description: "send time, seconds (relative or Unix epoch)" },
  { name: "ttft_ms", required: true, unit: "ms", description: "time to first token" },
  {
    name: "tpot_ms",
    required: false,
    unit: "ms",
    description:
      "time per output token after the first; derived as (e2e_ms − ttft_ms)/(output_tokens − 1) when absent",
  },
  { name: "e2e_ms", required: true, unit: "ms", description: "end-to-end latency of the request" },
  { name: "input_tokens", required: true, unit: "tokens", description: "prompt length" },
  { name: "output_tokens", required: true, unit: "tokens", description: "generated tokens" },
  {
    name: "status",
    required: false,
    unit: "",
    description: "ok or error; error rows count against the success rate only",
  },
];

/** The numeric columns of the `serving-requests` kind, in the order their cells are read and reported. */
export const SERVING_NUMERIC_COLUMNS = [
  ["start_s", "startS"],
  ["ttft_ms", "ttftMs"],
  ["tpot_ms", "tpotMs"],
  ["e2e_ms", "e2eMs"],
  ["input_tokens", "inputTokens"],
  ["output_tokens", "outputTokens"],
] as const;

/** One numeric cell, or NaN plus a CSV_BAD_NUMBER finding when it is not a plain number. */
export function readServingNumber(
  out: FindingCollector,
  path: string,
  cell: string,
  name: string,
  line: number,
): number {
  const value = parseNumberCell(cell);
  if (value !== undefined) return value;
  out.add(
    createFinding(
      "CSV_BAD_NUMBER",
      "error",
      `"${cell.slice(0, 40)}" is not a plain number; write the value in ${name.endsWith("_ms") ? "milliseconds" : "the column's unit"} without units or separators.`,
      { path, line, column: name },
      {
        variant: "serving_cells_1",
        cell: cell.slice(0, 40),
        unit: name.endsWith("_ms") ? "milliseconds" : "the column's unit",
      },
    ),
  );
  return Number.NaN;
}

/** A status cell: 1 for `ok` or empty, 0 for `error`, 0 plus a CSV_BAD_STATUS finding otherwise. */
export function readServingStatus(out: FindingCollector, path: string, raw: string, line: number): number {
  const cell = raw.trim().toLowerCase();
  if (cell === "ok" || cell === "") return 1;
  if (cell === "error") return 0;
  out.add(
    createFinding(
      "CSV_BAD_STATUS",
      "error",
      `Status "${cell.slice(0, 40)}" is neither ok nor error; use one of those two words.`,
      { path, line, column: "status" },
      { cell: cell.slice(0, 40) },
    ),
  );
  return 0;
}

/** CSV_FIELD_COUNT for a row whose field count differs from the header's. */
export function reportFieldCount(
  out: FindingCollector,
  path: string,
  fields: number,
  header: number,
  line: number,
): void {
  out.add(
    createFinding(
      "CSV_FIELD_COUNT",
      "error",
      `Row has ${fields} fields but the header has ${header}; fix the delimiters or quoting of this row.`,
      { path, line },
      { variant: "serving_cells_1", fields, header },
    ),
  );
}
