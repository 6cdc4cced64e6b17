import { createFinding } from "../../model/create-finding.ts";
import { ClaimcheckError } from "../../model/errors.ts";
import type { FindingCollector } from "../text/column-spec.ts";
import { splitLines } from "../text/text.ts";

/** Calls `visit` with the whitespace-separated fields of every line that is neither blank nor a `#` comment. */
export function forEachTrecLine(text: string, visit: (fields: string[], line: number) => void): number {
  const lines = splitLines(text);
  let records = 0;
  for (let i = 0; i < lines.length; i++) {
    const trimmed = (lines[i] as string).trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    visit(trimmed.split(/\s+/), i + 1);
    records++;
  }
  return records;
}

/**
 * The fields of the first few data lines of a detection head, so a detector can check their shape;
 * the last line of the head may be cut short, so it is left out.
 */
export function headRecords(head: string, limit = 5): string[][] {
  const lines = head.split("\n");
  if (lines.length > 1) lines.pop();
  const out: string[][] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    out.push(trimmed.split(/\s+/));
    if (out.length >= limit) break;
  }
  return out;
}

/** A decimal integer as C's `atol` would read a well-formed one; anything else is `undefined`. */
export function parseTrecInteger(cell: string): number | undefined {
  return INTEGER.test(cell) ? Number(cell) : undefined;
}

/** A `sim` value as `atof` reads a well-formed number (`1e-3` included); junk is `undefined`. */
export function parseTrecNumber(cell: string): number | undefined {
  return NUMBER.test(cell) ? Number(cell) : undefined;
}

/** Reports a line with fewer fields than the format needs. */
export function addShortLine(
  out: FindingCollector,
  path: string,
  line: number,
  found: number,
  layout: string,
): void {
  out.add(
    createFinding(
      "TREC_FIELD_COUNT",
      "error",
      `The line has ${found} field(s) but needs ${layout.split(" ").length} (\`${layout}\`, separated by whitespace); fix or remove it.`,
      { path, line },
      { found, split_count: layout.split(" ").length, layout },
    ),
  );
}

/** The E_INPUT for a file with no data line at all. */
export function emptyTrecFile(path: string, layout: string): ClaimcheckError {
  return new ClaimcheckError(
    "E_INPUT",
    `${path} has no data lines; it needs one \`${layout}\` line per entry.`,
  );
}

// --- internal ---

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
