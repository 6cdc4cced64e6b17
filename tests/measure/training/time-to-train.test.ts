import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseEvidence } from "../../../src/formats/parse-evidence.ts";
import type { MeasureInput } from "../../../src/measure/metric.ts";
import { findMetric } from "../../../src/measure/registry.ts";
import { timeToTrainMinutes } from "../../../src/measure/training/time-to-train.ts";
import { trainingLoss, trainingThroughput } from "../../../src/measure/training/training-metrics.ts";
import type { ParsedEvidence } from "../../../src/model/evidence.ts";
import type { MessageRef } from "../../../src/model/message.ts";
import { renderMessage } from "../../../src/render/catalog/index.ts";

/**
 * Genuine MLPerf Training results (tests/corpus/training, SOURCES.md there). The minutes are what
 * mlcommons/logging's result summarizer @ 7bbf792 prints for each file (as in tests/corpus/training.test.ts).
 */
const SUMMARIZER_MINUTES: Record<string, number> = {
  "mlperf-v3.1_Google_tpu-v5e-4096_gpt3_result_0.txt": 44.47188333333333,
  "mlperf-v3.1_Intel-HabanaLabs_Gaudi2-N32_gpt3_result_0.txt": 223.86804999999998,
  "mlperf-v4.0_GigaComputing_G593-SD1_gnn_result_0.txt": 11.969616666666667,
  "mlperf-v4.0_Google_tpu-v5p-1024_gpt3_result_0.txt": 114.79388333333333,
  "mlperf-v4.0_Intel-HabanaLabs_Gaudi2-N128_gpt3_result_0.txt": 67.24878333333334,
  "mlperf-v4.0_Intel-HabanaLabs_Gaudi2_llama2_70b_lora_result_0.txt": 85.25795,
  "mlperf-v4.0_NVIDIA_eos_n64_gpt3_result_0.txt": 52.46491666666667,
  "mlperf-v4.0_NVIDIA_h200_dlrm_dcnv2_result_0.txt": 3.4859666666666667,
  "mlperf-v4.0_Quanta_D74H-7U_stable_diffusion_result_0.txt": 43.3059,
  "mlperf-v4.0_tinycorp_tinybox_red_resnet_result_0.txt": 162.81721666666667,
};
const GOOGLE_GPT3 = "mlperf-v4.0_Google_tpu-v5p-1024_gpt3_result_0.txt";
const RUN_STOP = 98;

