import { describe, expect, it } from "vitest";
import { parseEvidence } from "../../../src/formats/parse-evidence.ts";
import { beirQrels } from "../../../src/formats/quality/trec-beir-qrels.ts";
import { textFile } from "../collective/collective-test-helpers.ts";

describe("BEIR qrels", () => {
  it("is detected by its header and reads graded scores per query, CRLF or not", () => {
    const parsed = parseEvidence(
      textFile("test.tsv", "query-id\tcorpus-id\tscore\r\nq1\td1\t2\r\nq1\td2\t0\r\nq2\td1\t1\r\n"),
    );
    expect({
      format: parsed.format,
      rows: parsed.rows,
      topics: [...(parsed.qrels?.topics ?? [])].map(([q, j]) => [q, [...j]]),
      findings: parsed.findings,
    }).toEqual({
      format: "beir-qrels",
      rows: 3,
      topics: [
        [
          "q1",
          [
            ["d1", 2],
            ["d2", 0],
          ],
        ],
        ["q2", [["d1", 1]]],
      ],
      findings: [],
    });
  });

  it("reports what BEIR's loader would choke on or silently change", () => {
    const parsed = beirQrels.parse(
      textFile("test.tsv", "q0\td0\t1\nq1\td1\t1.0\nq1\td2\nq1\td3\t1\nq1\td3\t2\n"),
    );
    expect({
      findings: parsed.findings.map((f) => [f.code, f.severity, f.location?.line]),
      kept: parsed.qrels?.topics.get("q1")?.get("d3"),
      rows: parsed.rows,
    }).toEqual({
      findings: [
        ["BEIR_QRELS_NO_HEADER", "warning", 1],
        ["TREC_BAD_RELEVANCE", "error", 2],
        ["TREC_FIELD_COUNT", "error", 3],
        ["TREC_DUPLICATE_JUDGMENT", "warning", 5],
      ],
      kept: 2,
      rows: 2,
    });
  });
});
