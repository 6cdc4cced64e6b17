import { describe, expect, it } from "vitest";
import { bootstrapStratifiedPaired } from "../../../src/measure/stats/stratified-bootstrap.ts";

const strata = [
  { candidate: Float64Array.from([1, 0, 1, 1]), baseline: Float64Array.from([1, 1, 1, 1]) },
  { candidate: Float64Array.from([0, 1]), baseline: Float64Array.from([0, 0]) },
];
const options = {
  strata,
  change: (c: number, b: number) => c - b,
  resamples: 2000,
  seed: 20240,
  confidence: 0.95,
};

describe("bootstrapStratifiedPaired", () => {
  it("macro-averages each side's task means (0.625 vs 0.5)", () => {
    const result = bootstrapStratifiedPaired(options);
    expect([result.candidate, result.baseline, result.value]).toEqual([0.625, 0.5, 0.125]);
  });

  it("is reproducible from its seed and brackets the estimate", () => {
    const a = bootstrapStratifiedPaired(options);
    const b = bootstrapStratifiedPaired(options);
    expect([a.low, a.high]).toEqual([b.low, b.high]);
    expect((a.low as number) <= a.value && a.value <= (a.high as number)).toBe(true);
  });
});
