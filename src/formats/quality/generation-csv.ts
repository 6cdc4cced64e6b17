import type { EvidenceFile } from "../../model/evidence.ts";
import type { QualityEvidence } from "../../model/quality.ts";
import { readCanonicalCsv } from "../text/canonical-rows.ts";
import type { ColumnSpec } from "../text/column-spec.ts";
import { detectColumns } from "../text/header-detect.ts";
import type { QualityAdapter } from "./quality-adapter.ts";

/** The canonical `generation-pairs` CSV kind: one reference/prediction pair per item (quote multi-line text). */
export const GENERATION_COLUMNS: readonly ColumnSpec[] = [
  { name: "item_id", required: true, unit: "", description: "item id, the same in the baseline's file" },
  { name: "reference", required: true, unit: "", description: "reference (target) text" },
  { name: "prediction", required: true, unit: "", description: "the system's output" },
];

export const generationCsv: QualityAdapter = {
  id: "generation-csv",
  title: "claimcheck generation-pairs CSV",
  kind: "generation-pairs",
  detect: detectColumns("reference", "prediction"),
  parse: parseGenerationCsv,
};

// --- internal ---

function parseGenerationCsv(file: EvidenceFile): QualityEvidence {
  const itemId: string[] = [];
  const reference: string[] = [];
  const prediction: string[] = [];
  const lines: number[] = [];
  const read = readCanonicalCsv(file.path, file.bytes, "generation-pairs", GENERATION_COLUMNS, (row) => {
    itemId.push(row.text("item_id"));
    reference.push(row.text("reference"));
    prediction.push(row.text("prediction"));
    lines.push(row.line);
  });
  return {
    format: generationCsv.id,
    kind: "generation-pairs",
    rows: read.rows,
    generation: { rows: itemId.length, itemId, reference, prediction, lines: Int32Array.from(lines) },
    findings: read.findings,
  };
}
