import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseEvidence } from "../../../src/formats/parse-evidence.ts";
import { trecRun } from "../../../src/formats/quality/trec-run.ts";
import { isUnavailable, type MeasureInput, type MetricDefinition } from "../../../src/measure/metric.ts";
import { accuracyMean } from "../../../src/measure/quality/accuracy-metrics.ts";
import { longContextAccuracy } from "../../../src/measure/quality/long-context-accuracy.ts";
import { OUTCOME_METRICS } from "../../../src/measure/quality/outcome-metrics.ts";
import { resolveQualityMetric } from "../../../src/measure/quality/quality-metrics.ts";
import { longContextTtft, maxInputTokens } from "../../../src/measure/serving/long-context-metrics.ts";
import type { ParsedEvidence } from "../../../src/model/evidence.ts";
import type { Comparison } from "../../../src/model/topic.ts";
import { renderMessage } from "../../../src/render/catalog/index.ts";
import { qualityInput } from "../../measure/quality/quality-test-input.ts";

/**
 * The quality and long-context metrics store each method line twice: as English and as a catalog
 * key with params. Evaluated on the examples' real files, in every branch the examples do not all
 * reach (absolute and relative, paired and unpaired, BLEU, pass^k, missing files), the catalog's
 * English must be the stored sentence, or an English report re-rendered from its keys would change.
 */
const read = (path: string): ParsedEvidence =>
  parseEvidence({ path, bytes: readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url)) });

const run = read("1.4-pass/run.txt");
const bm25 = read("1.4-pass/bm25.txt");
const qrels = read("1.4-pass/qrels.txt");
const answers = read("1.4-pass/answers.csv");
const answersBaseline = read("1.4-pass/answers-baseline.csv");
const outcomes = read("1.4-pass/outcomes.csv");
const evaluator = read("2.1-pass/evaluator.csv");
const tasks = read("2.1-pass/tasks.csv");
const faults = read("2.2-pass/faults.csv");
const faultsBaseline = read("2.2-pass/faults-baseline.csv");
const accuracy = read("5.5-pass/accuracy-2bit.json");
const accuracyBaseline = read("5.5-pass/accuracy-bf16.json");
const longCandidate = read("5.1-pass/candidate.json");
const scoresNothing = trecRun.parse({
  path: "none.run",
  bytes: new TextEncoder().encode("q1 Q0 zz 1 1 b\n"),
});
const chinese = parseEvidence({
  path: "pairs.csv",
  bytes: new TextEncoder().encode("item_id,reference,prediction\n1,今天天气很好。,今天天气不错。\n"),
});
const sota = read("5.1-pass/sota.json");

const metric = (id: string): MetricDefinition =>
  (resolveQualityMetric(id) ?? OUTCOME_METRICS.find((m) => m.id === id)) as MetricDefinition;

const CASES: Array<[string, MetricDefinition, MeasureInput]> = [
  ["ndcg@10", metric("retrieval.ndcg@10"), input({ candidate: run, qrels })],
  [
    "ndcg@10 change",
    metric("retrieval.ndcg@10"),
    input({ candidate: run, baseline: bm25, qrels }, "improvement"),
  ],
  [
    "ndcg@10 over a baseline that scores 0",
    metric("retrieval.ndcg@10"),
    input({ candidate: run, baseline: scoresNothing, qrels }, "improvement"),
  ],
  ["ndcg@10 without baseline", metric("retrieval.ndcg@10"), input({ candidate: run, qrels }, "improvement")],
  ["ndcg@10 without qrels", metric("retrieval.ndcg@10"), input({ candidate: run })],
  ["rouge_l", metric("generation.rouge_l"), input({ candidate: answers })],
  [
    "bleu change",
    metric("generation.bleu"),
    input({ candidate: answers, baseline: answersBaseline }, "improvement"),
  ],
  [
    "rouge_l unknown tokenizer",
    metric("generation.rouge_l"),
    input({ candidate: answers }, "none", undefined, { tokenizer: "jieba" }),
  ],
  [
    "bleu unknown tokenizer",
    metric("generation.bleu"),
    input({ candidate: answers }, "none", undefined, { tokenizer: "spm" }),
  ],
  [
    "rouge_l English tokenizer on Chinese",
    metric("generation.rouge_l"),
    input({ candidate: chinese }, "none", undefined, { tokenizer: "default" }),
  ],
  [
    "bleu English tokenizer on Chinese",
    metric("generation.bleu"),
    input({ candidate: chinese }, "none", undefined, { tokenizer: "13a" }),
  ],
  ["bleu without baseline", metric("generation.bleu"), input({ candidate: answers }, "improvement")],
  [
    "error_rate paired",
    metric("outcomes.error_rate"),
    input({ candidate: outcomes, baseline: outcomes }, "improvement"),
  ],
  [
    "error_rate unpaired",
    metric("outcomes.error_rate"),
    input({ candidate: outcomes, baseline: evaluator }, "improvement"),
  ],
  [
    "error_rate without baseline",
    metric("outcomes.error_rate"),
    input({ candidate: outcomes }, "improvement"),
  ],
  ["success_rate over trials", metric("outcomes.success_rate"), input({ candidate: tasks })],
  ["latency p50", metric("outcomes.latency_ms.p50"), input({ candidate: faults })],
  [
    "latency p50 change",
    metric("outcomes.latency_ms.p50"),
    input({ candidate: faults, baseline: faultsBaseline }, "improvement"),
  ],
  ["latency without values", metric("outcomes.latency_ms.p50"), input({ candidate: tasks })],
  ["pass^2", metric("outcomes.pass^2"), input({ candidate: tasks })],
  ["pass^2 change", metric("outcomes.pass^2"), input({ candidate: tasks, baseline: tasks }, "improvement")],
  ["pass^9", metric("outcomes.pass^9"), input({ candidate: tasks })],
  ["accuracy mean", accuracyMean, input({ candidate: accuracy })],
  ["accuracy loss", accuracyMean, input({ candidate: accuracy, baseline: accuracyBaseline }, "loss")],
  [
    "accuracy without the declared metric",
    accuracyMean,
    input({ candidate: accuracy }, "none", undefined, { metric: "f1" }),
  ],
  [
    "accuracy of an absent model",
    accuracyMean,
    input({ candidate: accuracy }, "none", undefined, { model: "gpt-9" }),
  ],
  ["long-context accuracy without such tasks", longContextAccuracy, input({ candidate: accuracy })],
  ["accuracy without baseline", accuracyMean, input({ candidate: accuracy }, "loss")],
  ["longest input", maxInputTokens, input({ candidate: longCandidate, sota }, "none", "sota")],
  ["longest input alone", maxInputTokens, input({ candidate: longCandidate })],
  ["long-context ttft", longContextTtft, input({ candidate: longCandidate })],
  [
    "long-context ttft change",
    longContextTtft,
    input({ candidate: longCandidate, sota }, "improvement", "sota"),
  ],
  [
    "long-context ttft without sota",
    longContextTtft,
    input({ candidate: longCandidate }, "improvement", "sota"),
  ],
];

