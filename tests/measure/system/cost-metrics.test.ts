import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseEvidence } from "../../../src/formats/parse-evidence.ts";
import type { MeasureInput } from "../../../src/measure/metric.ts";
import { costPer1k } from "../../../src/measure/system/cost-metrics.ts";

const FIXTURES = new URL("../../../fixtures/", import.meta.url);

describe("cost per 1k requests against a baseline", () => {
  it("compares CNY with CNY when both files give cost", () => {
    expect(costPer1k.evaluate(input("5.7-pass/cost-optimized.csv", "5.7-pass/cost-baseline.csv"))).toEqual({
      value: 1 - 5166 / 8280,
      low: 1 - 5166 / 8280,
      high: 1 - 5166 / 8280,
      n: 2,
      method:
        "1.845 cost per 1k requests over 2 scenario(s) vs baseline 2.957 cost per 1k requests over 2 scenario(s); declared figures, no sampling bound",
      candidate: 5166 / 2800,
      baseline: 8280 / 2800,
    });
  });

  it("falls back to GPU-hours on both sides when one side gives only GPU-hours", () => {
    const result = costPer1k.evaluate(
      input("5.7-cost-units/cost-optimized.csv", "5.7-pass/cost-baseline.csv"),
    );
    expect("value" in result ? [result.candidate, result.baseline] : result).toEqual([
      143.5 / 2800,
      230 / 2800,
    ]);
  });

  it("refuses GPU-hours against CNY", () => {
    expect(
      costPer1k.evaluate(input("5.7-cost-units/cost-optimized.csv", "5.7-cost-units/cost-baseline.csv")),
    ).toEqual({
      unavailable: "invalid",
      reason:
        "The candidate and baseline cost files share no column filled on every row (cost or gpu_hours); give the same one in both.",
    });
  });
});

// --- internal ---

function input(candidate: string, baseline: string): MeasureInput {
  const parse = (path: string) =>
    parseEvidence({ path, bytes: new Uint8Array(readFileSync(new URL(path, FIXTURES))) });
  return {
    evidence: { "cost-candidate": parse(candidate), "cost-baseline": parse(baseline) },
    system: { accelerators: [], software: {} },
    confidence: 0.95,
    seed: 1,
    percentileMethod: "linear",
    comparison: "improvement",
    conditions: {},
    baselineRole: "baseline",
  };
}
