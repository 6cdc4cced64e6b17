import { describe, expect, it } from "vitest";
import { parseEvidence } from "../../../src/formats/parse-evidence.ts";
import type { MeasureInput } from "../../../src/measure/metric.ts";
import { trainingThroughput } from "../../../src/measure/training/training-metrics.ts";
import {
  hasCollectiveSamples,
  joinCollectiveSamples,
  textFile,
} from "../../formats/collective/collective-test-helpers.ts";

const ARGS = "megatron-lm-rocm_MI325X_llama70B_fp8_8nodes_args_L533-937.txt";
const TRAIN = "megatron-lm-rocm_MI325X_llama70B_fp8_8nodes_train_L3140-3549.log";

describe.skipIf(!hasCollectiveSamples)(
  "Megatron's printed TFLOP/s/GPU recomputed from the argument dump",
  () => {
    it("finds nothing to say on the genuine MI325X log (829.5 printed, reproduced by the pre-2025-03 formula)", () => {
      expect(flopsFindings((text) => text)).toEqual([]);
    });

    it("warns, without invalidating the run, when the printed number is not reproduced", () => {
      expect(flopsFindings((text) => text.replace("(TFLOP/s/GPU): 829.5", "(TFLOP/s/GPU): 1020.0"))).toEqual([
        ["TFLOPS_MISMATCH", "warning"],
      ]);
    });
  },
);

// --- internal ---

function flopsFindings(edit: (text: string) => string): [string, string][] {
  const joined = joinCollectiveSamples("megatron.log", [ARGS, TRAIN]);
  const text = edit(new TextDecoder().decode(joined.bytes));
  const input: MeasureInput = {
    evidence: { candidate: parseEvidence(textFile("megatron.log", text)) },
    system: { accelerators: [{ model: "amd-mi325x", count: 8 }] } as MeasureInput["system"],
    confidence: 0.95,
    seed: 1,
    percentileMethod: "linear",
    comparison: "none",
    conditions: { vocab_size: 128256 },
  };
  const result = trainingThroughput.evaluate(input);
  return (result.findings ?? [])
    .filter((f) => f.code.startsWith("TFLOPS"))
    .map((f) => [f.code, f.severity] as [string, string]);
}
