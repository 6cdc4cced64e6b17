import { describe, expect, it } from "vitest";
import type { ClaimcheckError } from "../../src/model/errors.ts";
import { parseSubmission } from "../../src/model/parse-submission.ts";

const errorOf = (text: string) => {
  try {
    parseSubmission(text, "claimcheck.yaml");
  } catch (error) {
    return error as ClaimcheckError;
  }
  throw new Error("expected an error");
};

describe("parseSubmission", () => {
  it("fills defaults and keeps evidence paths and claims", () => {
    expect(
      parseSubmission(
        'topic: "1.2"\nteam: A\nevidence:\n  candidate: c.csv\nclaims:\n  - { requirement: 1.2/ttft-p99-regression, value: -3 }\n',
        "m.yaml",
      ),
    ).toEqual({
      topic: "1.2",
      team: "A",
      system: { accelerators: [], software: {} },
      evidence: { candidate: "c.csv" },
      claims: [{ requirement: "1.2/ttft-p99-regression", value: -3 }],
      deliverables: [],
      claim_tolerance: 0.01,
    });
  });

  it("reports every schema problem with the line of its key", () => {
    const error = errorOf(
      'topic: "1.2"\nteam: A\nclaims:\n  - requirement: 1.2/x\n    value: "ten"\nsurprise: 1\n',
    );
    expect([error.code, error.findings.map((f) => [f.code, f.location?.line, f.location?.column])]).toEqual([
      "E_INPUT",
      [
        ["MANIFEST_SCHEMA", 5, "claims[0].value"],
        ["MANIFEST_SCHEMA", 6, "surprise"],
      ],
    ]);
  });

  it("reports YAML syntax errors and duplicate keys with their line", () => {
    expect(
      errorOf('topic: "1.2"\nteam: A\nteam: B\n').findings.map((f) => [f.code, f.location?.line]),
    ).toEqual([["MANIFEST_YAML_SYNTAX", 3]]);
  });
});
