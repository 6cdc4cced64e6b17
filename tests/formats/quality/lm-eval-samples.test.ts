import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lmEvalSamples, taskOfSamplesFile } from "../../../src/formats/quality/lm-eval-samples.ts";
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
