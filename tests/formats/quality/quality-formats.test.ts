import { describe, expect, it } from "vitest";
import { detectFormat } from "../../../src/formats/parse-evidence.ts";
import { QUALITY_FORMATS } from "../../../src/formats/quality/quality-formats.ts";
import { FORMATS } from "../../../src/formats/registry.ts";
import { hasQualitySamples, readQualitySample } from "./quality-test-helpers.ts";

// The registry holds the quality formats too; check they are all there and every id is unique.
const ALL = FORMATS;

describe.skipIf(!hasQualitySamples)("quality formats are detected from content", () => {
  if (!hasQualitySamples) return;

  it.each([
    ["trec_eval/results.test", "trec-run"],
    ["trec_eval/qrels.test", "trec-qrels"],
    ["trec_eval/qrels.rel_level", "trec-qrels"],
    ["ir_measures/pytrec_eval_ndcg_fixture.run", "trec-run"],
    ["ir_measures/pytrec_eval_ndcg_fixture.qrels", "trec-qrels"],
    ["lm_eval/results_Qwen__Qwen2.5-1.5B_2025-03-03T00-05-12.300060.json", "lm-eval"],
    ["lm_eval/results_asdiv_Meta-Llama-3-8B-Instruct_2024-08-21T03-44-09.494230.json", "lm-eval"],
    ["lm_eval/samples_asdiv_Meta-Llama-3-8B-Instruct_2024-08-21T03-44-09.494230.jsonl", "lm-eval-samples"],
  ])("detects %s as %s", (name, id) => {
    expect(detectFormat(readQualitySample(name), undefined, ALL).adapter.id).toBe(id);
  });
});

describe("quality format ids", () => {
  it("are registered, unique, and do not clash with the serving formats", () => {
    const ids = ALL.map((f) => f.id);
    expect([new Set(ids).size, QUALITY_FORMATS.every((f) => ids.includes(f.id))]).toEqual([ids.length, true]);
  });
});