describe("quality and long-context method lines in the catalog", () => {
  const rendered = CASES.map(([name, definition, measureInput]) => {
    const result = definition.evaluate(measureInput);
    const [stored, ref] = isUnavailable(result)
      ? [result.reason, result.reasonRef]
      : [result.method, result.methodRef];
    return { name, stored, ref, findings: result.findings ?? [] };
  });

  it("carries a key for every sentence and finding, whose English is the stored one", () => {
    const drift = rendered.flatMap(({ name, stored, ref }) =>
      ref === undefined
        ? [`${name}: no key`]
        : renderMessage(ref, "", "en") === stored
          ? []
          : [`${name}: ${stored} → ${renderMessage(ref, "", "en")}`],
    );
    const findingDrift = rendered.flatMap(({ name, findings }) =>
      findings.flatMap((f) => {
        const en = renderMessage({ key: f.code, params: f.params }, "", "en");
        return en === f.message ? [] : [`${name} ${f.code}: ${f.message} → ${en}`];
      }),
    );
    expect([...drift, ...findingDrift]).toEqual([]);
  });

  it("reads in Chinese, with ids, tool names and numbers kept", () => {
    const zh = (name: string) => {
      const ref = rendered.find((r) => r.name === name)?.ref;
      return ref === undefined ? undefined : renderMessage(ref, "", "zh");
    };
    expect(
      ["bleu change", "error_rate unpaired", "pass^2", "long-context ttft", "ndcg@10 without baseline"].map(
        zh,
      ),
    ).toMatchInlineSnapshot(`
      [
        "语料级 BLEU（sacreBLEU nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp）：候选 33.5658，基线 17.4142；400 个句段上的配对自助法，10000 次重抽样，种子 20240",
        "outcomes.error_rate：候选 0.079（1000 个条目），基线 0.108（500 个条目）；条目上的非配对自助法（两个文件判定的条目不同），1000 次重抽样，种子 20240",
        "pass^2 = 各任务 C(c,2)/C(n,2) 的均值（τ-bench display_metrics），120 个任务 × 4 次试验；120 个任务上的自助法，10000 次重抽样，种子 20240",
        "输入为 117965–131072 tokens（最长上下文分桶）的 30 个成功请求的 p99 TTFT（线性插值）；次序统计量置信界：30 个请求在置信水平 0.95 下不足以给出置信界（至少需要 368 个）",
        "未提交基线 TREC 检索结果；提升是相对该检索结果测得的，而不是相对已发表的数字。",
      ]
    `);
  });
});

// --- internal ---

function input(
  evidence: Record<string, ParsedEvidence>,
  comparison: Comparison = "none",
  baselineRole?: string,
  conditions: MeasureInput["conditions"] = {},
): MeasureInput {
  const base = qualityInput(evidence, comparison, conditions);
  return baselineRole === undefined ? base : { ...base, baselineRole };
}
