import { describe, expect, it } from "vitest";
import type { MeasureInput } from "../../../src/measure/metric.ts";
import { OUTCOME_METRICS } from "../../../src/measure/quality/outcome-metrics.ts";
import type { ParsedEvidence } from "../../../src/model/evidence.ts";

const outcomes = (n: number, failures: number, trials = 1): ParsedEvidence => ({
  format: "outcomes-csv",
  kind: "outcomes",
  rows: n,
  outcomes: {
    rows: n,
    itemId: Array.from({ length: n }, (_, i) => `f${Math.floor(i / trials)}`),
    success: Uint8Array.from({ length: n }, (_, i) => (i < failures ? 0 : 1)),
    trial: Int32Array.from({ length: n }, (_, i) => i % trials),
    latencyMs: new Float64Array(n).fill(Number.NaN),
    lines: Int32Array.from({ length: n }, (_, i) => i + 2),
  },
  findings: [],
});

const coverage = OUTCOME_METRICS.find((m) => m.id === "outcomes.coverage");
const input = (faults: ParsedEvidence, more: Partial<MeasureInput> = {}): MeasureInput => ({
  evidence: { faults },
  system: { accelerators: [], software: {} },
  confidence: 0.95,
  seed: 1,
  percentileMethod: "linear",
  comparison: "none",
  conditions: {},
  ...more,
});
const metric = (id: string) => OUTCOME_METRICS.find((m) => m.id === id);
const estimate = (id: string, given: MeasureInput) => {
  const result = metric(id)?.evaluate(given);
  if (result === undefined || "unavailable" in result)
    throw new Error(`no estimate: ${JSON.stringify(result)}`);
  return result;
};

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

describe("multi-trial outcomes", () => {
  it("counts items, not trials: 4 trials of 50 tasks bound wider than 200 independent tasks", () => {
    const clustered = estimate("outcomes.success_rate", input(outcomes(200, 60, 4)));
    const independent = estimate("outcomes.success_rate", input(outcomes(200, 60)));
    expect([clustered.value, clustered.n, independent.value, independent.n]).toEqual([0.7, 50, 0.7, 200]);
    expect((clustered.low as number) < (independent.low as number)).toBe(true);
    expect(clustered.method).toMatch(/^200 trials of 50 items/);
  });
});

describe("error-rate change (1.4)", () => {
  const relative = (candidate: ParsedEvidence, baseline: ParsedEvidence) =>
    estimate(
      "outcomes.error_rate",
      input(candidate, {
        evidence: { candidate, baseline },
        comparison: "improvement",
        baselineRole: "baseline",
      }),
    );

  it("pairs the items when both files judged the same ones, and the paired bound is narrower", () => {
    const paired = relative(outcomes(400, 40), outcomes(400, 60));
    const shifted = outcomes(400, 60);
    if (shifted.outcomes !== undefined)
      shifted.outcomes.itemId = shifted.outcomes.itemId.map((id) => `other-${id}`);
    const unpaired = relative(outcomes(400, 40), shifted);
    // (0.15 − 0.10) / 0.15: the candidate fails 40 of the baseline's 60 failures.
    expect([paired.value, unpaired.value].map((v) => Number(v.toFixed(6)))).toEqual([0.333333, 0.333333]);
    expect([paired.method.includes("paired bootstrap"), unpaired.method.includes("unpaired")]).toEqual([
      true,
      true,
    ]);
    const width = (e: { low: number | null; high: number | null }) => (e.high as number) - (e.low as number);
    expect(width(paired) < width(unpaired)).toBe(true);
  });
});

describe("samples needed for a coverage claim", () => {
  it("is exact for none missed: 299 faults prove 99 % at one-sided 95 % (two-sided level 0.90)", () => {
    const result = estimate("outcomes.coverage", input(outcomes(60, 0), { confidence: 0.9 }));
    expect([result.value, result.nNeeded?.(0.99)]).toEqual([1, 299]);
  });
});
