import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseEvidence } from "../../../src/formats/parse-evidence.ts";
import type { MeasureInput, MetricEstimate } from "../../../src/measure/metric.ts";
import {
  computeTrainingTimeline,
  effectiveTrainingTime,
} from "../../../src/measure/training/effective-time.ts";
import { trainingMfu } from "../../../src/measure/training/mfu.ts";
import { modelFlops, readModelShape } from "../../../src/measure/training/model-flops.ts";
import type { ParsedEvidence } from "../../../src/model/evidence.ts";
import { parseHardwareCatalog } from "../../../src/read/read-hardware.ts";

// The genuine Megatron-LM (ROCm fork) log of fixtures/4.4-pass: 64 MI325X, FP8 hybrid, 10 iterations.
const LOG = new URL("../../../fixtures/4.4-pass/megatron-pyxis-12384.out", import.meta.url);
const CATALOG = parseHardwareCatalog(
  readFileSync(new URL("../../../hardware/catalog.csv", import.meta.url), "utf8"),
  "hardware/catalog.csv",
);
// elapsed time per iteration (ms) of iterations 1–10 as the log prints them.
const ELAPSED = [302028.1, 19329.3, 19394.2, 19332.6, 19156.6, 19008.1, 18970.7, 19005.2, 19007, 19019];

describe("training.mfu on the genuine MI325X Megatron log", () => {
  it("is found whole: the launcher's 64 KiB of warnings hide the dump, 'using world size' does not", () => {
    const parsed = parseLog();
    expect([parsed.format, parsed.rows, parsed.training?.gpus, parsed.training?.clock?.length]).toEqual([
      "megatron-log",
      10,
      64,
      5,
    ]);
  });

  it("divides the current formula's FLOPs by the 64 GPUs' dense FP8 peak, after one warm-up step", () => {
    const result = trainingMfu.evaluate(input(parseLog()));
    const shape = readModelShape({ ...parseLog().training?.args, vocab_size: "128256" });
    if ("text" in shape) throw new Error(shape.text);
    const flops = 9 * modelFlops(shape, 256, "megatron-2025-03");
    const seconds = ELAPSED.slice(1).reduce((a, b) => a + b, 0) / 1000;
    const expected = flops / (seconds * 64 * 2614.9e12);
    expect("unavailable" in result ? result : [round(result.value), result.n]).toEqual([round(expected), 9]);
    expect(
      "unavailable" in result
        ? undefined
        : [result.low !== null && result.low < expected, result.high !== null && result.high > expected],
    ).toEqual([true, true]);
  });

  it("needs no declaration: the whole log prints the padded vocabulary after the argument dump", () => {
    const declared = trainingMfu.evaluate(input(parseLog()));
    const undeclared = trainingMfu.evaluate({ ...input(parseLog()), conditions: {} });
    const { explainClaim: _a, ...withVocab } = declared as MetricEstimate;
    const { explainClaim: _b, ...fromLog } = undeclared as MetricEstimate;
    expect(fromLog).toEqual(withVocab);
  });

  it("says what is missing when the log has no model shape and the claim declares none", () => {
    const text = readFileSync(LOG, "utf8").replace(/^ {2}num_layers \.+ \d+$/m, "");
    const parsed = parseEvidence({ path: "trimmed.out", bytes: new TextEncoder().encode(text) });
    expect(trainingMfu.evaluate({ ...input(parsed), conditions: {} })).toEqual({
      unavailable: "missing",
      reason: "MFU of the candidate run cannot be computed: the model shape lacks num_layers.",
      reasonRef: {
        key: "missing.mfu_shape",
        params: {
          role: { key: "role.candidate", text: "candidate" },
          why: { key: "shape.lacks", params: { missing: "num_layers", vocab: "no" } },
        },
      },
    });
  });
});

describe("training.effective_time_ratio", () => {
  it("counts the genuine run's 474.3 s of iterations against the 475 s from '[after megatron is initialized]'", () => {
    const timeline = computeTrainingTimeline(parseLog().training as NonNullable<ParsedEvidence["training"]>);
    const productive = ELAPSED.reduce((a, b) => a + b, 0);
    expect(timeline).toEqual({
      productiveMs: productive,
      // 07:15:23 (after megatron is initialized) to 07:23:18 (the last iteration and 'after training is done').
      wallMs: 475_000,
      restarts: 0,
      gapMs: expect.any(Number),
      redoneIterations: 0,
      lines: 10,
      startLabel: "after megatron is initialized",
      start: { key: "timeline.start_mark", params: { label: "after megatron is initialized" } },
    });
    const result = effectiveTrainingTime.evaluate(input(parseLog()));
    expect("unavailable" in result ? result : [result.value, result.low, result.high]).toEqual([
      productive / 475_000,
      productive / 476_000,
      1,
    ]);
  });

  it("counts a checkpoint stall, a restart and the iterations it redoes against the ratio", () => {
    // Megatron's own line format; iterations 2–4 logged, a 60 s checkpoint save after 4, a crash and a
    // restart from the checkpoint at 2 that redoes 3–4 before reaching 6.
    const line = (time: string, iteration: number, ms: number) =>
      ` [2026-10-01 ${time}] iteration ${String(iteration).padStart(8)}/      10 | consumed samples: ${iteration * 256} | elapsed time per iteration (ms): ${ms.toFixed(1)} | global batch size:   256 | lm loss: 2.0E+00 |`;
    const text = [
      "[before the start of training step] datetime: 2026-10-01 10:00:00 ",
      line("10:00:10", 1, 10000),
      line("10:00:20", 2, 10000),
      line("10:00:30", 3, 10000),
      line("10:00:40", 4, 10000),
      line("10:01:50", 5, 10000),
      "[before the start of training step] datetime: 2026-10-01 10:05:00 ",
      line("10:05:10", 3, 10000),
      line("10:05:20", 4, 10000),
      line("10:05:30", 5, 10000),
      line("10:05:40", 6, 10000),
    ].join("\n");
    const parsed = parseEvidence({ path: "restart.log", bytes: new TextEncoder().encode(`${text}\n`) });
    const timeline = computeTrainingTimeline(parsed.training as NonNullable<ParsedEvidence["training"]>);
    expect(timeline).toEqual({
      productiveMs: 60_000,
      wallMs: 340_000,
      restarts: 1,
      gapMs: 60_000,
      redoneIterations: 3,
      lines: 9,
      startLabel: "before the start of training step",
      start: { key: "timeline.start_mark", params: { label: "before the start of training step" } },
    });
  });
});

// --- internal ---

function parseLog(): ParsedEvidence {
  return parseEvidence({ path: "megatron-pyxis-12384.out", bytes: readFileSync(LOG) });
}

function input(parsed: ParsedEvidence): MeasureInput {
  return {
    evidence: { candidate: parsed },
    system: { accelerators: [{ model: "amd-mi325x", count: 8 }], nodes: 8 } as MeasureInput["system"],
    confidence: 0.95,
    seed: 20240,
    percentileMethod: "linear",
    comparison: "none",
    conditions: { vocab_size: 128256 },
    hardware: CATALOG,
  };
}

function round(value: number): number {
  return Number(value.toPrecision(8));
}
