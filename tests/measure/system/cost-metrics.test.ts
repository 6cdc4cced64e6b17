import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseEvidence } from "../../../src/formats/parse-evidence.ts";
import type { MeasureInput, MetricEstimate, MetricUnavailable } from "../../../src/measure/metric.ts";
import { costPer1k } from "../../../src/measure/system/cost-metrics.ts";
import type { MessageRef } from "../../../src/model/message.ts";
import { renderMessage } from "../../../src/render/catalog/index.ts";

const FIXTURES = new URL("../../../fixtures/", import.meta.url);

describe("cost per 1k requests against a baseline", () => {
  it("compares CNY with CNY when both files give cost", () => {
    const { methodRef, ...estimate } = costPer1k.evaluate(
      input("5.7-pass/cost-optimized.csv", "5.7-pass/cost-baseline.csv"),
    ) as MetricEstimate;
    expect(inBothLanguages(methodRef)).toEqual([
      estimate.method,
      "候选每千个请求成本 1.845（2 个场景），基线每千个请求成本 2.957（2 个场景）；为声明值，无抽样置信界",
    ]);
    expect(estimate).toEqual({
      value: 1 - 5166 / 8280,
      low: 1 - 5166 / 8280,
      high: 1 - 5166 / 8280,
      n: 2,
      method:
        "1.845 cost per 1k requests over 2 scenario(s) vs baseline 2.957 cost per 1k requests over 2 scenario(s); declared figures, no sampling bound",
      candidate: 5166 / 2800,
      baseline: 8280 / 2800,
    });
  });

  it("falls back to GPU-hours on both sides when one side gives only GPU-hours", () => {
    const result = costPer1k.evaluate(
      input("5.7-cost-units/cost-optimized.csv", "5.7-pass/cost-baseline.csv"),
    );
    expect("value" in result ? [result.candidate, result.baseline] : result).toEqual([
      143.5 / 2800,
      230 / 2800,
    ]);
  });

  it("refuses GPU-hours against CNY", () => {
    const { reasonRef, ...unavailable } = costPer1k.evaluate(
      input("5.7-cost-units/cost-optimized.csv", "5.7-cost-units/cost-baseline.csv"),
    ) as MetricUnavailable;
    expect(unavailable).toEqual({
      unavailable: "invalid",
      reason:
        "The candidate and baseline cost files share no column filled on every row (cost or gpu_hours); give the same one in both.",
    });
    expect(inBothLanguages(reasonRef)).toEqual([
      unavailable.reason,
      "候选与基线成本文件没有一列是两者每行都填写的（`cost` 或 `gpu_hours`）；请在两个文件中填写同一列。",
    ]);
  });
});

// --- internal ---

/** A stored sentence rendered from its key, in English (the stored text) and in Chinese. */
function inBothLanguages(ref: MessageRef | undefined): string[] {
  return ref === undefined ? [] : [renderMessage(ref, "", "en"), renderMessage(ref, "", "zh")];
}

function input(candidate: string, baseline: string): MeasureInput {
  const parse = (path: string) =>
    parseEvidence({ path, bytes: new Uint8Array(readFileSync(new URL(path, FIXTURES))) });
  return {
    evidence: { "cost-candidate": parse(candidate), "cost-baseline": parse(baseline) },
    system: { accelerators: [], software: {} },
    confidence: 0.95,
    seed: 1,
    percentileMethod: "linear",
    comparison: "improvement",
    conditions: {},
    baselineRole: "baseline",
  };
}
