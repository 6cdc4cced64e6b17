import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseEvidence } from "../../../src/formats/parse-evidence.ts";
import type { MeasureInput } from "../../../src/measure/metric.ts";
import { trainingLoss } from "../../../src/measure/training/training-metrics.ts";

const FIXTURES = new URL("../../../fixtures/", import.meta.url);

describe("training.loss against a baseline", () => {
  it("compares the mean losses of the last tenth of the common window (steps 1810–2000 of two 2000-step runs)", () => {
    const [c, b] = [tail("4.1-pass/fp8.csv", 1810, 2000), tail("4.1-pass/bf16.csv", 1810, 2000)];
    expect(trainingLoss.evaluate(input("4.1-pass/fp8.csv", "4.1-pass/bf16.csv"))).toEqual({
      value: c / b - 1,
      low: expect.any(Number),
      high: expect.any(Number),
      n: 20,
      method: `(candidate − baseline) / baseline of the final loss at equal tokens: the last 10 % of the window both runs cover, candidate steps 1810–2000, baseline steps 1810–2000: candidate ${round4(c)}, baseline ${round4(b)}; bootstrap over steps (1000 resamples, seed 1)`,
      methodRef: {
        key: "method.training_loss_change",
        params: {
          window: {
            key: "window.final_tenth",
            params: {
              axis: "tokens",
              share: 10,
              span: { key: "window.steps", params: { c1: "1810", c2: "2000", b1: "1810", b2: "2000" } },
            },
          },
          c: round4(c),
          b: round4(b),
          resamples: 1000,
          seed: 1,
        },
      },
      candidate: c,
      baseline: b,
    });
  });

  it("reads a baseline that stopped at step 1000 at step 1000, and marks the value partial", () => {
    const [c, b] = [tail("4.1-loss-window/fp8.csv", 910, 1000), tail("4.1-loss-window/bf16.csv", 910, 1000)];
    const result = trainingLoss.evaluate(input("4.1-loss-window/fp8.csv", "4.1-loss-window/bf16.csv"));
    expect("value" in result ? [result.value, result.partial] : result).toEqual([
      c / b - 1,
      "Not the final loss: the baseline covers only the first 50 % of the candidate's run (tokens 1048576000 of 2097152000); submit a baseline run as long as the candidate's.",
    ]);
  });
});

// --- internal ---

function parse(path: string) {
  return parseEvidence({ path, bytes: new Uint8Array(readFileSync(new URL(path, FIXTURES))) });
}

/** Mean loss of the CSV's steps in [from, to], read straight from the file. */
function tail(path: string, from: number, to: number): number {
  const rows = readFileSync(new URL(path, FIXTURES), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((r) => r.split(","));
  const losses = rows.filter((r) => Number(r[0]) >= from && Number(r[0]) <= to).map((r) => Number(r[6]));
  return losses.reduce((a, x) => a + x, 0) / losses.length;
}

function round4(value: number): number {
  return Math.round(value * 10000) / 10000;
}

function input(candidate: string, baseline: string): MeasureInput {
  return {
    evidence: { candidate: parse(candidate), baseline: parse(baseline) },
    system: { accelerators: [], software: {} },
    confidence: 0.95,
    seed: 1,
    percentileMethod: "linear",
    comparison: "regression",
    conditions: {},
    baselineRole: "baseline",
  };
}
