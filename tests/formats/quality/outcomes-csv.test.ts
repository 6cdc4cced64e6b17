import { describe, expect, it } from "vitest";
import { outcomesCsv } from "../../../src/formats/quality/outcomes-csv.ts";
import { costCsv } from "../../../src/formats/system/cost-csv.ts";
import { checkPlausibility } from "../../../src/judge/plausibility.ts";
import { textFile } from "../serving/serving-test-helpers.ts";

describe("outcomes CSV", () => {
  it("reads success as 1/0 or true/false, and from expected = observed when success is empty", () => {
    const parsed = outcomesCsv.parse(
      textFile("o.csv", "item_id,success,expected,observed\na,1,,\nb,false,,\nc,,spam,spam\nd,,spam,ham\n"),
    );
    expect([parsed.findings, [...(parsed.outcomes?.success ?? [])]]).toEqual([[], [1, 0, 1, 0]]);
  });

  it("names a success cell that is neither, and an item judged twice in one trial", () => {
    const parsed = outcomesCsv.parse(textFile("o.csv", "item_id,success\na,maybe\nb,1\nb,1\n"));
    const all = [...parsed.findings, ...checkPlausibility("o.csv", parsed)];
    expect(all.map((f) => [f.code, f.location?.line, f.location?.column])).toEqual([
      ["OUTCOME_BAD_SUCCESS", 2, "success"],
      ["OUTCOME_DUPLICATE_ITEM", 4, "item_id"],
    ]);
  });
});

describe("cost CSV", () => {
  it("reads requests, GPU-hours and cost per scenario", () => {
    const parsed = costCsv.parse(textFile("c.csv", "scenario,requests,gpu_hours,cost\npeak,1000,2.5,90\n"));
    expect([parsed.findings, parsed.costs]).toEqual([
      [],
      [{ scenario: "peak", requests: 1000, gpuHours: 2.5, cost: 90, cu: Number.NaN, line: 2 }],
    ]);
  });
});
