import { describe, expect, it } from "vitest";
import { bootstrapRelativeChange } from "../../../src/measure/stats/bootstrap.ts";
import { computePercentile } from "../../../src/measure/stats/percentile.ts";
import { createRandom } from "../../../src/measure/stats/random.ts";

const sample = (seed: number, scale: number) => {
  const random = createRandom(seed);
  return Float64Array.from({ length: 800 }, () => scale * Math.exp(random.next())).sort();
};

const options = (seed: number) => ({
  candidate: sample(1, 0.9),
  baseline: sample(2, 1),
  statistic: (s: Float64Array) => computePercentile(s, 90, "linear"),
  change: (c: number, b: number) => (c - b) / b,
  resamples: 300,
  seed,
  confidence: 0.95,
});

describe("bootstrapRelativeChange", () => {
  it("is reproducible from its seed and changes with it", () => {
    const a = bootstrapRelativeChange(options(7));
    expect([bootstrapRelativeChange(options(7)), bootstrapRelativeChange(options(8)).low === a.low]).toEqual([
      a,
      false,
    ]);
  });

  it("brackets the point estimate", () => {
    const r = bootstrapRelativeChange(options(7));
    expect(r.low <= r.value && r.value <= r.high).toBe(true);
  });
});
