import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseEvidence } from "../../../src/formats/parse-evidence.ts";
import type { MeasureInput, MetricEstimate, MetricUnavailable } from "../../../src/measure/metric.ts";
import { effectiveTrainingTime } from "../../../src/measure/training/effective-time.ts";
import { trainingMfu } from "../../../src/measure/training/mfu.ts";
import { trainingThroughput } from "../../../src/measure/training/training-metrics.ts";
import type { ParsedEvidence } from "../../../src/model/evidence.ts";
import type { MessageRef } from "../../../src/model/message.ts";
import { parseHardwareCatalog } from "../../../src/read/read-hardware.ts";
import { renderMessage } from "../../../src/render/catalog/index.ts";

/**
 * Every sentence the training metrics store is also a catalog key with params: in English it renders
 * byte for byte as stored, so English reports do not change. The branches no example of `fixtures/`
 * reaches are built here: a Megatron log's TFLOP/s notes, a baseline run beside MFU and effective
 * time (measured, or unusable), and an accelerator type scaled by catalog peaks.
 */
const CATALOG = parseHardwareCatalog(
  readFileSync(new URL("../../../hardware/catalog.csv", import.meta.url), "utf8"),
  "hardware/catalog.csv",
);

describe("the sentences of training metrics, rendered from their catalog keys", () => {
  it("say in English what each metric stored", () => {
    const megatron = fixture("4.4-pass/megatron-pyxis-12384.out");
    const csv = fixture("4.1-pass/bf16.csv");
    const mi325x = { accelerators: [{ model: "amd-mi325x", count: 8 }], nodes: 8 };
    const results = [
      trainingThroughput.evaluate(input({ candidate: megatron }, mi325x)),
      trainingMfu.evaluate(input({ candidate: megatron, baseline: megatron }, mi325x)),
      trainingMfu.evaluate(input({ candidate: megatron, baseline: csv }, mi325x)),
      effectiveTrainingTime.evaluate(input({ candidate: megatron, baseline: megatron }, mi325x)),
      effectiveTrainingTime.evaluate(input({ candidate: megatron, baseline: csv }, mi325x)),
      scaledThroughput(),
    ];
    expect(results.map((r) => ("unavailable" in r ? r.reason : r.methodRef?.key))).toEqual([
      "clause.then",
      "method.training_baseline_run",
      "method.training_baseline_unavailable",
      "method.training_baseline_run",
      "method.training_baseline_unavailable",
      "method.training_throughput_change",
    ]);
    expect(results.flatMap(drift)).toEqual([]);
  });

  it("scale an accelerator type without its own run by catalog peaks, and say so in Chinese", () => {
    const result = scaledThroughput() as MetricEstimate;
    const reference = (result.methodRef?.params?.reference as MessageRef | undefined)?.params
      ?.parts as MessageRef;
    expect(renderMessage(reference, "", "zh")).toBe(
      "16 × nvidia-h100-sxm（自身运行） + 16 × huawei-ascend-910b3（由 nvidia-h100-sxm 按稠密 BF16 峰值 313/989 换算）",
    );
  });
});

// --- internal ---

/** The stored sentence when the catalog renders another English from the key. */
function drift(result: MetricEstimate | MetricUnavailable): string[] {
  const [ref, text] =
    "unavailable" in result ? [result.reasonRef, result.reason] : [result.methodRef, result.method];
  const rendered = renderMessage(ref ?? {}, "", "en");
  return rendered === text ? [] : [`${text} → ${rendered}`];
}

/** 1.1's mixed cluster against the H100's own run alone: the 910B3's share is scaled. */
function scaledThroughput(): MetricEstimate | MetricUnavailable {
  const evidence = {
    candidate: fixture("1.1-pass/cross-domain.csv"),
    "homogeneous-nvidia-h100-sxm": fixture("1.1-pass/homogeneous-h100.csv"),
  };
  const system = {
    accelerators: [
      { model: "nvidia-h100-sxm", count: 16 },
      { model: "huawei-ascend-910b3", count: 16 },
    ],
  };
  return trainingThroughput.evaluate({
    ...input(evidence, system),
    comparison: "loss",
    baselineRole: "homogeneous",
  });
}

function fixture(path: string): ParsedEvidence {
  const url = new URL(`../../../fixtures/${path}`, import.meta.url);
  return parseEvidence({ path: path.split("/").at(-1) as string, bytes: readFileSync(url) });
}

function input(evidence: Record<string, ParsedEvidence>, system: object): MeasureInput {
  return {
    evidence,
    system: { software: {}, ...system } as MeasureInput["system"],
    confidence: 0.95,
    seed: 20240,
    percentileMethod: "linear",
    comparison: "none",
    conditions: { vocab_size: 128256 },
    hardware: CATALOG,
  };
}
