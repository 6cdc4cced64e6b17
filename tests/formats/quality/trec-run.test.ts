import { describe, expect, it } from "vitest";
import { parseEvidence } from "../../../src/formats/parse-evidence.ts";
import { QUALITY_FORMATS } from "../../../src/formats/quality/quality-formats.ts";
import { trecRun } from "../../../src/formats/quality/trec-run.ts";
import { FORMATS } from "../../../src/formats/registry.ts";
import type { QualityEvidence } from "../../../src/model/quality.ts";
import { hasQualitySamples, readQualitySample, textFile } from "./quality-test-helpers.ts";

const parse = (text: string): QualityEvidence => trecRun.parse(textFile("run.txt", text));

describe("trec-run", () => {
  it("reads topics in file order with sims, lines and the last line's run tag", () => {
    const parsed = parse(
      "# comment\n1 Q0 d1 1 2.5 bm25\n\n1 Q0 d2 2 1e-3 bm25\n2 Q0 d1 1 -0.5 tuned extra\n",
    );
    expect({
      rows: parsed.rows,
      runId: parsed.retrievalRun?.runId,
      topics: parsed.retrievalRun?.topics.map((t) => [t.qid, t.docnos, [...t.scores], [...t.lines]]),
      findings: parsed.findings,
    }).toEqual({
      rows: 3,
      runId: "tuned",
      topics: [
        ["1", ["d1", "d2"], [2.5, 0.001], [2, 4]],
        ["2", ["d1"], [-0.5], [5]],
      ],
      findings: [],
    });
  });

  it("keeps query ids as strings, never as numbers", () => {
    expect(parse("0301 Q0 d 1 1 r\n").retrievalRun?.topics[0]?.qid).toBe("0301");
  });

  it("reports short lines, junk scores and duplicate documents with their lines", () => {
    const parsed = parse("1 Q0 d1 1 2.5 r\n1 Q0 d2 2\n1 Q0 d3 3 2.5x r\n1 Q0 d1 4 1.0 r\n");
    expect(parsed.findings.map((f) => [f.code, f.location?.line, f.location?.column])).toEqual([
      ["TREC_FIELD_COUNT", 2, undefined],
      ["TREC_BAD_SCORE", 3, "score"],
      ["TREC_DUPLICATE_DOC", 4, "docno"],
    ]);
    expect(parsed.rows).toBe(1);
  });

  it("rejects a file with only comments as an input error", () => {
    expect(() => parse("# nothing\n\n")).toThrow(/run\.txt has no data lines/);
  });

  it("detects runs but not qrels", () => {
    expect(trecRun.detect({ path: "r", head: "301 Q0 FR94 104 2.129133 STANDARD\n" })).toBe(0.8);
    expect(trecRun.detect({ path: "q", head: "301 0 CR93E-1282 1\n" })).toBe(0);
  });
});

describe.skipIf(!hasQualitySamples)("trec-run on trec_eval's own test file", () => {
  if (!hasQualitySamples) return;

  it("reads results.test: 3 topics of 500 documents, run STANDARD, no findings", () => {
    const parsed = parseEvidence(readQualitySample("trec_eval/results.test"), undefined, [
      ...FORMATS,
      ...QUALITY_FORMATS,
    ]) as QualityEvidence;
    expect({
      format: parsed.format,
      rows: parsed.rows,
      topics: parsed.retrievalRun?.topics.map((t) => [t.qid, t.docnos.length]),
      runId: parsed.retrievalRun?.runId,
      findings: parsed.findings,
    }).toEqual({
      format: "trec-run",
      rows: 1500,
      topics: [
        ["301", 500],
        ["302", 500],
        ["303", 500],
      ],
      runId: "STANDARD",
      findings: [],
    });
  });
});