describe("training.time_to_train_minutes", () => {
  it("is registered, lower is better, in minutes", () => {
    const metric = findMetric("training.time_to_train_minutes");
    expect([metric === timeToTrainMinutes, metric?.unit, metric?.better]).toEqual([true, "min", "lower"]);
  });

  it("reads a gpt3 result's score exactly, with the summarizer's rule", () => {
    const minutes = SUMMARIZER_MINUTES[GOOGLE_GPT3] as number;
    expect(rounded(timeToTrainMinutes.evaluate(input({ candidate: corpus(GOOGLE_GPT3) })))).toEqual({
      value: round9(minutes),
      low: round9(minutes),
      high: round9(minutes),
      n: 1,
      method:
        "(run_stop − run_start) / 60 000 ms = 114.794 min, run_start line 26, run_stop line 98 (status success), as the MLPerf results summarizer reads it; exact (one run, no sampling)",
      methodRef: {
        key: "method.exact_one_run",
        params: {
          method: {
            key: "method.time_to_train",
            params: { minutes: 114.794, start: 26, stop: 98, status: "success" },
          },
        },
      },
    });
  });

  it("gives every corpus result the minutes the results summarizer prints", () => {
    const measured = Object.fromEntries(
      Object.keys(SUMMARIZER_MINUTES).map((name) => {
        const result = timeToTrainMinutes.evaluate(input({ candidate: corpus(name) }));
        return [name, "value" in result ? round9(result.value) : result];
      }),
    );
    expect(measured).toEqual(
      Object.fromEntries(Object.entries(SUMMARIZER_MINUTES).map(([name, m]) => [name, round9(m)])),
    );
  });

  it("compares two results as an improvement in time to train", () => {
    const [c, b] = [
      "mlperf-v4.0_Intel-HabanaLabs_Gaudi2-N128_gpt3_result_0.txt",
      "mlperf-v3.1_Intel-HabanaLabs_Gaudi2-N32_gpt3_result_0.txt",
    ];
    const [cm, bm] = [SUMMARIZER_MINUTES[c] as number, SUMMARIZER_MINUTES[b] as number];
    const result = timeToTrainMinutes.evaluate(
      input(
        { candidate: corpus(c), baseline: corpus(b) },
        { comparison: "improvement", baselineRole: "baseline" },
      ),
    );
    expect(rounded(result)).toEqual({
      value: round9((bm - cm) / bm),
      low: round9((bm - cm) / bm),
      high: round9((bm - cm) / bm),
      n: 1,
      method:
        "candidate (run_stop − run_start) / 60 000 ms = 67.249 min, run_start line 35, run_stop line 116 (status success), as the MLPerf results summarizer reads it; baseline (run_stop − run_start) / 60 000 ms = 223.868 min, run_start line 35, run_stop line 113 (status success), as the MLPerf results summarizer reads it; exact (one run, no sampling)",
      methodRef: expect.objectContaining({ key: "method.exact_one_run" }),
      candidate: round9(cm),
      baseline: round9(bm),
    });
  });

  it("refuses an aborted run with a finding at its run_stop", () => {
    const aborted = corpusLines(GOOGLE_GPT3).map((l, i) =>
      i === RUN_STOP - 1 ? l.replace('"success"', '"aborted"') : l,
    );
    const message =
      "run_stop has status aborted: MLPerf scores only a run that ends with status success, so this run has no time to train; submit a run that converged.";
    expect(timeToTrainMinutes.evaluate(input({ candidate: parse(GOOGLE_GPT3, aborted.join("\n")) }))).toEqual(
      {
        unavailable: "invalid",
        reason: message,
        reasonRef: { key: "MLLOG_RUN_NOT_SUCCESS", params: { variant: "time_to_train", status: "aborted" } },
        findings: [
          {
            code: "MLLOG_RUN_NOT_SUCCESS",
            severity: "error",
            message,
            location: { path: GOOGLE_GPT3, line: RUN_STOP },
            params: { variant: "time_to_train", status: "aborted" },
          },
        ],
      },
    );
  });

  it("asks for an MLPerf result when the training log is not one", () => {
    const csv = new URL("../../../fixtures/4.1-pass/fp8.csv", import.meta.url);
    const candidate = parseEvidence({ path: "fp8.csv", bytes: new Uint8Array(readFileSync(csv)) });
    expect(timeToTrainMinutes.evaluate(input({ candidate }))).toEqual({
      unavailable: "missing",
      reason:
        "No candidate MLPerf Training result with run_start and run_stop was submitted; time to train is MLPerf Training's score: submit the run's whole result_N.txt (:::MLLOG lines).",
      reasonRef: {
        key: "missing.time_to_train",
        params: { role: { key: "role.candidate", text: "candidate" } },
      },
    });
  });
});

