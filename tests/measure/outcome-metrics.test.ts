import { describe, expect, it } from "vitest";
import type { MeasureInput } from "../../src/measure/metric.ts";
import { OUTCOME_METRICS } from "../../src/measure/outcome-metrics.ts";
import type { ParsedEvidence } from "../../src/model/evidence.ts";

const outcomes = (n: number, failures: number): ParsedEvidence => ({
  format: "outcomes-csv",
  kind: "outcomes",
  rows: n,
  outcomes: {
    rows: n,
    itemId: Array.from({ length: n }, (_, i) => `f${i}`),
    success: Uint8Array.from({ length: n }, (_, i) => (i < failures ? 0 : 1)),
    trial: new Int32Array(n),
    latencyMs: new Float64Array(n).fill(Number.NaN),
    lines: Int32Array.from({ length: n }, (_, i) => i + 2),
  },
  findings: [],
});

const coverage = OUTCOME_METRICS.find((m) => m.id === "outcomes.coverage");
const input = (faults: ParsedEvidence): MeasureInput => ({
  evidence: { faults },
  system: { accelerators: [], software: {} },
  confidence: 0.95,
  seed: 1,
  percentileMethod: "linear",
  comparison: "none",
  conditions: {},
});

describe("fault coverage (2.2)", () => {
  it("bounds 400 of 400 detected faults from below with Clopper–Pearson", () => {
    // scipy: beta.ppf(0.025, 400, 1) = 0.025 ** (1/400) = 0.9908202...
    const result = coverage?.evaluate(input(outcomes(400, 0)));
    expect(
      result !== undefined && "low" in result ? [result.value, Number(result.low?.toFixed(6))] : result,
    ).toEqual([1, 0.99082]);
  });

  it("cannot show 99 % from 100 faults even with none missed", () => {
    const result = coverage?.evaluate(input(outcomes(100, 0)));
    expect(result !== undefined && "low" in result ? (result.low as number) < 0.99 : result).toBe(true);
  });
});
