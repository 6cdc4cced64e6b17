import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bootstrapPairedChange, bootstrapRelativeChange } from "../../src/measure/stats/bootstrap.ts";
import { computePercentile, type PercentileMethod } from "../../src/measure/stats/percentile.ts";
import { clopperPearsonInterval, wilsonInterval } from "../../src/measure/stats/proportion.ts";
import { computeQuantileBound } from "../../src/measure/stats/quantile-bound.ts";

const SEED = 20240;
const OPTIONS = { seed: SEED, numRuns: 400, interruptAfterTimeLimit: 3_000 };
const latency = fc.double({ min: 0.001, max: 1e6, noNaN: true, noDefaultInfinity: true });
const sample = (minLength: number) =>
  fc.array(latency, { minLength, maxLength: 400 }).map((values) => Float64Array.from(values).sort());
const method = fc.constantFrom<PercentileMethod>("linear", "nearest-rank");
const p = fc.double({ min: 0, max: 100, noNaN: true });

describe("metric properties under fuzzing", () => {
  it("percentiles are monotone in p and stay within the sample", () => {
    fc.assert(
      fc.property(sample(1), method, p, p, (sorted, how, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const lowValue = computePercentile(sorted, low, how);
        const highValue = computePercentile(sorted, high, how);
        expect(lowValue).toBeLessThanOrEqual(highValue);
        expect(lowValue).toBeGreaterThanOrEqual(sorted[0] as number);
        expect(highValue).toBeLessThanOrEqual(sorted[sorted.length - 1] as number);
      }),
      OPTIONS,
    );
  });

  it("an order-statistic bound contains the percentile it bounds", () => {
    fc.assert(
      fc.property(
        sample(1),
        fc.constantFrom(50, 90, 95, 99, 99.9),
        fc.constantFrom(0.9, 0.95, 0.99),
        (sorted, q, confidence) => {
          const bound = computeQuantileBound(sorted, q, confidence);
          // A one-sided bound means "too few samples" (SAMPLES_TOO_FEW); only a two-sided interval is reported.
          if (bound.low === null || bound.high === null) return;
          for (const how of ["linear", "nearest-rank"] as const) {
            const point = computePercentile(sorted, q, how);
            if (bound.low !== null) expect(bound.low).toBeLessThanOrEqual(point);
            if (bound.high !== null) expect(bound.high).toBeGreaterThanOrEqual(point);
          }
        },
      ),
      OPTIONS,
    );
  });

  it("Wilson and Clopper-Pearson intervals contain k/n and stay in [0, 1]", () => {
    const counts = fc
      .integer({ min: 1, max: 5_000 })
      .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
    fc.assert(
      fc.property(counts, fc.constantFrom(0.9, 0.95, 0.99), ([k, n], confidence) => {
        for (const interval of [wilsonInterval(k, n, confidence), clopperPearsonInterval(k, n, confidence)]) {
          expect(0 <= interval.low && interval.low <= k / n + 1e-12).toBe(true);
          expect(k / n - 1e-12 <= interval.high && interval.high <= 1).toBe(true);
        }
      }),
      OPTIONS,
    );
  });

  it("bootstrap bounds are ordered, and the same whatever the order of the rows", () => {
    const pairs = fc.array(fc.tuple(latency, latency), { minLength: 2, maxLength: 200 });
    fc.assert(
      fc.property(pairs, fc.integer(), (rows, shuffleSeed) => {
        const shuffled = shuffle(rows, shuffleSeed);
        for (const [bootstrap, prepare] of [
          // The unpaired bootstrap takes each side sorted (as the metrics pass it); the paired one takes pairs in row order.
          [bootstrapRelativeChange, (values: number[]) => Float64Array.from(values).sort()],
          [bootstrapPairedChange, (values: number[]) => Float64Array.from(values)],
        ] as const) {
          const [a, b] = [rows, shuffled].map((r) =>
            bootstrap({
              candidate: prepare(r.map(([c]) => c)),
              baseline: prepare(r.map(([, base]) => base)),
              statistic: (sorted) => computePercentile(sorted, 99, "linear"),
              change: (c, base) => (c - base) / base,
              resamples: 200,
              seed: SEED,
              confidence: 0.95,
            }),
          );
          expect(a?.low).toBeLessThanOrEqual(a?.high as number);
          expect(b).toEqual(a);
        }
      }),
      { ...OPTIONS, numRuns: 100 },
    );
  });
});

// --- internal ---

function shuffle<T>(items: T[], seed: number): T[] {
  const out = items.slice();
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
