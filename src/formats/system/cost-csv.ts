import { createFinding } from "../../model/create-finding.ts";
import type { CostScenario, EvidenceFile, ParsedEvidence } from "../../model/evidence.ts";
import type { FormatAdapter } from "../format.ts";
import { readCanonicalCsv } from "../text/canonical-rows.ts";
import type { ColumnSpec } from "../text/column-spec.ts";

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
  {
    name: "cu",
    required: false,
    unit: "CU",
    description:
      "compute units (CU) the scenario consumed, as the platform bills them; for audience selection (5.6) each request is one selection",
  },
];

export const costCsv: FormatAdapter = {
  id: "cost-csv",
  title: "claimcheck cost CSV",
  kind: "cost",
  detect: ({ head }) => {
    const first = (head.split("\n", 1)[0] ?? "").toLowerCase();
    const columns = first.split(",").map((c) => c.trim());
    return first.includes("scenario") &&
      first.includes("requests") &&
      (first.includes("cost") || first.includes("gpu_hours") || columns.includes("cu"))
      ? 0.9
      : 0;
  },
  parse: parseCostCsv,
};

// --- internal ---

function parseCostCsv(file: EvidenceFile): ParsedEvidence {
  const costs: CostScenario[] = [];
  const read = readCanonicalCsv(file.path, file.bytes, "cost", COST_COLUMNS, (row) => {
    const number = (name: string, unit: string) => {
      const value = row.number(name, unit);
      if (value < 0)
        row.add(
          createFinding(
            "CSV_BAD_NUMBER",
            "error",
            `${name} ${value} is negative; write the amount served or spent.`,
            { path: file.path, line: row.line, column: name },
            { variant: "cost_csv_1", name, value },
          ),
        );
      return value;
    };
    costs.push({
      scenario: row.text("scenario"),
      requests: number("requests", ""),
      gpuHours: number("gpu_hours", "h"),
      cost: number("cost", ""),
      cu: number("cu", "CU"),
      line: row.line,
    });
  });
  return { format: costCsv.id, kind: "cost", rows: costs.length, costs, findings: read.findings };
}
