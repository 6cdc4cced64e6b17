import { describe, expect, it } from "vitest";
import { opencompassCsv } from "../../../src/formats/quality/opencompass-csv.ts";
import { textFile } from "./quality-test-helpers.ts";

// The DefaultSummarizer layout (reference/quality-metrics.md §2.2): 0–100 scores, "-" for missing.
const SUMMARY = `dataset,version,metric,mode,internlm-chat-7b,qwen-7b
ceval-computer_network,db9ce2,accuracy,gen,42.11,-
ceval-operating_system,1c2571,accuracy,gen,47.37,52.63
ceval,-,naive_average,gen,44.74,52.63
gsm8k,1d7fe4,accuracy,gen,82.00 (7/8),n/a
`;

describe("opencompass-csv", () => {
  it("reads every model column as a fraction, group rows marked, missing cells skipped", () => {
    const parsed = opencompassCsv.parse(textFile("summary_20240101_000000.csv", SUMMARY));
    expect(
      parsed.accuracy?.scores.map((s) => [s.task, s.metric, s.model, s.value, s.n, s.group ?? false]),
    ).toEqual([
      ["ceval-computer_network", "accuracy", "internlm-chat-7b", 0.4211, Number.NaN, false],
      ["ceval-operating_system", "accuracy", "internlm-chat-7b", 0.4737, Number.NaN, false],
      ["ceval-operating_system", "accuracy", "qwen-7b", 0.5263, Number.NaN, false],
      ["ceval", "naive_average", "internlm-chat-7b", 0.4474, Number.NaN, true],
      ["ceval", "naive_average", "qwen-7b", 0.5263, Number.NaN, true],
      ["gsm8k", "accuracy", "internlm-chat-7b", 0.875, 8, false],
    ]);
  });

  it("reports a cell that is not a score with its line and model column, and notes the missing counts", () => {
    const parsed = opencompassCsv.parse(textFile("s.csv", SUMMARY));
    expect(parsed.findings.map((f) => [f.code, f.location?.line, f.location?.column])).toEqual([
      ["CSV_BAD_NUMBER", 5, "qwen-7b"],
      ["OPENCOMPASS_NO_COUNTS", undefined, undefined],
    ]);
  });

  it("detects the summary header", () => {
    expect(opencompassCsv.detect({ path: "s.csv", head: SUMMARY })).toBe(0.9);
    expect(opencompassCsv.detect({ path: "s.csv", head: "task,metric,value\n" })).toBe(0);
  });
});
