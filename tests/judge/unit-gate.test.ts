import { describe, expect, it } from "vitest";
import { capUnitSuspects, readsColumns } from "../../src/judge/unit-gate.ts";
import type { Finding } from "../../src/model/finding.ts";
import type { RequirementResult } from "../../src/model/report.ts";

const passed: RequirementResult = {
  id: "1.2/ttft-p99-regression",
  kind: "target",
  title: { en: "p99 TTFT regression ≤ 5 %", zh: "p99 TTFT 回退不超过 5%" },
  metric: "ttft_ms.p99",
  target: { op: "<=", value: 5, unit: "%", provenance: "seed", comparison: "regression" },
  measured: {
    value: -99.9,
    low: -99.91,
    high: -99.89,
    n: 2998,
    method: "paired bootstrap",
    confidence: 0.95,
    sides: 1,
  },
  claimed: null,
  verdict: "pass",
  reason: "Measured -99.9 % meets ≤ 5 %, and so does its confidence bound.",
  findings: [],
};

const seconds = (column: string): Finding => ({
  code: "LATENCY_UNIT_SUSPECT",
  severity: "warning",
  message: `${column} looks like seconds, not milliseconds: …`,
  location: { path: "candidate.csv", column },
});

describe("capUnitSuspects", () => {
  it("holds back a pass measured on a column that looks like seconds", () => {
    expect(capUnitSuspects(passed, [seconds("ttft_ms")])).toEqual({
      ...passed,
      verdict: "inconclusive",
      reason:
        "Measured -99.9 % meets ≤ 5 %, and so does its confidence bound. But ttft_ms in candidate.csv looks like another unit than milliseconds (see LATENCY_UNIT_SUSPECT), so this is not a pass; fix the column's unit and run again (or, if the values really are milliseconds, declare latency_unit: ms in the claim's conditions).",
      reason_key: "reason.unit_suspect",
      reason_params: {
        reason: {
          key: "reason.text",
          params: { text: passed.reason },
          text: passed.reason,
        },
        column: "ttft_ms",
        path: "candidate.csv",
      },
    });
  });

  it("leaves a pass on another column, a fail, and a pass whose claim declares milliseconds", () => {
    const failed: RequirementResult = {
      ...passed,
      verdict: "fail",
      reason: "Measured 12 % misses the target ≤ 5 %.",
    };
    expect([
      capUnitSuspects(passed, [seconds("tpot_ms")]),
      capUnitSuspects(failed, [seconds("ttft_ms")]),
      capUnitSuspects(passed, [seconds("ttft_ms")], { latency_unit: "ms" }),
    ]).toEqual([passed, failed, passed]);
  });

  it("knows which latency columns each metric reads", () => {
    expect(
      [
        "ttft_ms.p99",
        "e2e_ms.p50",
        "outcomes.latency_ms.p99",
        "goodput",
        "request_throughput",
        "success_rate",
        "ttft_msx",
      ].map(readsColumns),
    ).toEqual([
      ["ttft_ms"],
      ["e2e_ms"],
      ["latency_ms"],
      ["ttft_ms", "tpot_ms", "e2e_ms"],
      ["e2e_ms"],
      [],
      [],
    ]);
  });
});
