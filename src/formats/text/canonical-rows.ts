import { createFinding } from "../../model/create-finding.ts";
import { ClaimcheckError } from "../../model/errors.ts";
import type { Finding, Location } from "../../model/finding.ts";
import { type ColumnSpec, FindingCollector, resolveColumns } from "./column-spec.ts";
import { parseNumberCell, sniffDelimiter, tokenizeCsv } from "./csv.ts";
import { decodeText } from "./text.ts";

/** One data row of a canonical CSV: its cells by column name, and typed readers that report bad cells. */
export interface CanonicalRow {
  line: number;
  /** The trimmed cell of a column ("" when the column or cell is absent). */
  text(name: string): string;
  /** A plain number; NaN when empty, NaN plus a finding when not a number. */
  number(name: string, unit: string): number;
  /** 1/0, true/false, yes/no, pass/fail; `undefined` plus a finding otherwise. */
  flag(name: string): boolean | undefined;
  add(finding: Finding): void;
}

/**
 * Reads a canonical CSV kind: header → columns (required ones checked), then `visit` per data row,
 * blank lines skipped. Throws E_INPUT only for an empty file.
 */
export function readCanonicalCsv(
  path: string,
  bytes: Uint8Array,
  kind: string,
  columns: readonly ColumnSpec[],
  visit: (row: CanonicalRow) => void,
): { rows: number; findings: Finding[] } {
  const text = decodeText(path, bytes);
  const out = new FindingCollector();
  let index: Map<string, number> | undefined;
  let width = 0;
  let rows = 0;
  const tokenized = tokenizeCsv(
    text,
    path,
    sniffDelimiter(text.slice(0, text.indexOf("\n") >>> 0)),
    (fields, line) => {
      if (index === undefined) {
        const resolved = resolveColumns(fields, columns, path);
        index = resolved.index;
        width = fields.length;
        for (const f of [...resolved.findings, ...resolved.unknown]) out.add(f);
        return;
      }
      if (fields.length === 1 && fields[0]?.trim() === "") return;
      rows++;
      if (fields.length !== width) out.add(fieldCount(fields.length, width, path, line));
      visit(createRow(fields, index, line, path, out));
    },
  );
  if (index === undefined)
    throw new ClaimcheckError(
      "E_INPUT",
      `${path} is empty; \`claimcheck template ${kind}\` prints the header.`,
    );
  if (rows === 0)
    out.add(
      createFinding(
        "CSV_NO_ROWS",
        "error",
        `The file has a header but no rows; add one row per ${kind === "devices" ? "device model" : "entry"}.`,
        { path, line: 1 },
        { variant: "canonical_rows_1", entry: kind === "devices" ? "device model" : "entry" },
      ),
    );
  return { rows, findings: [...tokenized.findings, ...out.finish(path)] };
}

// --- internal ---

function negative(cell: string, name: string, location: Location): Finding {
  return createFinding(
    "CSV_NEGATIVE_VALUE",
    "error",
    `${name} is ${cell.slice(0, 40)}; it counts or measures something, so it cannot be below 0.`,
    location,
    { name, cell: cell.slice(0, 40) },
  );
}

/** A row with more or fewer cells than the header: its cells may sit under the wrong columns. */
function fieldCount(fields: number, width: number, path: string, line: number): Finding {
  return createFinding(
    "CSV_FIELD_COUNT",
    "error",
    `Row has ${fields} fields but the header has ${width}; fix the delimiters or quoting of this row.`,
    { path, line },
    { variant: "canonical_rows_1", fields, width },
  );
}

const TRUE = new Set(["1", "true", "yes", "pass", "passed", "ok"]);
const FALSE = new Set(["0", "false", "no", "fail", "failed"]);

function createRow(
  fields: string[],
  index: Map<string, number>,
  line: number,
  path: string,
  out: FindingCollector,
): CanonicalRow {
  const text = (name: string) => (fields[index.get(name) ?? -1] ?? "").trim();
  return {
    line,
    text,
    number(name, unit) {
      const cell = text(name);
      const value = parseNumberCell(cell);
      if (value !== undefined && value < 0) {
        // Every quantity of a canonical kind (counts, sizes, hours, rates, fractions) is non-negative.
        out.add(negative(cell, name, { path, line, column: name }));
        return Number.NaN;
      }
      if (value !== undefined) return value;
      out.add(
        createFinding(
          "CSV_BAD_NUMBER",
          "error",
          `"${cell.slice(0, 40)}" is not a plain number; write ${name} as a number${unit === "" ? "" : ` in ${unit}`} without units or separators.`,
          { path, line, column: name },
          {
            variant: "canonical_rows_1",
            cell: cell.slice(0, 40),
            name,
            unit: unit === "" ? "" : ` in ${unit}`,
          },
        ),
      );
      return Number.NaN;
    },
    flag(name) {
      const cell = text(name).toLowerCase();
      if (TRUE.has(cell)) return true;
      if (FALSE.has(cell)) return false;
      out.add(
        createFinding(
          "CSV_BAD_FLAG",
          "error",
          `"${cell.slice(0, 40)}" is not 1/0, true/false or pass/fail; write one of those in ${name}.`,
          { path, line, column: name },
          { cell: cell.slice(0, 40), name },
        ),
      );
      return undefined;
    },
    add: (finding) => out.add(finding),
  };
}
