import type { MeasureInput } from "../../../src/measure/metric.ts";
import type { ParsedEvidence } from "../../../src/model/evidence.ts";
import type { Comparison } from "../../../src/model/topic.ts";

/** A measure input with claimcheck's defaults (95 %, seed 20240) around the given evidence. */
export function qualityInput(
  evidence: Record<string, ParsedEvidence>,
  comparison: Comparison = "none",
  conditions: MeasureInput["conditions"] = {},
): MeasureInput {
  return {
    evidence,
    system: { accelerators: [], software: {} },
    confidence: 0.95,
    seed: 20240,
    percentileMethod: "linear",
    comparison,
    conditions,
  };
}
