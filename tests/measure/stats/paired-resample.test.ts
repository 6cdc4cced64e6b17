import { describe, expect, it } from "vitest";
import {
  bootstrapPairedUnits,
  unitWeights,
  weightedMean,
} from "../../../src/measure/stats/paired-resample.ts";

describe("paired resampling", () => {
  it("weights a mean by how often each unit was drawn", () => {
    expect(weightedMean([1, 2, 3], Uint32Array.from([2, 0, 1]))).toBeCloseTo(5 / 3, 15);
    expect(weightedMean([1, 2, 3], unitWeights(3))).toBe(2);
  });

  it("draws n units per resample, reproducibly from the seed", () => {
    const sizes: number[] = [];
    const options = {
      n: 5,
      statistic: (w: Uint32Array) => {
        sizes.push(w.reduce((a, b) => a + b, 0));
        return weightedMean([0, 1, 2, 3, 4], w);
      },
      resamples: 500,
      seed: 20240,
      confidence: 0.95,
    };
    const a = bootstrapPairedUnits(options);
    const b = bootstrapPairedUnits(options);
    expect(new Set(sizes)).toEqual(new Set([5]));
    expect([a.low, a.high]).toEqual([b.low, b.high]);
    expect((a.low as number) < 2 && 2 < (a.high as number)).toBe(true);
  });

  it("gives no bound for zero units", () => {
    expect(
      bootstrapPairedUnits({ n: 0, statistic: () => 0, resamples: 10, seed: 1, confidence: 0.95 }),
    ).toEqual({
      low: null,
      high: null,
      resamples: 10,
      seed: 1,
    });
  });
});
