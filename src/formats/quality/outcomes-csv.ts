import { createFinding } from "../../model/create-finding.ts";
import { ClaimcheckError } from "../../model/errors.ts";
import type { EvidenceFile, ItemOutcomes, ParsedEvidence } from "../../model/evidence.ts";
import type { FormatAdapter } from "../format.ts";
import { type ColumnSpec, FindingCollector, resolveColumns } from "../text/column-spec.ts";
import { parseNumberCell, sniffDelimiter, tokenizeCsv } from "../text/csv.ts";
import { decodeText } from "../text/text.ts";

/** The canonical `outcomes` CSV kind: one judged item per row (a task, a fault, a review, an evaluator verdict). */
export const OUTCOME_COLUMNS: readonly ColumnSpec[] = [
  { name: "item_id", required: true, unit: "", description: "the task, fault or case id" },
  {
    name: "success",
    required: false,
    unit: "",
    description: "1/0 or true/false; when empty, expected = observed decides",
  },
  {
    name: "expected",
    required: false,
    unit: "",
    description: "the label (e.g. the human verdict or the injected fault type)",
  },
  { name: "observed", required: false, unit: "", description: "what the system answered" },
  { name: "rounds", required: false, unit: "", description: "interaction rounds used" },
  {
    name: "latency_ms",
    required: false,
    unit: "ms",
    description: "time to the outcome (e.g. to localize a fault)",
  },
  {
    name: "trial",
    required: false,
    unit: "",
    description: "trial number for multi-trial runs (τ-bench style)",
  },
];

export const outcomesCsv: FormatAdapter = {
  id: "outcomes-csv",
  title: "claimcheck outcomes CSV",
  kind: "outcomes",
  detect: ({ head }) => {
    const first = (head.split("\n", 1)[0] ?? "").toLowerCase();
    return first.includes("item_id") && (first.includes("success") || first.includes("observed")) ? 0.9 : 0;
  },
  parse: parseOutcomesCsv,
};

// --- internal ---

const TRUE = new Set(["1", "true", "yes", "pass"]);
const FALSE = new Set(["0", "false", "no", "fail"]);

function parseOutcomesCsv(file: EvidenceFile): ParsedEvidence {
  const text = decodeText(file.path, file.bytes);
  const out = new FindingCollector();
  const rows: Array<{ id: string; success: number; trial: number; latency: number; line: number }> = [];
  let index: Map<string, number> | undefined;
  let width = 0;
  const tokenized = tokenizeCsv(
    text,
    file.path,
    sniffDelimiter(text.slice(0, text.indexOf("\n") >>> 0)),
    (fields, line) => {
      if (index === undefined) {
        const resolved = resolveColumns(fields, OUTCOME_COLUMNS, file.path);
        index = resolved.index;
        width = fields.length;
        for (const f of [...resolved.findings, ...resolved.unknown]) out.add(f);
        if (!index.has("success") && !(index.has("expected") && index.has("observed"))) {
          out.add(
            createFinding(
              "CSV_MISSING_COLUMN",
              "error",
              "Give a success column, or both expected and observed; `claimcheck template outcomes` prints the header.",
              { path: file.path, line: 1, column: "success" },
              { variant: "outcomes_csv_1" },
            ),
          );
        }
        return;
      }
      if (fields.length === 1 && fields[0]?.trim() === "") return;
      if (fields.length !== width)
        out.add(
          createFinding(
            "CSV_FIELD_COUNT",
            "error",
            `Row has ${fields.length} fields but the header has ${width}; fix the delimiters or quoting of this row.`,
            { path: file.path, line },
            { variant: "outcomes_csv_1", fields_count: fields.length, width },
          ),
        );
      const cell = (name: string) => (fields[index?.get(name) ?? -1] ?? "").trim();
      const trial = parseNumberCell(cell("trial"));
      const latency = parseNumberCell(cell("latency_ms"));
      if (latency === undefined || latency < 0)
        out.add(
          createFinding(
            "CSV_BAD_NUMBER",
            "error",
            `"${cell("latency_ms").slice(0, 40)}" is not a plain, non-negative number of milliseconds.`,
            { path: file.path, line, column: "latency_ms" },
            { variant: "outcomes_csv_1", cell: cell("latency_ms").slice(0, 40) },
          ),
        );
      rows.push({
        id: cell("item_id"),
        success: readSuccess(cell, line, file.path, out),
        trial: trial === undefined || Number.isNaN(trial) ? 0 : trial,
        latency: latency ?? Number.NaN,
        line,
      });
    },
  );
  if (index === undefined)
    throw new ClaimcheckError(
      "E_INPUT",
      `${file.path} is empty; \`claimcheck template outcomes\` prints the header.`,
    );
  const outcomes: ItemOutcomes = {
    rows: rows.length,
    itemId: rows.map((r) => r.id),
    success: Uint8Array.from(rows, (r) => r.success),
    trial: Int32Array.from(rows, (r) => r.trial),
    latencyMs: Float64Array.from(rows, (r) => r.latency),
    lines: Int32Array.from(rows, (r) => r.line),
  };
  return {
    format: outcomesCsv.id,
    kind: "outcomes",
    rows: rows.length,
    outcomes,
    findings: [...tokenized.findings, ...out.finish(file.path)],
  };
}

function readSuccess(
  cell: (name: string) => string,
  line: number,
  path: string,
  out: FindingCollector,
): number {
  const raw = cell("success").toLowerCase();
  if (TRUE.has(raw)) return 1;
  if (FALSE.has(raw)) return 0;
  if (raw === "" && cell("expected") !== "") return cell("expected") === cell("observed") ? 1 : 0;
  out.add(
    createFinding(
      "OUTCOME_BAD_SUCCESS",
      "error",
      `success "${raw.slice(0, 40)}" is not 1/0 or true/false; write one of those, or fill expected and observed.`,
      { path, line, column: "success" },
      { raw: raw.slice(0, 40) },
    ),
  );
  return 0;
}
