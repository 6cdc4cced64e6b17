import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lmEvalSamples, taskOfSamplesFile } from "../../../src/formats/quality/lm-eval-samples.ts";
import { findingText } from "../../../src/render/localize.ts";
import { hasQualitySamples, QUALITY_SAMPLES, textFile } from "./quality-test-helpers.ts";

describe("lm-eval samples, inline", () => {
  it("averages each metric over unique documents per filter", () => {
    const text = [
      '{"doc_id": 0, "filter": "strict-match", "metrics": ["exact_match"], "exact_match": 1.0, "resps": []}',
      '{"doc_id": 1, "filter": "strict-match", "metrics": ["exact_match"], "exact_match": 0.0, "resps": []}',
      '{"doc_id": 0, "filter": "flexible-extract", "metrics": ["exact_match"], "exact_match": 1.0, "resps": []}',
      '{"doc_id": 1, "filter": "strict-match", "metrics": ["exact_match"], "exact_match": 1.0, "resps": []}',
    ].join("\n");
    const parsed = lmEvalSamples.parse(textFile("samples_gsm8k_2024-05-01T10-00-00.123456.jsonl", text));
    expect({
      scores: parsed.accuracy?.scores.map((s) => [s.task, s.metric, s.filter, s.value, s.n]),
      findings: parsed.findings.map((f) => [f.code, f.location?.line]),
    }).toEqual({
      scores: [
        ["gsm8k", "exact_match", "strict-match", 0.5, 2],
        ["gsm8k", "exact_match", "flexible-extract", 1, 1],
      ],
      findings: [["LM_EVAL_SAMPLE_DUPLICATE", 4]],
    });
  });

  it("words each finding of a broken file from its catalog key in either language", () => {
    const text = [
      "[1, 2]",
      '{"filter": "none", "acc": 1}',
      '{"doc_id": 0, "filter": "none", "metrics": ["f1"], "f1": [0.5, 0.4]}',
      '{"doc_id": 0, "filter": "none", "acc": 1}',
      '{"doc_id": 0, "filter": "none", "acc": 0}',
    ].join("\n");
    const parsed = lmEvalSamples.parse(textFile("samples_squad_2024-05-01T10-00-00.123456.jsonl", text));
    const words = (lang: "en" | "zh") => parsed.findings.map((f) => findingText(f, lang));
    expect(words("en")).toEqual(parsed.findings.map((f) => f.message));
    expect(words("zh")).toEqual([
      "第 1 行不是样本对象；请提交 lm_eval 原样写出的样本文件。",
      "有样本缺少 doc_id（首次出现在第 2 行）；请提交 lm_eval 原样写出的样本文件。",
      "指标 f1 不是逐样本的数值（它在整个语料上聚合，如 f1 或 BLEU），因此不从样本重算。",
      "文档 0 在 acc（none）中出现了两次；保留第一次出现的，与 lm-eval 只为不重复的文档评分一致。",
    ]);
  });

  it("takes the task from the file name, keeping underscores inside it", () => {
    expect(taskOfSamplesFile("out/samples_mmlu_abstract_algebra_2025-03-03T00-05-12.300060.jsonl")).toBe(
      "mmlu_abstract_algebra",
    );
  });
});

describe.skipIf(!hasQualitySamples)("lm-eval samples, the asdiv pair", () => {
  if (!hasQualitySamples) return;

  it("reproduces the results file: acc 0.92, stderr 0.0387561713321444 over 50 documents", () => {
    const bytes = readFileSync(
      new URL(
        "lm_eval/samples_asdiv_Meta-Llama-3-8B-Instruct_2024-08-21T03-44-09.494230.jsonl",
        QUALITY_SAMPLES,
      ),
    );
    // The harness wrote it as samples_asdiv_<datetime>.jsonl (SOURCES.md §3); the model was added when saved.
    const parsed = lmEvalSamples.parse({ path: "samples_asdiv_2024-08-21T03-44-09.494230.jsonl", bytes });
    const acc = parsed.accuracy?.scores.find((s) => s.metric === "acc");
    expect([acc?.task, acc?.filter, acc?.n, acc?.value, parsed.findings]).toEqual([
      "asdiv",
      "none",
      50,
      0.92,
      [],
    ]);
    expect(acc?.stderr).toBeCloseTo(0.0387561713321444, 16);
  });
});
