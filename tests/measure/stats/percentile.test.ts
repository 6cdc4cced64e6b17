import { describe, expect, it } from "vitest";
import { computeMean, computePercentile, sortFinite } from "../../../src/measure/stats/percentile.ts";

// x = [12, 3.5, 7.25, 100, 42, 0.5, 9, 9, 15.5, 61] (includes a tie)
const sorted = sortFinite(Float64Array.from([12, 3.5, 7.25, 100, 42, 0.5, 9, 9, 15.5, 61, Number.NaN]));

describe("computePercentile", () => {
  it("matches numpy's default linear interpolation", () => {
    // python3 -c "import numpy as np; x=[12,3.5,7.25,100,42,0.5,9,9,15.5,61]; print([np.percentile(x,p) for p in [0,1,50,90,99,99.9,100]])"
    const expected = [0.5, 0.77, 10.5, 64.9, 96.49, 99.649, 100];
    const actual = [0, 1, 50, 90, 99, 99.9, 100].map((p) => computePercentile(sorted, p, "linear"));
    for (const [i, value] of actual.entries()) expect(value).toBeCloseTo(expected[i] as number, 9);
  });

  it("uses MLPerf LoadGen's nearest rank, sorted[floor(n·p)], for nearest-rank", () => {
    // sorted = [0.5, 3.5, 7.25, 9, 9, 12, 15.5, 42, 61, 100]: p50 → index 5, p90 → 9, p99 → 9, p0 → 0
    expect([50, 90, 99, 0].map((p) => computePercentile(sorted, p, "nearest-rank"))).toEqual([
      12, 100, 100, 0.5,
    ]);
  });

  it("returns the only value of a one-element sample and NaN for an empty one", () => {
    expect([
      computePercentile(Float64Array.of(7), 99, "linear"),
      computePercentile(new Float64Array(), 50, "linear"),
    ]).toEqual([7, Number.NaN]);
  });

  it("is monotone in p", () => {
    const values = Array.from({ length: 101 }, (_, p) => computePercentile(sorted, p, "linear"));
    expect(values.every((v, i) => i === 0 || v >= (values[i - 1] as number))).toBe(true);
  });
});

describe("sortFinite and computeMean", () => {
  it("drops NaN, sorts numerically and averages", () => {
    expect([[...sorted], computeMean(sorted)]).toEqual([
      [0.5, 3.5, 7.25, 9, 9, 12, 15.5, 42, 61, 100],
      25.975,
    ]);
  });
});
