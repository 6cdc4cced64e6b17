import type { DeclaredModel } from "../../model/evidence.ts";
import type { MeasureInput, MetricDefinition, MetricEstimate, MetricUnavailable } from "../metric.ts";

/**
 * `models.parameters_b` and `models.bits_per_weight`: the largest value over the declared models, so a
 * `≥` target holds when at least one model qualifies and a `≤` target when every model does.
 */
export const MODEL_METRICS: MetricDefinition[] = [
  modelMetric("models.parameters_b", "B", "higher", "parametersB", "parameters (billions)"),
  modelMetric("models.bits_per_weight", "bits", "lower", "bitsPerWeight", "bits per weight"),
];

// --- internal ---

function modelMetric(
  id: string,
  unit: string,
  better: "lower" | "higher",
  key: "parametersB" | "bitsPerWeight",
  what: string,
): MetricDefinition {
  return {
    id,
    unit,
    better,
    evaluate(input: MeasureInput): MetricEstimate | MetricUnavailable {
      const models = findModels(input);
      if (models === undefined)
        return {
          unavailable: "missing",
          reason:
            "No models file was submitted; `claimcheck template models` prints its header (model, parameters_b, bits_per_weight, bytes).",
          reasonRef: { key: "missing.models" },
        };
      const values = models.map((m) => m[key]).filter((v) => !Number.isNaN(v));
      if (values.length === 0)
        return {
          unavailable: "missing",
          reason: `The models file gives no ${what}; fill in that column.`,
          reasonRef: {
            key: "missing.models_column",
            params: { what: { key: `model_column.${key}`, text: what } },
          },
        };
      const value = Math.max(...values);
      const name = models.find((m) => m[key] === value)?.name ?? "";
      return {
        value,
        low: value,
        high: value,
        n: values.length,
        method: `largest ${what} of ${values.length} declared model(s) (${name}); declared, not measured`,
        methodRef: {
          key: "method.declared_models",
          params: { what: { key: `model_column.${key}`, text: what }, n: values.length, name },
        },
      };
    },
  };
}

function findModels(input: MeasureInput): DeclaredModel[] | undefined {
  return (
    input.evidence.models?.models ?? Object.values(input.evidence).find((e) => e.models !== undefined)?.models
  );
}
