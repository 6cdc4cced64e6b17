import { describe, expect, it } from "vitest";
import { judgeTarget } from "../../src/judge/judge-target.ts";
import type { TargetRequirement } from "../../src/model/topic.ts";

const requirement: TargetRequirement = {
  id: "1.2/ttft-p99-regression",
  kind: "target",
  title: { en: "p99 TTFT regression", zh: "p99 首字延迟劣化" },
  provenance: "program",
  rationale: "test",
  metric: "ttft_ms.p99",
  comparison: "regression",
  op: "<=",
  value: 5,
  unit: "%",
  baseline: "baseline",
  evidence: ["serving-requests"],
};

const estimate = (value: number, low: number | null, high: number | null) => ({
  value,
  low,
  high,
  n: 3000,
  method: "test method",
});
const judge = (value: number, low: number | null, high: number | null) =>
  judgeTarget({ requirement, outcome: estimate(value, low, high), tolerance: 0.01, confidence: 0.95 });

describe("judgeTarget", () => {
  it("passes when the value and its upper bound are both within a ≤ target", () => {
    expect(judge(-0.08, -0.12, -0.02)).toEqual({
      id: "1.2/ttft-p99-regression",
      kind: "target",
      title: requirement.title,
      metric: "ttft_ms.p99",
      target: {
        op: "<=",
        value: 5,
        unit: "%",
        provenance: "program",
        comparison: "regression",
        baseline: "baseline",
      },
      measured: { value: -8, low: -12, high: -2, n: 3000, method: "test method", confidence: 0.95, sides: 1 },
      claimed: null,
      verdict: "pass",
      reason: "Measured -8 % meets ≤ 5 %, and so does its confidence bound.",
      reason_key: "reason.target_met",
      reason_params: { value: "-8 %", target: "≤ 5 %" },
      findings: [],
    });
  });

  it("passes a ≤ 5 % target at exactly 5 %", () => {
    expect(judge(0.05, 0.04, 0.05).verdict).toBe("pass");
  });

  it("is inconclusive when the value meets the target but the upper bound does not", () => {
    expect([judge(0.02, -0.03, 0.07).verdict, judge(0.02, -0.03, 0.07).reason]).toEqual([
      "inconclusive",
      "Measured 2 % meets ≤ 5 %, but its confidence bound 7 % does not; collect more samples.",
    ]);
  });

  it("is inconclusive when there are too few samples for any bound", () => {
    expect(judge(0.02, null, null).verdict).toBe("inconclusive");
  });

  it("fails when the value misses the target, whatever the bound", () => {
    expect(judge(0.2, 0.01, 0.3).verdict).toBe("fail");
  });

  it("fails a passing measurement whose claim disagrees beyond the tolerance", () => {
    const result = judgeTarget({
      requirement,
      outcome: estimate(-0.08, -0.12, -0.02),
      claim: { requirement: requirement.id, value: -20 },
      tolerance: 0.01,
      confidence: 0.95,
    });
    expect([result.verdict, result.claimed, result.findings.map((f) => f.code)]).toEqual([
      "fail",
      { value: -20, consistent: false, tolerance: 0.01 },
      ["CLAIM_MISMATCH"],
    ]);
  });

  it("accepts a claim that rounds the measured value to its written precision", () => {
    const result = judgeTarget({
      requirement,
      outcome: estimate(-0.0843, -0.12, -0.02),
      claim: { requirement: requirement.id, value: -8 },
      tolerance: 0.01,
      confidence: 0.95,
    });
    expect([result.verdict, result.claimed?.consistent]).toEqual(["pass", true]);
  });

  it("passes an unavailable measurement through as missing with its reason", () => {
    const result = judgeTarget({
      requirement,
      outcome: { unavailable: "missing", reason: "No baseline." },
      tolerance: 0.01,
      confidence: 0.95,
    });
    expect([result.verdict, result.reason, result.measured]).toEqual(["missing", "No baseline.", null]);
  });
});
