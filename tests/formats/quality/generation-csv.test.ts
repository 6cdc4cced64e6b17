import { describe, expect, it } from "vitest";
import { generationCsv } from "../../../src/formats/quality/generation-csv.ts";
import { textFile } from "./quality-test-helpers.ts";

describe("generation-csv", () => {
  it("reads pairs, multi-line quoted text included, with each item's first line", () => {
    const parsed = generationCsv.parse(
      textFile("pairs.csv", 'item_id,reference,prediction\n1,"第一行\n第二行",第一行\n2,ref,pred\n'),
    );
    const g = parsed.generation;
    expect([g?.itemId, g?.reference, g?.prediction, [...(g?.lines ?? [])], parsed.findings]).toEqual([
      ["1", "2"],
      ["第一行\n第二行", "ref"],
      ["第一行", "pred"],
      [2, 4],
      [],
    ]);
  });

  it("reports a missing prediction column", () => {
    const parsed = generationCsv.parse(textFile("p.csv", "item_id,reference\n1,a\n"));
    expect(parsed.findings.map((f) => [f.code, f.location?.column])).toEqual([
      ["CSV_MISSING_COLUMN", "prediction"],
    ]);
  });
});
