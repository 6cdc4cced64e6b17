import { describe, expect, it } from "vitest";
import { trecQrels } from "../../../src/formats/quality/trec-qrels.ts";
import type { QualityEvidence } from "../../../src/model/quality.ts";
import { hasQualitySamples, readQualitySample, textFile } from "./quality-test-helpers.ts";

const parse = (text: string): QualityEvidence => trecQrels.parse(textFile("qrels.txt", text));

describe("trec-qrels", () => {
  it("reads judgments per query, keeping negative levels as unjudged", () => {
    const parsed = parse("0 0 D0 1\n0 0 D1 -1\n# c\n1 Q0 D3 2\n");
    expect({
      rows: parsed.rows,
      topics: [...(parsed.qrels?.topics ?? [])].map(([q, j]) => [q, [...j]]),
      findings: parsed.findings,
    }).toEqual({
      rows: 3,
      topics: [
        [
          "0",
          [
            ["D0", 1],
            ["D1", -1],
          ],
        ],
        ["1", [["D3", 2]]],
      ],
      findings: [],
    });
  });

  it("reports non-integer levels, short lines and duplicate judgments", () => {
    const parsed = parse("1 0 a 1\n1 0 b 0.5\n1 0 c\n1 0 a 0\n");
    expect(parsed.findings.map((f) => [f.code, f.location?.line, f.location?.column])).toEqual([
      ["TREC_BAD_RELEVANCE", 2, "rel"],
      ["TREC_FIELD_COUNT", 3, undefined],
      ["TREC_DUPLICATE_JUDGMENT", 4, "docno"],
    ]);
  });

  it("detects qrels but not runs", () => {
    expect(trecQrels.detect({ path: "q", head: "301 0 CR93E-1282 1\n302 0 X 0\n" })).toBe(0.8);
    expect(trecQrels.detect({ path: "r", head: "301 Q0 FR94 104 2.1 STANDARD\n" })).toBe(0);
  });
});

describe.skipIf(!hasQualitySamples)("trec-qrels on trec_eval's own test files", () => {
  if (!hasQualitySamples) return;

  it("reads qrels.test (3681 judgments of 3 topics) and qrels.rel_level without findings", () => {
    const binary = trecQrels.parse(readQualitySample("trec_eval/qrels.test"));
    const graded = trecQrels.parse(readQualitySample("trec_eval/qrels.rel_level"));
    expect([binary.rows, [...(binary.qrels?.topics.keys() ?? [])], binary.findings]).toEqual([
      3681,
      ["301", "302", "303"],
      [],
    ]);
    expect(graded.findings).toEqual([]);
  });
});
