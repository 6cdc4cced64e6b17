import { COLLECTIVE_COLUMNS } from "../../formats/collective/collective-csv.ts";
import { ACCURACY_COLUMNS } from "../../formats/quality/accuracy-csv.ts";
import { GENERATION_COLUMNS } from "../../formats/quality/generation-csv.ts";
import { OUTCOME_COLUMNS } from "../../formats/quality/outcomes-csv.ts";
import { SERVING_REQUEST_COLUMNS } from "../../formats/serving/serving-csv.ts";
import { COST_COLUMNS } from "../../formats/system/cost-csv.ts";
import { DEVICE_COLUMNS } from "../../formats/system/devices-csv.ts";
import { GPU_MEMORY_COLUMNS } from "../../formats/system/gpu-memory-csv.ts";
import { MODEL_COLUMNS } from "../../formats/system/models-csv.ts";
import type { ColumnSpec } from "../../formats/text/column-spec.ts";
import { TRAINING_COLUMNS } from "../../formats/training/training-csv.ts";
import { ClaimcheckError } from "../../model/errors.ts";

/** Canonical CSV kinds that have a template, by kind name. */
export const TEMPLATES: Record<string, readonly ColumnSpec[]> = {
  "serving-requests": SERVING_REQUEST_COLUMNS,
  "gpu-memory": GPU_MEMORY_COLUMNS,
  models: MODEL_COLUMNS,
  "collective-bandwidth": COLLECTIVE_COLUMNS,
  "training-throughput": TRAINING_COLUMNS,
  outcomes: OUTCOME_COLUMNS,
  cost: COST_COLUMNS,
  accuracy: ACCURACY_COLUMNS,
  devices: DEVICE_COLUMNS,
  "generation-pairs": GENERATION_COLUMNS,
};

/** The CSV header of a canonical kind, preceded by nothing: the output is a valid empty CSV. */
export function template(kind: string): string {
  const columns = TEMPLATES[kind];
  if (columns === undefined) {
    throw new ClaimcheckError(
      "E_USAGE",
      `No template for "${kind}"; kinds with templates: ${Object.keys(TEMPLATES).join(", ")}.`,
    );
  }
  return `${columns.map((c) => c.name).join(",")}\n`;
}

/** One line per column for stderr: name, required or optional, unit and meaning. */
export function describeTemplate(kind: string): string {
  const columns = TEMPLATES[kind] ?? [];
  return `${columns.map((c) => `  ${c.name.padEnd(16)} ${c.required ? "required" : "optional"}  ${c.unit.padEnd(7)} ${c.description}`).join("\n")}\n`;
}
