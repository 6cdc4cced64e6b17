import { ClaimcheckError } from "../model/errors.ts";
import type { CostScenario, EvidenceFile, ParsedEvidence } from "../model/evidence.ts";
import { createFinding } from "../model/finding.ts";
import { type ColumnSpec, FindingCollector, resolveColumns } from "./column-spec.ts";
import { parseNumberCell, sniffDelimiter, tokenizeCsv } from "./csv.ts";
import type { FormatAdapter } from "./format.ts";
import { decodeText } from "./text.ts";

/** The canonical `cost` CSV kind: one traffic scenario per row with what serving it took. */
export const COST_COLUMNS: readonly ColumnSpec[] = [
  {
    name: "scenario",
    required: true,
    unit: "",
    description: "the traffic scenario, e.g. 'peak hour, 2024-06-18'",
  },
  { name: "requests", required: true, unit: "", description: "requests served in the scenario" },
  { name: "gpu_hours", required: false, unit: "h", description: "GPU-hours used" },
  {
    name: "cost",
    required: false,
    unit: "CNY",
    description: "inference cost, in one currency for candidate and baseline",
  },
];

export const costCsv: FormatAdapter = {
  id: "cost-csv",
  title: "claimcheck cost CSV",
  kind: "cost",
  detect: ({ head }) => {
    const first = (head.split("\n", 1)[0] ?? "").toLowerCase();
    return first.includes("scenario") &&
      first.includes("requests") &&
      (first.includes("cost") || first.includes("gpu_hours"))
      ? 0.9
      : 0;
  },
  parse: parseCostCsv,
};

// --- internal ---

function parseCostCsv(file: EvidenceFile): ParsedEvidence {
  const text = decodeText(file.path, file.bytes);
  const out = new FindingCollector();
  const costs: CostScenario[] = [];
  let index: Map<string, number> | undefined;
  const tokenized = tokenizeCsv(
    text,
    file.path,
    sniffDelimiter(text.slice(0, text.indexOf("\n") >>> 0)),
    (fields, line) => {
      if (index === undefined) {
        const resolved = resolveColumns(fields, COST_COLUMNS, file.path);
        index = resolved.index;
        for (const f of resolved.findings) out.add(f);
        return;
      }
      if (fields.length === 1 && fields[0]?.trim() === "") return;
      const number = (name: string) => {
        const cell = fields[index?.get(name) ?? -1] ?? "";
        const value = parseNumberCell(cell);
        if (value === undefined || value < 0)
          out.add(
            createFinding(
              "CSV_BAD_NUMBER",
              "error",
              `"${cell.slice(0, 40)}" is not a non-negative plain number; write ${name} without units or separators.`,
              { path: file.path, line, column: name },
            ),
          );
        return value ?? Number.NaN;
      };
      costs.push({
        scenario: fields[index.get("scenario") ?? -1] ?? "",
        requests: number("requests"),
        gpuHours: number("gpu_hours"),
        cost: number("cost"),
        line,
      });
    },
  );
  if (index === undefined)
    throw new ClaimcheckError(
      "E_INPUT",
      `${file.path} is empty; \`claimcheck template cost\` prints the header.`,
    );
  return {
    format: costCsv.id,
    kind: "cost",
    rows: costs.length,
    costs,
    findings: [...tokenized.findings, ...out.finish(file.path)],
  };
}
