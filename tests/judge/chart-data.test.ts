import { describe, expect, it } from "vitest";
import { computeCharts } from "../../src/judge/chart-data.ts";
import type { VerifiedInput } from "../../src/judge/verify-submission.ts";
import type { ParsedEvidence } from "../../src/model/evidence.ts";
import type { RequirementResult } from "../../src/model/report.ts";

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
            verdict: "pass",
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

describe("computeCharts memory timeline", () => {
  it("leaves out a sample on a line with an error finding, and names the series through the catalog", () => {
    const input = memoryInput();
    input.parsed.findings = [
      {
        code: "SMI_BAD_UNIT",
        severity: "error",
        message: "",
        location: { path: "m.csv", line: 3 },
      },
    ];
    const [memory] = computeCharts({ requirements: [], inputs: [input], system: {} as never });
    expect(memory).toEqual({
      id: "memory",
      type: "timeline",
      title: { en: "GPU memory used over time", zh: "显存占用随时间变化" },
      x: { label: { en: "Time since the first sample", zh: "自首个采样起的时间" }, unit: "s" },
      y: { label: { en: "Memory used", zh: "显存占用" }, unit: "GiB" },
      series: [
        {
          label: "memory",
          role: "memory",
          points: [
            [0, 0],
            [2, 40],
          ],
          text: { key: "chart.series.role", params: { role: "candidate" } },
        },
      ],
    });
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
