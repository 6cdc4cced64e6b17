import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isClaimcheckError } from "../../src/model/errors.ts";
import { parseSubmission } from "../../src/model/parse-submission.ts";
import { parseTopic } from "../../src/model/topic-catalog.ts";

const ROOT = new URL("../../", import.meta.url);
const MANIFEST = readFileSync(new URL("fixtures/1.2-pass/claimcheck.yaml", ROOT), "utf8");
const TOPIC = readFileSync(new URL("topics/1.2.yaml", ROOT), "utf8");
const FRAGMENTS = [
  ":",
  "- ",
  "  ",
  "\n",
  "{",
  "}",
  "[",
  "]",
  '"',
  "'",
  "&a",
  "*a",
  "!!binary",
  "<<: *a",
  "~",
  "#",
  "%YAML 1.2\n---\n",
  "\t",
  "1e999",
  "\u0000",
];

describe("claimcheck.yaml and topic files under fuzzing: findings in a ClaimcheckError, nothing else", () => {
  it.each([
    [
      "an alias without its anchor (found by this fuzzer: was a ReferenceError, exit 4)",
      "topic: *a\nteam: x\n",
    ],
    [
      "a billion-laughs alias bomb",
      `a: &a ["x","x","x","x","x","x","x","x","x"]\n${Array.from({ length: 8 }, (_, i) => `${"bcdefghi"[i]}: &${"bcdefghi"[i]} [${Array(9).fill(`*${"abcdefgh"[i]}`).join(",")}]`).join("\n")}\ntopic: *i\n`,
    ],
  ])("reports %s as a MANIFEST_YAML_SYNTAX finding", (_, text) => {
    let error: unknown;
    try {
      parseSubmission(text, "claimcheck.yaml");
    } catch (caught) {
      error = caught;
    }
    expect(isClaimcheckError(error) && error.findings.map((f) => f.code)).toEqual(["MANIFEST_YAML_SYNTAX"]);
  });

  it.each([
    ["flow brackets", `topic: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`, 1],
    ["an unclosed flow", `topic: ${"[".repeat(5_000)}\n`, 1],
    ["block sequences", `${Array.from({ length: 3_000 }, (_, i) => `${" ".repeat(i)}- `).join("\n")}x\n`, 64],
    ["compact sequences on one line", `topic:\n  ${"- ".repeat(20_000)}x\n`, 2],
    ["block maps", `${Array.from({ length: 3_000 }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n")} x\n`, 65],
  ])(
    "reports YAML nested thousands of levels deep (%s) as one MANIFEST_YAML_TOO_DEEP, not a stack overflow",
    (_, text, line) => {
      let error: unknown;
      try {
        parseSubmission(text, "claimcheck.yaml");
      } catch (caught) {
        error = caught;
      }
      expect(isClaimcheckError(error) && error.findings).toEqual([
        {
          code: "MANIFEST_YAML_TOO_DEEP",
          severity: "error",
          message: `claimcheck.yaml nests more than 64 levels deep by line ${line}; a submission manifest needs a few. Remove the extra brackets or indentation (see schemas/submission.schema.json).`,
          location: { path: "claimcheck.yaml", line },
        },
      ]);
    },
  );

  it.each([
    ["claimcheck.yaml", MANIFEST, parseSubmission],
    ["topics/1.2.yaml", TOPIC, parseTopic],
  ] as const)("survives random edits of %s", (path, text, parse) => {
    const edit = fc.tuple(
      fc.nat(),
      fc.nat({ max: 40 }),
      fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 })),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
        let out = text;
        for (const [at, cut, insert] of edits) {
          const i = at % (out.length + 1);
          out = out.slice(0, i) + insert + out.slice(i + cut);
        }
        try {
          parse(out, path);
        } catch (error) {
          if (!(isClaimcheckError(error) && error.code !== "E_INTERNAL")) throw error;
        }
      }),
      { seed: 20240, numRuns: 5_000, interruptAfterTimeLimit: 3_000 },
    );
  });
});
