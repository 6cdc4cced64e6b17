import { ACCURACY_COLUMNS } from "../../formats/accuracy-csv.ts";
import { COLLECTIVE_COLUMNS } from "../../formats/collective-csv.ts";
import type { ColumnSpec } from "../../formats/column-spec.ts";
import { COST_COLUMNS } from "../../formats/cost-csv.ts";
import { DEVICE_COLUMNS } from "../../formats/devices-csv.ts";
import { GENERATION_COLUMNS } from "../../formats/generation-csv.ts";
import { GPU_MEMORY_COLUMNS } from "../../formats/gpu-memory-csv.ts";
import { MODEL_COLUMNS } from "../../formats/models-csv.ts";
import { OUTCOME_COLUMNS } from "../../formats/outcomes-csv.ts";
import { SERVING_REQUEST_COLUMNS } from "../../formats/serving-csv.ts";
import { TRAINING_COLUMNS } from "../../formats/training-csv.ts";
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
