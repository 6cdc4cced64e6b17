import { describe, expect, it } from "vitest";
import { accuracyCsv } from "../../../src/formats/quality/accuracy-csv.ts";
import { lmEvalResults } from "../../../src/formats/quality/lm-eval.ts";
import { lmEvalSamples } from "../../../src/formats/quality/lm-eval-samples.ts";
import { opencompassCsv } from "../../../src/formats/quality/opencompass-csv.ts";
import type { MetricEstimate, MetricUnavailable } from "../../../src/measure/metric.ts";
import { accuracyMean } from "../../../src/measure/quality/accuracy-metrics.ts";
import {
  hasQualitySamples,
  readQualitySample,
  textFile,
} from "../../formats/quality/quality-test-helpers.ts";
import { qualityInput } from "./quality-test-input.ts";

const csv = (text: string) => accuracyCsv.parse(textFile("acc.csv", text));
const QWEN = "lm_eval/results_Qwen__Qwen2.5-1.5B_2025-03-03T00-05-12.300060.json";
const FIVE = "winogrande,piqa,hellaswag,arc_easy,arc_challenge";

describe("accuracy.mean, relative versus absolute loss (EfficientQAT Llama-3-8B w2g128)", () => {
  // README averages: FP16 68.58, w2g128 59.36.
  const fp16 = csv("task,metric,value\navg5,acc,0.6858\n");
  const w2 = csv("task,metric,value\navg5,acc,0.5936\n");

  it("reads the loss as a 13.44 % relative drop, over a 10 % target", () => {
    const result = accuracyMean.evaluate(
      qualityInput({ candidate: w2, baseline: fp16 }, "loss"),
    ) as MetricEstimate;
    expect(result.value).toBeCloseTo(0.13444152814231547, 12);
    expect([result.low, result.high]).toEqual([null, null]);
    expect(result.method).toBe(
      "mean of 1 task score(s) 0.5936 vs baseline 0.6858 (absolute drop 9.22 points, relative 13.44 %); delta-method normal bound from per-task standard errors, unpaired (conservative for the same items)",
    );
  });

  it("reads the same pair as 9.22 points absolute, under a 10-point target", () => {
    const result = accuracyMean.evaluate(
      qualityInput({ candidate: w2, baseline: fp16 }, "delta"),
    ) as MetricEstimate;
    expect(result.value).toBeCloseTo(-0.09219999999999995, 12);
  });
});

describe("accuracy.mean, choosing scores", () => {
  it("asks which model to use when an OpenCompass table holds several", () => {
    const table = opencompassCsv.parse(
      textFile("s.csv", "dataset,version,metric,mode,fp16,w2\nceval,abc123,accuracy,gen,44.16,40.00\n"),
    );
    expect(accuracyMean.evaluate(qualityInput({ candidate: table }))).toEqual({
      unavailable: "invalid",
      reason:
        "The accuracy file holds 2 models (fp16, w2); declare which one with the claim condition `model`.",
      reasonRef: { key: "reason.accuracy_many_models", params: { count: 2, models: "fp16, w2" } },
    } satisfies MetricUnavailable);
    const picked = accuracyMean.evaluate(
      qualityInput({ candidate: table }, "none", { model: "w2" }),
    ) as MetricEstimate;
    expect([picked.value, picked.low]).toEqual([0.4, null]);
  });

  it("is invalid when a declared task has no score", () => {
    const result = accuracyMean.evaluate(
      qualityInput({ candidate: csv("task,metric,value\npiqa,acc,0.7\n") }, "none", { tasks: "piqa,boolq" }),
    );
    expect(result).toEqual({
      unavailable: "invalid",
      reason: "Task boolq has no accuracy score in the file; check the declared tasks and metric.",
      reasonRef: {
        key: "reason.accuracy_task_no_score",
        params: { task: "boolq", metric: { key: "reason.accuracy_score_word", text: "accuracy" } },
      },
    });
  });
});

describe("accuracy.mean with per-item samples on both sides", () => {
  const samples = (name: string, acc: number[]) =>
    lmEvalSamples.parse(
      textFile(
        `samples_piqa_2025-01-01T00-00-00.000000.jsonl`.replace("piqa", name),
        acc.map((a, i) => JSON.stringify({ doc_id: i, filter: "none", acc: a, resps: [] })).join("\n"),
      ),
    );

  it("bounds the loss with a paired bootstrap over the items both models answered", () => {
    const result = accuracyMean.evaluate(
      qualityInput(
        {
          candidate: samples("piqa", [1, 1, 1, 0, 1, 0, 1, 1]),
          baseline: samples("piqa", [1, 1, 1, 1, 1, 0, 1, 1]),
        },
        "loss",
      ),
    ) as MetricEstimate;
    // candidate 6/8, baseline 7/8: loss 1 − 0.75/0.875
    expect(result.value).toBeCloseTo(1 - 0.75 / 0.875, 12);
    expect([result.n, result.method]).toEqual([
      8,
      "mean of 1 task score(s) 0.75 vs baseline 0.875 (absolute drop 12.50 points, relative 14.29 %); paired bootstrap over 8 items within 1 task(s), 10000 resamples, seed 20240",
    ]);
    expect((result.low as number) <= result.value && result.value <= (result.high as number)).toBe(true);
  });
});

describe.skipIf(!hasQualitySamples)("accuracy.mean on the Qwen2.5-1.5B lm-eval results", () => {
  if (!hasQualitySamples) return;
  const qwen = lmEvalResults.parse(readQualitySample(QWEN));

  it("averages acc over the 5 zero-shot tasks to 0.6127 and bounds it from the stderrs", () => {
    const result = accuracyMean.evaluate(
      qualityInput({ candidate: qwen }, "none", { tasks: FIVE }),
    ) as MetricEstimate;
    // numpy over the file's acc and acc_stderr values, z = norm.ppf(0.975)
    expect(result.value).toBeCloseTo(0.6127359590380695, 14);
    expect(result.low).toBeCloseTo(0.603188162195524, 9);
    expect(result.high).toBeCloseTo(0.6222837558806151, 9);
    expect(result.findings?.map((f) => f.code)).toEqual(["ACCURACY_METRIC_UNDECLARED"]);
  });

  it("gives 0.6490 with acc_norm declared where the task has it", () => {
    const metric = "piqa:acc_norm,hellaswag:acc_norm,arc_easy:acc_norm,arc_challenge:acc_norm,acc";
    const result = accuracyMean.evaluate(
      qualityInput({ candidate: qwen }, "none", { tasks: FIVE, metric }),
    ) as MetricEstimate;
    expect(result.value).toBeCloseTo(0.6489975465823455, 14);
    expect(result.findings).toEqual([]);
  });
});
