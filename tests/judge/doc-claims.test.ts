import { describe, expect, it } from "vitest";
import { addDocumentClaims, readDocumentMarks } from "../../src/judge/doc-claim-marks.ts";
import { applyDocClaims } from "../../src/judge/doc-claims.ts";
import { baseResult } from "../../src/judge/judge-target.ts";
import { SubmissionSchema } from "../../src/model/manifest.ts";
import type { RequirementResult } from "../../src/model/report.ts";
import type { TargetRequirement, Topic } from "../../src/model/topic.ts";
import { readTopic } from "../../src/read/read-topics.ts";

const topic = (await readTopic("1.2"))[0] as Topic;
const target = (id: string) => topic.requirements.find((r) => r.id === id) as TargetRequirement;

/** A judged requirement as the judge leaves it: measured -4.47 % [-6.867, -2.986], pass. */
function measured(id: string, value: number): RequirementResult {
  return {
    ...baseResult(target(id)),
    verdict: "pass",
    reason: "Measured meets the target.",
    findings: [],
    measured: { value, low: value - 2, high: value + 1, n: 2995, method: "paired bootstrap" },
  };
}

const submission = (claims: unknown[] = []) =>
  SubmissionSchema.parse({ topic: "1.2", team: "T", claims, claims_from: ["docs/report.md"] });

describe("readDocumentMarks", () => {
  it("names an unknown requirement, a deliverable, an unreadable number and a wrong unit at their lines", () => {
    const text = [
      '[−3.1 %]{claim="1.2/ttft-p95-regression"}',
      '[2]{claim="1.2/patents"}',
      '[about 5 %]{claim="1.2/tpot-p99-regression"}',
      '[12 ms]{claim="1.2/e2e-p99-regression"}',
    ].join("\n\n");
    const read = readDocumentMarks(topic, [{ path: "docs/report.md", text }]);
    expect(
      read.marks.map((m) => [m.mark.line, m.finding?.code, m.finding?.location, m.finding?.params]),
    ).toEqual([
      [
        1,
        "DOC_CLAIM_UNKNOWN_REQUIREMENT",
        { path: "docs/report.md", line: 1, col: 1 },
        {
          file: "docs/report.md",
          line: 1,
          requirement: "1.2/ttft-p95-regression",
          topic: "1.2",
          closest: "1.2/ttft-p99-regression",
        },
      ],
      [
        3,
        "DOC_CLAIM_NOT_A_TARGET",
        { path: "docs/report.md", line: 3, col: 1 },
        {
          file: "docs/report.md",
          line: 3,
          requirement: "1.2/patents",
          topic: "1.2",
          closest: "none",
        },
      ],
      [
        5,
        "DOC_CLAIM_UNREADABLE",
        { path: "docs/report.md", line: 5, col: 1 },
        { file: "docs/report.md", line: 5, text: "about 5 %", example: "1.2/tpot-p99-regression" },
      ],
      [
        7,
        "DOC_CLAIM_UNIT_MISMATCH",
        { path: "docs/report.md", line: 7, col: 1 },
        {
          file: "docs/report.md",
          line: 7,
          text: "12 ms",
          written: "ms",
          requirement: "1.2/e2e-p99-regression",
          unit: "%",
        },
      ],
    ]);
    expect(read.findings).toEqual([]);
  });

  it("warns about a document that holds no claim mark", () => {
    expect(
      readDocumentMarks(topic, [{ path: "docs/report.md", text: "p99 TTFT fell 8 %." }]).findings,
    ).toEqual([
      {
        code: "DOC_CLAIM_NONE",
        severity: "warning",
        message:
          'docs/report.md holds no claim mark, so none of its numbers is checked; mark each claimed number, e.g. [-8.5 %]{claim="1.2/startup-reserved-memory"} (README: "Gate your report").',
        location: { path: "docs/report.md", line: 1 },
        params: { file: "docs/report.md", example: "1.2/startup-reserved-memory" },
      },
    ]);
  });
});

describe("addDocumentClaims", () => {
  it("measures a requirement only the document states with its first mark, conditions read as numbers", () => {
    const text =
      '[96 %]{claim="1.2/tpot-p99-regression" min_bytes="1GiB"} and [-4.97 %]{claim="1.2/ttft-p99-regression"}';
    const read = readDocumentMarks(topic, [{ path: "r.md", text }]);
    const manifest = submission([{ requirement: "1.2/ttft-p99-regression", value: -4.97 }]);
    expect(addDocumentClaims(manifest, read.marks).claims).toEqual([
      { requirement: "1.2/ttft-p99-regression", value: -4.97 },
      { requirement: "1.2/tpot-p99-regression", value: 96, conditions: { min_bytes: 1073741824 } },
    ]);
  });
});

describe("applyDocClaims", () => {
  it("passes marks that agree within the last written digit and fails a drifted one at its line (one finding a mark: the evidence first)", () => {
    const text =
      'TPOT [−4.5 %]{claim="1.2/tpot-p99-regression"}\n\nagain [−14.5 %]{claim="1.2/tpot-p99-regression"}';
    const read = readDocumentMarks(topic, [{ path: "docs/report.md", text }]);
    const result = applyDocClaims({
      requirements: [measured("1.2/tpot-p99-regression", -4.47)],
      marks: read.marks,
      submission: submission(),
    });
    expect(
      result.docClaims.map((c) => [c.line, c.column, c.value, c.consistent, c.verdict, c.finding]),
    ).toEqual([
      [1, 6, -4.5, true, "pass", undefined],
      [3, 7, -14.5, false, "fail", "CLAIM_MISMATCH"],
    ]);
    const [requirement] = result.requirements;
    expect(requirement?.verdict).toBe("fail");
    expect(requirement?.findings.map((f) => [f.code, f.location])).toEqual([
      ["CLAIM_MISMATCH", { path: "docs/report.md", line: 3, col: 7 }],
    ]);
  });

  it("names a fraction written for a percentage, at the mark, instead of rescaling it", () => {
    const read = readDocumentMarks(topic, [
      { path: "r.md", text: '[−0.0447]{claim="1.2/tpot-p99-regression"}' },
    ]);
    const result = applyDocClaims({
      requirements: [measured("1.2/tpot-p99-regression", -4.47)],
      marks: read.marks,
      submission: submission(),
    });
    expect(result.requirements[0]?.findings.map((f) => [f.code, f.location])).toEqual([
      ["CLAIM_AS_FRACTION", { path: "r.md", line: 1, col: 1 }],
    ]);
  });

  it("fails a mark that disagrees with the manifest's claim even when nothing was measured", () => {
    const read = readDocumentMarks(topic, [
      { path: "r.md", text: '[−8 %]{claim="1.2/ttft-p99-regression"}' },
    ]);
    const unmeasured: RequirementResult = {
      ...baseResult(target("1.2/ttft-p99-regression")),
      verdict: "missing",
      reason: "No evidence.",
      findings: [],
    };
    const result = applyDocClaims({
      requirements: [unmeasured],
      marks: read.marks,
      submission: submission([{ requirement: "1.2/ttft-p99-regression", value: -4.97 }]),
    });
    expect({ claim: result.docClaims[0], verdict: result.requirements[0]?.verdict }).toEqual({
      claim: {
        path: "r.md",
        line: 1,
        column: 1,
        requirement: "1.2/ttft-p99-regression",
        text: "−8 %",
        value: -8,
        unit: "%",
        verdict: "fail",
        consistent: null,
        measured: null,
        finding: "DOC_CLAIM_CONFLICT",
      },
      verdict: "fail",
    });
  });
});
