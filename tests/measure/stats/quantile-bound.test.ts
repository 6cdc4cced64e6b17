import { describe, expect, it } from "vitest";
import {
  computeMinimumSamples,
  computeOrderStatisticRanks,
  computeQuantileBound,
  estimateSamplesNeeded,
} from "../../../src/measure/stats/quantile-bound.ts";

describe("order-statistic bounds of a percentile", () => {
  it("picks the ranks scipy's binomial gives for p99 of 3000 and of 400 samples", () => {
    // python3: c = binom.cdf(arange(n+1), n, .99); r = argmax(c > .025); s = argmax(c >= .975) + 1
    expect([
      computeOrderStatisticRanks(3000, 0.99, 0.025),
      computeOrderStatisticRanks(400, 0.99, 0.025),
    ]).toEqual([
      { r: 2959, s: 2981 },
      { r: 392, s: 400 },
    ]);
  });

  it("has no upper bound for p99 when no order statistic is extreme enough (n = 100)", () => {
    // binom.cdf(99, 100, .99) = 0.634 < 0.975, so even the maximum is no upper bound; r = 97 (1-based)
    const sorted = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(computeQuantileBound(sorted, 99, 0.95)).toEqual({
      low: 97,
      high: null,
      lowIndex: 96,
      highIndex: 100,
      confidence: 0.95,
    });
  });

  it("contains the point estimate", () => {
    const sorted = Float64Array.from({ length: 1000 }, (_, i) => Math.sqrt(i));
    const bound = computeQuantileBound(sorted, 90, 0.95);
    expect((bound.low as number) <= Math.sqrt(899.1) && Math.sqrt(899.1) <= (bound.high as number)).toBe(
      true,
    );
  });

  it("estimates the samples needed from the share of values under the threshold", () => {
    // 995 of 1000 values ≤ threshold: gap 0.005 → z²·0.99·0.01/0.005² = 1521.1 → 1522
    const sorted = Float64Array.from({ length: 1000 }, (_, i) => i);
    expect([
      estimateSamplesNeeded(sorted, 99, 994, "upper", 0.95),
      estimateSamplesNeeded(sorted, 99, 980, "upper", 0.95),
    ]).toEqual([1522, null]);
  });

  it("needs 368 samples before the maximum bounds p99 from above at 95 % (two-sided)", () => {
    // python3 -c "import math; print(math.ceil(math.log(0.025)/math.log(0.99)))" → 368; and 367 is not enough
    const ranks = (n: number) => computeOrderStatisticRanks(n, 0.99, 0.025).s <= n;
    expect([computeMinimumSamples(99, 0.95, "upper"), ranks(368), ranks(367)]).toEqual([368, true, false]);
  });
});