describe("per-step training metrics on an MLPerf result scored by its time to train", () => {
  it("calls training.throughput missing, not invalid, and says what to submit", () => {
    expect(trainingThroughput.evaluate(input({ candidate: corpus(GOOGLE_GPT3) }))).toEqual({
      unavailable: "missing",
      reason:
        "The candidate MLPerf Training result (gpt3) logs no throughput per step: it is scored by its time to train, 114.794 min with run_stop status success (metric training.time_to_train_minutes). For a throughput requirement submit a log with a throughput per step: a Megatron-LM log (elapsed time per iteration and global batch size), or an MLPerf log whose implementation writes tracked_stats throughput.",
      reasonRef: {
        key: "missing.scored_by_time_to_train",
        params: {
          role: { key: "role.candidate", text: "candidate" },
          benchmark: "gpt3",
          what: "throughput",
          minutes: 114.794,
          status: "success",
        },
      },
    });
  });

  it("calls training.loss missing for a stable_diffusion result, naming its minutes", () => {
    const name = "mlperf-v4.0_Quanta_D74H-7U_stable_diffusion_result_0.txt";
    expect(trainingLoss.evaluate(input({ candidate: corpus(name) }))).toEqual({
      unavailable: "missing",
      reason:
        "The candidate MLPerf Training result (stable_diffusion) logs no loss per step: it is scored by its time to train, 43.306 min with run_stop status success (metric training.time_to_train_minutes). For a loss requirement submit a log with a loss per step (a Megatron-LM log, or the training-throughput CSV with its loss column).",
      reasonRef: expect.objectContaining({ key: "missing.scored_by_time_to_train" }),
    });
  });
});

describe("the sentences of time to train, rendered from their catalog keys", () => {
  it("are in English the sentences stored, and in Chinese keep the ids and numbers", () => {
    const cases = [
      timeToTrainMinutes.evaluate(input({ candidate: corpus(GOOGLE_GPT3) })),
      timeToTrainMinutes.evaluate(
        input(
          {
            candidate: corpus("mlperf-v4.0_Intel-HabanaLabs_Gaudi2-N128_gpt3_result_0.txt"),
            baseline: corpus("mlperf-v3.1_Intel-HabanaLabs_Gaudi2-N32_gpt3_result_0.txt"),
          },
          { comparison: "improvement", baselineRole: "baseline" },
        ),
      ),
      trainingThroughput.evaluate(input({ candidate: corpus(GOOGLE_GPT3) })),
      trainingLoss.evaluate(
        input({ candidate: corpus("mlperf-v4.0_Quanta_D74H-7U_stable_diffusion_result_0.txt") }),
      ),
    ];
    const sentences = cases.map((r): [MessageRef | undefined, string] =>
      "unavailable" in r ? [r.reasonRef, r.reason] : [r.methodRef, r.method],
    );
    expect(sentences.map(([ref, text]) => renderMessage(ref ?? {}, "", "en") === text)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(renderMessage(sentences[0]?.[0] ?? {}, "", "zh")).toBe(
      "(run_stop − run_start) / 60 000 ms = 114.794 min，run_start 在第 26 行，run_stop 在第 98 行（状态 `success`），与 MLPerf 结果汇总工具的读法相同；精确值（单次运行，无抽样）",
    );
  });
});

// --- internal ---

const DIR = new URL("../../corpus/training/", import.meta.url);

function corpusLines(name: string): string[] {
  return readFileSync(new URL(name, DIR), "utf8").split("\n");
}

function corpus(name: string): ParsedEvidence {
  return parse(name, corpusLines(name).join("\n"));
}

function parse(path: string, text: string): ParsedEvidence {
  return parseEvidence({ path, bytes: new TextEncoder().encode(text) });
}

function input(evidence: Record<string, ParsedEvidence>, extra: Partial<MeasureInput> = {}): MeasureInput {
  return {
    evidence,
    system: { accelerators: [], software: {} },
    confidence: 0.95,
    seed: 1,
    percentileMethod: "linear",
    comparison: "none",
    conditions: {},
    ...extra,
  };
}

/** The summarizer subtracts and divides in another order; both agree to 1e-9 minutes. */
function round9(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

function rounded<T extends object>(result: T): T {
  const out = { ...result } as Record<string, unknown>;
  for (const key of ["value", "low", "high", "candidate", "baseline"])
    if (typeof out[key] === "number") out[key] = round9(out[key] as number);
  return out as T;
}
