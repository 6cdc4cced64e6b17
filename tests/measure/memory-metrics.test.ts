import { describe, expect, it } from "vitest";
import { startupExcess, totalMemory } from "../../src/measure/memory-metrics.ts";
import type { MeasureInput } from "../../src/measure/metric.ts";
import type { GpuMemorySamples, ParsedEvidence } from "../../src/model/evidence.ts";

// Two GPUs sampled each second: loading, idle (before utilization rises), then serving; one [N/A] cell.
const memory: GpuMemorySamples = {
  rows: 8,
  timeS: Float64Array.of(0, 0.002, 1, 1.002, 2, 2.002, 3, 3.002),
  gpu: Int32Array.of(0, 1, 0, 1, 0, 1, 0, 1),
  usedMiB: Float64Array.of(0, 0, 8000, 8100, 8200, Number.NaN, 40000, 41000),
  totalMiB: Float64Array.of(81559, 81559, 81559, Number.NaN, 81559, 81559, 81559, 81559),
  utilizationPct: Float64Array.of(0, 0, 0, 0, 0, 0, 90, 88),
  lines: Int32Array.of(2, 3, 4, 5, 6, 7, 8, 9),
};

const input = (weights?: number): MeasureInput => ({
  evidence: {
    memory: { format: "nvidia-smi-csv", kind: "gpu-memory", rows: 8, memory, findings: [] } as ParsedEvidence,
  },
  system:
    weights === undefined
      ? { accelerators: [], software: {} }
      : { accelerators: [], software: {}, model_weights_gib: weights },
  confidence: 0.95,
  seed: 1,
  percentileMethod: "linear",
  comparison: "none",
  conditions: {},
});

describe("GPU memory metrics", () => {
  it("takes the peak memory summed over GPUs before the first request, minus the weights, skipping [N/A]", () => {
    // second 1: 8000 + 8100 = 16100 MiB = 15.72 GiB; second 2 has only GPU 0 (8200); 15.72 − 15 = 0.7227
    const result = startupExcess.evaluate(input(15));
    expect("value" in result ? Number(result.value.toFixed(4)) : result).toBe(0.7227);
  });

  it("asks for the weight size when it is not declared", () => {
    expect(startupExcess.evaluate(input())).toEqual({
      unavailable: "missing",
      reason:
        "The model's weight size is not declared; set system.model_weights_gib in claimcheck.yaml (or the claim condition model_weights_gib).",
    });
  });

  it("reads the card size in the vendors' GB (MiB / 1024) and ignores [N/A]", () => {
    const result = totalMemory.evaluate(input());
    expect("value" in result ? Number(result.value.toFixed(3)) : result).toBe(79.647);
  });
});
