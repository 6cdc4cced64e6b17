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

describe("parseSubmission messages a newcomer can act on", () => {
  const findingsOf = (text: string) => errorOf(text).findings;

  it("says to quote an unquoted topic or patent number, showing what YAML made of it", () => {
    expect([
      findingsOf("topic: 1.10\nteam: A\n"),
      findingsOf("topic: 4.2\nteam: A\n").map((f) => f.message),
      findingsOf(
        'topic: "1.2"\nteam: A\ndeliverables:\n  - requirement: 1.2/patents\n    evidence: [202211157877.20]\n',
      ),
    ]).toEqual([
      [
        {
          code: "MANIFEST_SCHEMA",
          severity: "error",
          message:
            '`topic`: write it in quotes, topic: "1.10"; unquoted, YAML reads 1.10 as the number 1.1. See schemas/submission.schema.json.',
          location: { path: "claimcheck.yaml", line: 1, column: "topic" },
        },
      ],
      [
        '`topic`: write it in quotes, topic: "4.2"; unquoted, YAML reads it as a number (and 1.10 as 1.1). See schemas/submission.schema.json.',
      ],
      [
        {
          code: "MANIFEST_SCHEMA",
          severity: "error",
          message:
            '`deliverables[0].evidence[0]`: write it in quotes, - "202211157877.20"; unquoted, YAML reads 202211157877.20 as the number 202211157877.2. See schemas/submission.schema.json.',
          location: { path: "claimcheck.yaml", line: 5, column: "deliverables[0].evidence[0]" },
        },
      ],
    ]);
  });

  it("says an attestation without attested_by needs one, alone or in a list, and names a misspelt key", () => {
    const needs =
      'an attestation needs attested_by: who answers for it, name and role, e.g. attested_by: "Prof. Li Wei, principal investigator". See schemas/submission.schema.json.';
    expect([
      findingsOf(
        'topic: "1.2"\nteam: A\ndeliverables:\n  - requirement: 1.2/prototype\n    evidence:\n      attestation: Prototype shown to the office\n',
      ),
      findingsOf(
        'topic: "1.2"\nteam: A\ndeliverables:\n  - requirement: 1.2/prototype\n    evidence:\n      - attestation: Prototype shown to the office\n        atested_by: Li Wei\n',
      ),
    ]).toEqual([
      [
        {
          code: "MANIFEST_SCHEMA",
          severity: "error",
          message: `\`deliverables[0].evidence.attested_by\`: ${needs}`,
          location: { path: "claimcheck.yaml", line: 5, column: "deliverables[0].evidence.attested_by" },
        },
      ],
      [
        {
          code: "MANIFEST_SCHEMA",
          severity: "error",
          message: `\`deliverables[0].evidence[0].attested_by\`: ${needs}`,
          location: { path: "claimcheck.yaml", line: 6, column: "deliverables[0].evidence[0].attested_by" },
        },
        {
          code: "MANIFEST_SCHEMA",
          severity: "error",
          message:
            '`deliverables[0].evidence[0].atested_by`: Unrecognized key: "atested_by". See schemas/submission.schema.json.',
          location: { path: "claimcheck.yaml", line: 7, column: "deliverables[0].evidence[0].atested_by" },
        },
      ],
    ]);
  });
});
