import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { mlperfTraining } from "../../../src/formats/training/mlperf-training.ts";
import { textFile } from "../collective/collective-test-helpers.ts";

/** Google's genuine gpt3 result (tests/corpus/training), cut or changed the way a broken run would be. */
const GPT3 = readFileSync(
  new URL("../../corpus/training/mlperf-v4.0_Google_tpu-v5p-1024_gpt3_result_0.txt", import.meta.url),
  "utf8",
).split("\n");
const RUN_STOP = 98;

function parse(lines: string[]) {
  return mlperfTraining.parse(textFile("result_0.txt", lines.join("\n")));
}

describe("MLPerf Training time to train", () => {
  it("reads a gpt3 result without tracked_stats as one scored run", () => {
    const parsed = parse(GPT3);
    expect([parsed.rows, parsed.training?.steps, parsed.context, parsed.findings]).toEqual([
      1,
      [],
      { tool: "mlperf-training", benchmark: "gpt3", status: "success", run_minutes: 114.794 },
      [],
    ]);
  });

  it("says a run cut before run_stop did not finish", () => {
    const parsed = parse(GPT3.slice(0, RUN_STOP - 1));
    expect([
      parsed.rows,
      parsed.training?.timeToTrain,
      parsed.findings.map((f) => [f.code, f.location?.line]),
    ]).toEqual([
      0,
      undefined,
      [
        ["MLLOG_NO_RUN_STOP", 26],
        ["TRAINING_NO_DATA", 1],
      ],
    ]);
  });

  it("rejects an aborted run and a run_stop stamped before run_start", () => {
    const aborted = GPT3.map((l, i) => (i === RUN_STOP - 1 ? l.replace('"success"', '"aborted"') : l));
    const early = GPT3.map((l, i) =>
      i === RUN_STOP - 1 ? l.replace(/"time_ms": \d+/, '"time_ms": 1709183798000') : l,
    );
    expect([
      parse(aborted).findings.map((f) => [f.code, f.location?.line]),
      parse(early).findings.map((f) => [f.code, f.location?.line]),
    ]).toEqual([[["MLLOG_RUN_NOT_SUCCESS", RUN_STOP]], [["MLLOG_BAD_TIME_TO_TRAIN", RUN_STOP]]]);
  });

  it("scores the last run_start before the first run_stop, as the results summarizer does", () => {
    const start = GPT3[25] as string;
    const restarted = [
      ...GPT3.slice(0, 30),
      start.replace(/"time_ms": \d+/, '"time_ms": 1709184098092'),
      ...GPT3.slice(30),
    ];
    // 300 000 ms later than the original run_start: 5 minutes less.
    expect(parse(restarted).training?.timeToTrain?.minutes).toBeCloseTo(114.79388333333333 - 5, 9);
  });
});
