import { describe, expect, it } from "vitest";
import {
  clopperPearsonInterval,
  computeProportionSampleSize,
  newcombeDifference,
  wilsonInterval,
} from "../../../src/measure/stats/proportion.ts";

describe("proportion bounds against scipy", () => {
  it("computes the Wilson score interval", () => {
    // z = norm.ppf(.975); center ± half by the textbook formula
    const w = wilsonInterval(72, 100, 0.95);
    expect(w.low).toBeCloseTo(0.6251197129007884, 9);
    expect(w.high).toBeCloseTo(0.7986031478881379, 9);
    expect(wilsonInterval(0, 40, 0.95).high).toBeCloseTo(0.08762160119728664, 9);
  });

  it("computes the Clopper–Pearson interval from beta quantiles", () => {
    // beta.ppf(.025, 72, 29), beta.ppf(.975, 73, 28)
    const cp = clopperPearsonInterval(72, 100, 0.95);
    expect(cp.low).toBeCloseTo(0.6213329952827327, 9);
    expect(cp.high).toBeCloseTo(0.8052063725088184, 9);
  });

  it("needs 299 faults, none missed, to show 99 % coverage at 95 % confidence", () => {
    // beta.ppf(0.05, 299, 1) = 0.99003 ≥ 0.99, and 298 falls short
    expect(computeProportionSampleSize(0.99, 0.95)).toBe(299);
  });

  it("brackets the difference of two rates with Newcombe's interval", () => {
    const d = newcombeDifference(990, 1000, 985, 1000, 0.95);
    expect(d.low < 0.005 && 0.005 < d.high).toBe(true);
  });
});
