import { describe, expect, it } from "vitest";
import { parseEvidence } from "../../../src/formats/parse-evidence.ts";
import { msmarcoRun } from "../../../src/formats/quality/trec-msmarco-run.ts";
import { rankTopic } from "../../../src/measure/quality/retrieval.ts";
import { textFile } from "../collective/collective-test-helpers.ts";

describe("MS MARCO run", () => {
  it("orders passages by the rank column, not the file, with score 1 / rank", () => {
    const parsed = parseEvidence(
      textFile("run.tsv", "7\tp3\t3\n7\tp1\t1\n7\tp2\t2\n8\tp9\t1\n"),
      "msmarco-run",
    );
    const topic = parsed.retrievalRun?.topics[0];
    expect({
      format: parsed.format,
      scores: [...(topic?.scores ?? [])],
      ranked: topic === undefined ? [] : rankTopic(topic),
      findings: parsed.findings,
    }).toEqual({ format: "msmarco-run", scores: [1 / 3, 1, 0.5], ranked: ["p1", "p2", "p3"], findings: [] });
  });

  it("rejects a passage ranked twice, two passages at one rank and a rank that is not a whole number from 1", () => {
    const parsed = msmarcoRun.parse(
      textFile("run.tsv", "1\ta\t1\n1\ta\t2\n1\tb\t1\n1\tc\t0\n1\td\t2.5\n1\te\n"),
    );
    expect(parsed.findings.map((f) => [f.code, f.location?.line, f.location?.column])).toEqual([
      ["TREC_DUPLICATE_DOC", 2, "pid"],
      ["MSMARCO_DUPLICATE_RANK", 3, "rank"],
      ["MSMARCO_BAD_RANK", 4, "rank"],
      ["MSMARCO_BAD_RANK", 5, "rank"],
      ["TREC_FIELD_COUNT", 6, undefined],
    ]);
  });

  it("is not taken for BEIR qrels without their header, which hold 1s", () => {
    expect(
      msmarcoRun.detect({ path: "q.tsv", head: "1\t31715818\t1\n3\t14717500\t1\n5\t13734012\t1\n" }),
    ).toBe(0);
  });
});
