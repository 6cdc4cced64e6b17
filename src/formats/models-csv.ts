import { ClaimcheckError } from "../model/errors.ts";
import type { DeclaredModel, EvidenceFile, ParsedEvidence } from "../model/evidence.ts";
import { createFinding } from "../model/finding.ts";
import { type ColumnSpec, FindingCollector, resolveColumns } from "./column-spec.ts";
import { parseNumberCell, sniffDelimiter, tokenizeCsv } from "./csv.ts";
import type { FormatAdapter } from "./format.ts";
import { decodeText } from "./text.ts";

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
  detect: ({ head }) => {
    const first = (head.split("\n", 1)[0] ?? "").toLowerCase();
    return first.includes("parameters_b") && first.includes("model") ? 0.9 : 0;
  },
  parse: parseModelsCsv,
};

// --- internal ---

function parseModelsCsv(file: EvidenceFile): ParsedEvidence {
  const text = decodeText(file.path, file.bytes);
  const out = new FindingCollector();
  const models: DeclaredModel[] = [];
  let index: Map<string, number> | undefined;
  const tokenized = tokenizeCsv(
    text,
    file.path,
    sniffDelimiter(text.slice(0, text.indexOf("\n") >>> 0)),
    (fields, line) => {
      if (index === undefined) {
        const resolved = resolveColumns(fields, MODEL_COLUMNS, file.path);
        index = resolved.index;
        for (const f of resolved.findings) out.add(f);
        return;
      }
      if (fields.length === 1 && fields[0]?.trim() === "") return;
      models.push(readModel(fields, index, line, file.path, out));
    },
  );
  if (index === undefined)
    throw new ClaimcheckError(
      "E_INPUT",
      `${file.path} is empty; \`claimcheck template models\` prints the header.`,
    );
  return {
    format: modelsCsv.id,
    kind: "models",
    rows: models.length,
    models,
    findings: [...tokenized.findings, ...out.finish(file.path)],
  };
}

function readModel(
  fields: string[],
  index: Map<string, number>,
  line: number,
  path: string,
  out: FindingCollector,
): DeclaredModel {
  const number = (name: string) => {
    const i = index.get(name);
    const cell = i === undefined ? "" : (fields[i] ?? "");
    const value = parseNumberCell(cell);
    if (value === undefined)
      out.add(
        createFinding(
          "CSV_BAD_NUMBER",
          "error",
          `"${cell.slice(0, 40)}" is not a plain number; write ${name} without units.`,
          { path, line, column: name },
        ),
      );
    return value ?? Number.NaN;
  };
  const model: DeclaredModel = {
    name: fields[index.get("model") ?? -1] ?? "",
    parametersB: number("parameters_b"),
    bitsPerWeight: number("bits_per_weight"),
    bytes: number("bytes"),
    line,
  };
  checkSize(model, path, out);
  return model;
}

/** Parameters × bits / 8 should be close to the weight files' size; a 20 % gap means one number is wrong. */
function checkSize(model: DeclaredModel, path: string, out: FindingCollector): void {
  if ([model.parametersB, model.bitsPerWeight, model.bytes].some(Number.isNaN)) return;
  const expected = (model.parametersB * 1e9 * model.bitsPerWeight) / 8;
  if (Math.abs(model.bytes - expected) > 0.2 * expected) {
    out.add(
      createFinding(
        "MODELS_SIZE_INCONSISTENT",
        "error",
        `${model.parametersB} B parameters at ${model.bitsPerWeight} bits per weight make ${(expected / 2 ** 30).toFixed(2)} GiB, but bytes says ${(model.bytes / 2 ** 30).toFixed(2)} GiB; correct the parameter count, the bits per weight or the size.`,
        { path, line: model.line, column: "bytes" },
      ),
    );
  }
}
