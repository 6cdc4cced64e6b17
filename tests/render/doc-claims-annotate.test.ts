import { describe, expect, it } from "vitest";
import type { DocClaim, Report } from "../../src/model/report.ts";
import { annotatedDocumentPath, renderAnnotatedDocument } from "../../src/render/doc-claims-annotate.ts";
import { renderDocClaimsMarkdown } from "../../src/render/doc-claims-markdown.ts";

const claim = (over: Partial<DocClaim>): DocClaim => ({
  path: "docs/report.md",
  line: 1,
  column: 1,
  requirement: "1.2/tpot-p99-regression",
  text: "−4.5 %",
  value: -4.5,
  unit: "%",
  verdict: "pass",
  consistent: true,
  measured: { value: -4.469543029, low: -6.867183174, high: -2.985576902 },
  ...over,
});

const reportWith = (doc_claims: DocClaim[]) => ({ doc_claims }) as unknown as Report;

describe("renderAnnotatedDocument", () => {
  it("follows each Markdown mark with its verdict and measured value, matched by line and column", () => {
    const text =
      'TPOT [−4.5 %]{claim="1.2/tpot-p99-regression"} and\n- drift [−14.5 %]{claim="1.2/tpot-p99-regression"}\n';
    const report = reportWith([
      claim({ column: 6 }),
      claim({
        line: 2,
        column: 9,
        text: "−14.5 %",
        value: -14.5,
        verdict: "fail",
        consistent: false,
        finding: "CLAIM_MISMATCH",
      }),
    ]);
    expect(renderAnnotatedDocument(text, "fixtures/x/docs/report.md", report)).toEqual({
      text:
        'TPOT [−4.5 %]{claim="1.2/tpot-p99-regression"} ⟦✅ claimcheck: pass; measured -4.47 % \\[-6.867, -2.986\\]⟧ and\n' +
        '- drift [−14.5 %]{claim="1.2/tpot-p99-regression"} ⟦❌ claimcheck: fail CLAIM\\_MISMATCH; measured -4.47 % \\[-6.867, -2.986\\]⟧\n',
      annotated: 2,
      unmatched: 0,
    });
  });

  it("leaves a mark the report does not know (the document changed since) as it is", () => {
    const text = 'New [1 %]{claim="1.2/tpot-p99-regression"}';
    expect(renderAnnotatedDocument(text, "docs/report.md", reportWith([claim({ line: 9 })]))).toEqual({
      text,
      annotated: 0,
      unmatched: 1,
    });
  });

  it("names the copy beside the original, before its extension", () => {
    expect(["docs/report.md", "paper/main.tex", "NOTES"].map(annotatedDocumentPath)).toEqual([
      "docs/report.claimcheck.md",
      "paper/main.claimcheck.tex",
      "NOTES.claimcheck",
    ]);
  });
});

describe("renderDocClaimsMarkdown", () => {
  it("lists each document claim with its place, statement, measurement and verdict", () => {
    expect(renderDocClaimsMarkdown(reportWith([claim({ line: 11, column: 13 })]))).toEqual([
      "### Claims in the report document (1)",
      "",
      "| | Where | Requirement | Stated | Measured [bound] | Verdict |",
      "|---|---|---|---|---|---|",
      "| ✅ | `docs/report.md:11:13` | `1.2/tpot-p99-regression` | −4.5 % | -4.47 % [-6.867, -2.986] | **pass** |",
      "",
    ]);
  });

  it("adds nothing to a report that gated no document", () => {
    expect(renderDocClaimsMarkdown({} as Report)).toEqual([]);
  });
});
