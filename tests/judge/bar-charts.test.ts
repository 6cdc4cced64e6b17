import { describe, expect, it } from "vitest";
import { computeBarCharts } from "../../src/judge/bar-charts.ts";
import type { RequirementResult, Verdict } from "../../src/model/report.ts";

describe("computeBarCharts", () => {
  it("colours each bar by its verdict, leaves out invalid requirements and says how many, and names the bound", () => {
    const charts = computeBarCharts([
      requirement("1.2/ttft", "pass", { value: -5, low: -14, high: 1.25 }),
      requirement("1.2/tpot", "inconclusive", { value: 3, low: -2, high: 8 }),
      requirement("1.2/e2e", "invalid", { value: 99999, low: 99999, high: 99999 }),
      requirement("1.2/memory", "missing", null),
    ]);
    expect(charts).toEqual([
      {
        id: "regression",
        type: "bars",
        title: { en: "Regression vs baseline", zh: "相对基线的劣化" },
        x: { label: { en: "Requirement", zh: "要求" }, unit: "" },
        y: { label: { en: "Regression vs baseline", zh: "相对基线的劣化" }, unit: "%" },
        series: [],
        bars: [
          { label: "1.2/ttft", requirement: "1.2/ttft", value: -5, low: -14, high: 1.25, verdict: "pass" },
          { label: "1.2/tpot", requirement: "1.2/tpot", value: 3, low: -2, high: 8, verdict: "inconclusive" },
        ],
        reference: [
          {
            axis: "y",
            value: 5,
            label: { en: "target", zh: "目标" },
            text: { key: "chart.target.absolute", params: { op: "≤", value: 5, unit: "%" } },
          },
        ],
        caption: [
          { key: "chart.caption.whiskers", params: { confidence: 95, sides: 1 } },
          { key: "chart.caption.requirements_left_out", params: { n: 1 } },
        ],
      },
    ]);
  });

  it("says the values are exact when no bar has a bound, and draws nothing when every requirement is invalid", () => {
    const exact = computeBarCharts([requirement("3.2/loss", "pass", { value: 1.02, low: 1.02, high: 1.02 })]);
    const invalid = computeBarCharts([requirement("3.2/loss", "invalid", null)]);
    expect([exact.map((c) => c.caption), invalid]).toEqual([[[{ key: "chart.caption.exact" }]], []]);
  });

  it("gives each bar its own target when the targets differ, instead of lines that belong to no bar", () => {
    const strict = requirement("1.1/overall", "fail", { value: 25.9, low: 25.9, high: 25.9 });
    const loose = requirement("1.1/cross-domain", "fail", { value: 25.9, low: 25.9, high: 25.9 });
    const [chart] = computeBarCharts([
      {
        ...strict,
        target: { ...(strict.target as NonNullable<RequirementResult["target"]>), op: "<", value: 10 },
      },
      { ...loose, target: { ...(loose.target as NonNullable<RequirementResult["target"]>), value: 20 } },
    ]);
    expect([chart?.reference, chart?.bars?.map((b) => b.target)]).toEqual([
      undefined,
      [
        { value: 10, text: { key: "chart.target.absolute", params: { op: "<", value: 10, unit: "%" } } },
        { value: 20, text: { key: "chart.target.absolute", params: { op: "≤", value: 20, unit: "%" } } },
      ],
    ]);
  });
});

// --- internal ---

function requirement(
  id: string,
  verdict: Verdict,
  measured: { value: number; low: number; high: number } | null,
): RequirementResult {
  return {
    id,
    kind: "target",
    title: { en: id, zh: id },
    metric: "ttft_ms.p99",
    verdict,
    reason: "",
    target: { op: "<=", value: 5, unit: "%", provenance: "program", comparison: "regression" },
    measured: measured === null ? null : { ...measured, n: 100, method: "", confidence: 0.95, sides: 1 },
    claimed: null,
    findings: [],
  };
}
