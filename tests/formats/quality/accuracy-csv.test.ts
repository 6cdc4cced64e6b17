import { describe, expect, it } from "vitest";
import { accuracyCsv } from "../../../src/formats/quality/accuracy-csv.ts";
import { textFile } from "./quality-test-helpers.ts";

describe("accuracy-csv", () => {
  it("reads one score per row with n and stderr", () => {
    const parsed = accuracyCsv.parse(
      textFile(
        "acc.csv",
        "task,metric,value,n,stderr\narc_easy,acc,0.7542,2376,0.0088\npiqa,acc,0.7573,1838,\n",
      ),
    );
    expect([parsed.accuracy, parsed.findings]).toEqual([
      {
        scores: [
          { task: "arc_easy", metric: "acc", value: 0.7542, n: 2376, stderr: 0.0088, line: 2 },
          { task: "piqa", metric: "acc", value: 0.7573, n: 1838, stderr: Number.NaN, line: 3 },
        ],
      },
      [],
    ]);
  });

  it("rejects a percentage written as a fraction metric, and reports a missing value column once", () => {
    const parsed = accuracyCsv.parse(textFile("acc.csv", "task,metric,value\narc_easy,acc,75.42\n"));
    expect(parsed.findings.map((f) => [f.code, f.location?.line, f.location?.column])).toEqual([
      ["ACCURACY_OUT_OF_RANGE", 2, "value"],
    ]);
    const noValue = accuracyCsv.parse(textFile("b.csv", "task,metric\narc_easy,acc\n"));
    expect(noValue.findings.map((f) => [f.code, f.location?.column])).toEqual([
      ["CSV_MISSING_COLUMN", "value"],
    ]);
  });

  it("throws an input error for an empty file", () => {
    expect(() => accuracyCsv.parse(textFile("e.csv", ""))).toThrow(/e\.csv is empty/);
  });
});
