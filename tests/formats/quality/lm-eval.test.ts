import { describe, expect, it } from "vitest";
import { lmEvalResults } from "../../../src/formats/quality/lm-eval.ts";
import { hasQualitySamples, readQualitySample, textFile } from "./quality-test-helpers.ts";

const QWEN = "lm_eval/results_Qwen__Qwen2.5-1.5B_2025-03-03T00-05-12.300060.json";
const ASDIV = "lm_eval/results_asdiv_Meta-Llama-3-8B-Instruct_2024-08-21T03-44-09.494230.json";

describe("lm-eval results, inline", () => {
  it("reads 0.3 legacy keys without a filter, with the stderr beside each metric", () => {
    const parsed = lmEvalResults.parse(
      textFile(
        "legacy.json",
        '{\n  "results": {\n    "arc_easy": {"acc": 0.75, "acc_stderr": 0.01, "acc_norm": 0.7, "acc_norm_stderr": 0.02}\n  },\n  "versions": {"arc_easy": 0},\n  "config": {"num_fewshot": 0, "limit": null}\n}\n',
      ),
    );
    expect([parsed.accuracy, parsed.findings]).toEqual([
      {
        scores: [
          {
            task: "arc_easy",
            metric: "acc",
            value: 0.75,
            n: Number.NaN,
            stderr: 0.01,
            line: 3,
            version: "0",
          },
          {
            task: "arc_easy",
            metric: "acc_norm",
            value: 0.7,
            n: Number.NaN,
            stderr: 0.02,
            line: 3,
            version: "0",
          },
        ],
        topLevel: ["arc_easy"],
      },
      [],
    ]);
  });

  it("splits 0.4 keys at the last comma, reads an N/A stderr as unknown", () => {
    const parsed = lmEvalResults.parse(
      textFile(
        "r.json",
        '{"results": {"gsm8k": {"alias": "gsm8k", "exact_match,strict-match": 0.5, "exact_match_stderr,strict-match": "N/A"}},\n "n-samples": {"gsm8k": {"original": 4, "effective": 4}}, "n-shot": {"gsm8k": 5}}',
      ),
    );
    expect(parsed.accuracy?.scores).toEqual([
      {
        task: "gsm8k",
        metric: "exact_match",
        filter: "strict-match",
        value: 0.5,
        n: 4,
        stderr: Number.NaN,
        line: 1,
        nShot: 5,
      },
    ]);
  });

  it("flags a file without results", () => {
    const parsed = lmEvalResults.parse(textFile("x.json", '{"config": {}}'));
    expect(parsed.findings.map((f) => f.code)).toEqual(["LM_EVAL_NO_RESULTS"]);
  });
});

describe.skipIf(!hasQualitySamples)("lm-eval results, real files", () => {
  if (!hasQualitySamples) return;

  it("recomputes mmlu from its 57 leaf subtasks: acc 0.5961401509756445, stderr 0.003908188894751123", () => {
    const parsed = lmEvalResults.parse(readQualitySample(QWEN));
    const mmlu = parsed.accuracy?.scores.find((s) => s.task === "mmlu");
    expect(mmlu?.group).toBe(true);
    expect(mmlu?.value).toBeCloseTo(0.5961401509756445, 15);
    expect(mmlu?.stderr).toBeCloseTo(0.003908188894751123, 15);
    expect(mmlu?.n).toBe(14042);
    expect(parsed.findings).toEqual([]);
  });

  it("lists the top-level tasks, with mmlu once and none of its subgroups", () => {
    const parsed = lmEvalResults.parse(readQualitySample(QWEN));
    expect(parsed.accuracy?.topLevel).toEqual([
      "arc_challenge",
      "arc_easy",
      "cola",
      "hellaswag",
      "lambada_openai",
      "mmlu",
      "mnli",
      "mnli_mismatch",
      "mrpc",
      "piqa",
      "qnli",
      "qqp",
      "rte",
      "sciq",
      "sst2",
      "winogrande",
      "wnli",
    ]);
  });

  it("reads arc_easy acc and acc_norm with their n from n-samples", () => {
    const scores = lmEvalResults.parse(readQualitySample(QWEN)).accuracy?.scores ?? [];
    expect(
      scores.filter((s) => s.task === "arc_easy").map((s) => [s.metric, s.value, s.n, s.stderr, s.nShot]),
    ).toEqual([
      ["acc", 0.7542087542087542, 2376, 0.00883480936639149, 0],
      ["acc_norm", 0.7201178451178452, 2376, 0.009212077524656536, 0],
    ]);
  });

  it("flags the asdiv run: --limit 50 and 50 of 2305 documents", () => {
    const parsed = lmEvalResults.parse(readQualitySample(ASDIV));
    expect(parsed.findings.map((f) => [f.code, f.location?.column])).toEqual([
      ["LM_EVAL_LIMIT", "config.limit"],
      ["LM_EVAL_PARTIAL", "n-samples.asdiv.effective"],
    ]);
    expect(parsed.context?.limit).toBe(50);
  });
});
