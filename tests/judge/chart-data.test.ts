import { describe, expect, it } from "vitest";
import { computeCdfPoints, computeCharts } from "../../src/judge/chart-data.ts";
import type { VerifiedInput } from "../../src/judge/verify-submission.ts";
import type { ParsedEvidence } from "../../src/model/evidence.ts";
import type { RequirementResult } from "../../src/model/report.ts";

describe("computeCdfPoints", () => {
  it("keeps every sample of a short column as [value, percent at or below]", () => {
    expect(computeCdfPoints(new Float64Array([1, 2, 3, 4]))).toEqual([
      [1, 25],
      [2, 50],
      [3, 75],
      [4, 100],
    ]);
  });

  it("downsamples a long column to evenly spaced quantiles, first and last included", () => {
    const sorted = Float64Array.from({ length: 1001 }, (_, i) => i);
    const points = computeCdfPoints(sorted, 5);
    expect(points).toEqual([
      [0, 0.0999001],
      [250, 25.0749],
      [500, 50.05],
      [750, 75.025],
      [1000, 100],
    ]);
  });
});

describe("computeCharts", () => {
  it("draws a bar with its bound and the target line for a relative requirement, and a memory timeline", () => {
    const charts = computeCharts({
      requirements: [
        requirement("1.2/ttft-p99-regression", "ttft_ms.p99"),
        requirement("1.2/startup", "gpu_memory.startup_excess_gib"),
      ],
      inputs: [memoryInput()],
      system: { model_weights_gib: 15 } as never,
    });
    expect(
      charts.map((c) => [
        c.id,
        c.type,
        c.bars,
        c.series.map((s) => s.points),
        c.reference?.map((r) => r.value),
      ]),
    ).toEqual([
      [
        "regression",
        "bars",
        [
          {
            label: "1.2/ttft-p99-regression",
            requirement: "1.2/ttft-p99-regression",
            value: 3,
            low: 1,
            high: 6,
          },
        ],
        [],
        [5],
      ],
      [
        "memory",
        "timeline",
        undefined,
        [
          [
            [0, 0],
            [1, 16],
            [2, 40],
          ],
        ],
        [20],
      ],
    ]);
  });
});

// --- internal ---

function requirement(id: string, metric: string): RequirementResult {
  const relative = metric.startsWith("ttft");
  return {
    id,
    kind: "target",
    title: { en: id, zh: id },
    metric,
    verdict: "pass",
    reason: "",
    target: {
      op: "<=",
      value: 5,
      unit: relative ? "%" : "GiB",
      provenance: "program",
      comparison: relative ? "regression" : "none",
    },
    measured: relative ? { value: 3, low: 1, high: 6, n: 100, method: "" } : null,
    claimed: null,
    findings: [],
  };
}

function memoryInput(): VerifiedInput {
  const parsed: ParsedEvidence = {
    format: "nvidia-smi-csv",
    kind: "gpu-memory",
    rows: 3,
    memory: {
      rows: 3,
      timeS: new Float64Array([100, 101, 102]),
      gpu: new Int32Array([0, 0, 0]),
      usedMiB: new Float64Array([0, 16384, 40960]),
      totalMiB: new Float64Array([81920, 81920, 81920]),
      utilizationPct: new Float64Array([0, 0, 0]),
      lines: new Int32Array([2, 3, 4]),
    },
    findings: [],
  };
  return {
    role: "memory",
    path: "m.csv",
    sha256: "0".repeat(64),
    bytes: 1,
    format: "nvidia-smi-csv",
    format_source: "declared",
    rows: 3,
    parsed,
  };
}
