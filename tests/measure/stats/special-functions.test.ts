import { describe, expect, it } from "vitest";
import {
  binomialCdf,
  logGamma,
  normalQuantile,
  regularizedBeta,
} from "../../../src/measure/stats/special-functions.ts";

// Expected values: python3 -c "from scipy.stats import norm, binom; from scipy.special import gammaln, betainc; ..."
describe("special functions against scipy", () => {
  it("normalQuantile matches norm.ppf", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.3263478740408408, 8);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it("logGamma matches gammaln", () => {
    expect(logGamma(0.3)).toBeCloseTo(1.0957979948180756, 12);
    expect(logGamma(10.5)).toBeCloseTo(13.940625219403763, 12);
    expect(logGamma(1000.5)).toBeCloseTo(5908.674175848678, 9);
  });

  it("regularizedBeta matches betainc", () => {
    expect(regularizedBeta(0.4, 2.5, 3.5)).toBeCloseTo(0.4869041915261176, 12);
    expect(regularizedBeta(0.97, 500, 20)).toBeCloseTo(0.8444190533164463, 10);
  });

  it("binomialCdf matches binom.cdf", () => {
    expect(binomialCdf(25, 3000, 0.01)).toBeCloseTo(0.20707305612299354, 10);
    expect(binomialCdf(5, 400, 0.01)).toBeCloseTo(0.7859190785010428, 10);
    expect(binomialCdf(2960, 3000, 0.99)).toBeCloseTo(0.045415410056996466, 10);
  });
});
