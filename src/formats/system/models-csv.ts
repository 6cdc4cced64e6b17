import { createFinding } from "../../model/create-finding.ts";
import type { DeclaredModel, EvidenceFile, ParsedEvidence } from "../../model/evidence.ts";
import type { FormatAdapter } from "../format.ts";
import { type CanonicalRow, readCanonicalCsv } from "../text/canonical-rows.ts";
import type { ColumnSpec } from "../text/column-spec.ts";
import { detectColumns } from "../text/header-detect.ts";

/** The canonical `models` CSV kind: one row per deployed model. */
export const MODEL_COLUMNS: readonly ColumnSpec[] = [
  { name: "model", required: true, unit: "", description: "model name, e.g. Qwen2.5-72B-Instruct" },
  { name: "parameters_b", required: true, unit: "1e9", description: "parameters, in billions" },
  {
    name: "bits_per_weight",
    required: false,
    unit: "bits",
    description: "average stored bits per weight (16 for BF16, ~2.1 for a 2-bit scheme with scales)",
  },
  { name: "bytes", required: false, unit: "B", description: "size of the weight files in bytes" },
];

export const modelsCsv: FormatAdapter = {
  id: "models-csv",
  title: "claimcheck models CSV",
  kind: "models",
  detect: detectColumns("model", "parameters_b"),
  parse: parseModelsCsv,
};

// --- internal ---

function parseModelsCsv(file: EvidenceFile): ParsedEvidence {
  const models: DeclaredModel[] = [];
  const read = readCanonicalCsv(file.path, file.bytes, "models", MODEL_COLUMNS, (row) => {
    const model: DeclaredModel = {
      name: row.text("model"),
      parametersB: row.number("parameters_b", "billions"),
      bitsPerWeight: row.number("bits_per_weight", "bits"),
      bytes: row.number("bytes", "bytes"),
      line: row.line,
    };
    checkSize(model, file.path, row);
    models.push(model);
  });
  return { format: modelsCsv.id, kind: "models", rows: models.length, models, findings: read.findings };
}

/** Parameters × bits / 8 should be close to the weight files' size; a 20 % gap means one number is wrong. */
function checkSize(model: DeclaredModel, path: string, out: Pick<CanonicalRow, "add">): void {
  if ([model.parametersB, model.bitsPerWeight, model.bytes].some(Number.isNaN)) return;
  const expected = (model.parametersB * 1e9 * model.bitsPerWeight) / 8;
  if (Math.abs(model.bytes - expected) > 0.2 * expected) {
    out.add(
      createFinding(
        "MODELS_SIZE_INCONSISTENT",
        "error",
        `${model.parametersB} B parameters at ${model.bitsPerWeight} bits per weight make ${(expected / 2 ** 30).toFixed(2)} GiB, but bytes says ${(model.bytes / 2 ** 30).toFixed(2)} GiB; correct the parameter count, the bits per weight or the size.`,
        { path, line: model.line, column: "bytes" },
        {
          parameters_b: model.parametersB,
          bits_per_weight: model.bitsPerWeight,
          value: (expected / 2 ** 30).toFixed(2),
          value2: (model.bytes / 2 ** 30).toFixed(2),
        },
      ),
    );
  }
}
