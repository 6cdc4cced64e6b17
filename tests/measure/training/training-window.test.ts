import { describe, expect, it } from "vitest";
import { computeLossWindow, describeShortWindow } from "../../../src/measure/training/training-window.ts";
import type { TrainingStep, TrainingTable } from "../../../src/model/collective.ts";

describe("the window two training runs' losses are compared in", () => {
  it("reads both runs in the last tenth of the steps both cover, in tokens when both give the batch", () => {
    const window = computeLossWindow(run([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]), run([10, 50, 100, 150]));
    expect(
      "text" in window
        ? window
        : { ...window, candidate: iterations(window.candidate), baseline: iterations(window.baseline) },
    ).toEqual({
      axis: "tokens",
      start: 10485760,
      end: 104857600,
      tailStart: 95420416,
      candidate: [100],
      baseline: [100],
      candidateEnd: 104857600,
      baselineEnd: 157286400,
      describe: {
        key: "window.final_tenth",
        params: {
          axis: "tokens",
          share: 10,
          span: { key: "window.steps", params: { c1: "100", c2: "100", b1: "100", b2: "100" } },
        },
        text: "at equal tokens: the last 10 % of the window both runs cover, candidate steps 100–100, baseline steps 100–100",
      },
    });
    expect("text" in window ? window : describeShortWindow(window)).toBe(undefined);
  });

  it("compares steps of different batch sizes at equal tokens", () => {
    // The baseline's batch is twice the candidate's: its step 50 is the candidate's step 100.
    const window = computeLossWindow(run([90, 100], 256), run([40, 45, 50, 60], 512));
    expect("text" in window ? window : [iterations(window.candidate), iterations(window.baseline)]).toEqual([
      [100],
      [50],
    ]);
  });

  it("says when the baseline stops at the candidate's midpoint, and when the runs do not overlap", () => {
    const half = computeLossWindow(run([500, 1000, 1500, 2000]), run([500, 1000]));
    expect("text" in half ? half : describeShortWindow(half)).toEqual({
      key: "window.short",
      params: { share: 50, axis: "tokens", end: 1048576000, candidate_end: 2097152000 },
      text: "the baseline covers only the first 50 % of the candidate's run (tokens 1048576000 of 2097152000)",
    });
    expect(computeLossWindow(run([1500, 2000]), run([500, 1000]))).toEqual({
      key: "window.no_overlap",
      params: { span: { key: "window.steps", params: { c1: "1500", c2: "2000", b1: "500", b2: "1000" } } },
      text: "the runs do not overlap (candidate steps 1500–2000, baseline steps 500–1000)",
    });
    expect(computeLossWindow(run([1000]), { ...run([1]), steps: [] })).toEqual({
      key: "window.no_loss",
      params: { side: "baseline" },
      text: "the baseline log has no step with a loss",
    });
  });
});

// --- internal ---

function run(iterations: number[], globalBatch = 256): TrainingTable {
  const steps: TrainingStep[] = iterations.map((iteration, i) => ({
    iteration,
    elapsedMs: 19000,
    tflopsPerGpu: Number.NaN,
    samplesPerSecond: Number.NaN,
    tokensPerSecond: Number.NaN,
    loss: 3 - i * 0.01,
    globalBatch,
    line: i + 2,
  }));
  return { tool: "canonical", path: "run.csv", steps, args: {}, gpus: 8, seqLength: 4096 };
}

function iterations(steps: TrainingStep[]): number[] {
  return steps.map((s) => s.iteration);
}
