import { describe, expect, it } from "vitest";
import { generationCsv } from "../../../src/formats/quality/generation-csv.ts";
import type { MetricEstimate, MetricUnavailable } from "../../../src/measure/metric.ts";
import { resolveQualityMetric } from "../../../src/measure/quality/quality-metrics.ts";
import { textFile } from "../../formats/quality/quality-test-helpers.ts";
import { qualityInput } from "./quality-test-input.ts";

const pairs = (rows: string[][]) =>
  generationCsv.parse(
    textFile("pairs.csv", `item_id,reference,prediction\n${rows.map((r) => r.join(",")).join("\n")}\n`),
  );
const REFS = ["今天天气很好，我们去公园散步。", "他很喜欢看书。", "会议下午3点开始。"];
const candidate = pairs(
  REFS.map((r, i) => [
    String(i),
    r,
    ["今天天气不错，我们去公园走走。", "他喜欢读书。", "会议在下午三点开始。"][i] as string,
  ]),
);
const baseline = pairs(
  REFS.map((r, i) => [String(i), r, ["今天天气好。", "他读书。", "开会。"][i] as string]),
);
const rougeL = resolveQualityMetric("generation.rouge_l");
const bleu = resolveQualityMetric("generation.bleu");

describe("generation.rouge_l on Chinese", () => {
  it("is an error, not 0, when the claim declares the English tokenizer", () => {
    const result = rougeL?.evaluate(
      qualityInput({ candidate }, "none", { tokenizer: "default" }),
    ) as MetricUnavailable;
    expect([result.unavailable, result.findings?.map((f) => [f.code, f.severity])]).toEqual([
      "invalid",
      [["GENERATION_TOKENIZER_DROPS_CJK", "error"]],
    ]);
  });

  it("scores characters when declared: mean ROUGE-L F 0.7477 (hand computation in Python)", () => {
    const result = rougeL?.evaluate(
      qualityInput({ candidate }, "none", { tokenizer: "char" }),
    ) as MetricEstimate;
    expect(result.value).toBeCloseTo(0.7477032771150419, 12);
    expect([result.n, result.findings]).toEqual([3, []]);
  });

  it("uses characters with a warning when nothing is declared", () => {
    const result = rougeL?.evaluate(qualityInput({ candidate })) as MetricEstimate;
    expect(result.findings?.map((f) => f.code)).toEqual(["GENERATION_TOKENIZER_UNDECLARED"]);
  });

  it("measures the improvement over the baseline's outputs as a ratio of means, paired by item", () => {
    const result = rougeL?.evaluate(
      qualityInput({ candidate, baseline }, "improvement", { tokenizer: "char" }),
    ) as MetricEstimate;
    expect(result.value).toBeCloseTo(0.8692581927876049, 12);
    expect(result.baseline).toBeCloseTo(0.4, 12);
    expect(result.method).toBe(
      "mean ROUGE-L F over items (rouge-score semantics, tokenizer char, no stemming) 0.7477 vs baseline 0.4; paired bootstrap over 3 items, 10000 resamples, seed 20240",
    );
  });

  it("flags references that differ between the two files", () => {
    const other = pairs([
      ["0", "别的参考", "今天天气好。"],
      ["1", REFS[1] as string, "他读书。"],
      ["2", REFS[2] as string, "开会。"],
    ]);
    const result = rougeL?.evaluate(
      qualityInput({ candidate, baseline: other }, "improvement", { tokenizer: "char" }),
    ) as MetricEstimate;
    expect(result.findings?.map((f) => f.code)).toEqual(["GENERATION_REFERENCES_DIFFER"]);
  });
});

describe("generation.bleu", () => {
  it("computes corpus BLEU with tok:zh as sacreBLEU does (41.67446366789466)", () => {
    const result = bleu?.evaluate(qualityInput({ candidate }, "none", { tokenizer: "zh" })) as MetricEstimate;
    // sacrebleu 2.6.0 corpus_bleu(hyps, [refs], tokenize="zh")
    expect(result.value).toBeCloseTo(41.67446366789466, 10);
    expect(result.method).toBe(
      "corpus BLEU (sacreBLEU nrefs:1|case:mixed|eff:no|tok:zh|smooth:exp); bootstrap over 3 segments, 10000 resamples, seed 20240",
    );
  });

  it("refuses tok:13a on Chinese text", () => {
    const result = bleu?.evaluate(
      qualityInput({ candidate }, "none", { tokenizer: "13a" }),
    ) as MetricUnavailable;
    expect(result.unavailable).toBe("invalid");
  });

  it("reproduces the one-reference sacreBLEU vector, 45.06750632106114 with tok:13a", () => {
    const english = pairs([
      ["a", "The dog bit the man.", "The dog bit the man."],
      ["b", "It was not unexpected.", "It wasn't surprising."],
      ["c", "The man bit him first.", "The man had just bitten him."],
    ]);
    const result = bleu?.evaluate(qualityInput({ candidate: english })) as MetricEstimate;
    // sacrebleu 2.6.0 corpus_bleu(hyps, [refs[0]])
    expect(result.value).toBeCloseTo(45.06750632106114, 10);
  });
});
