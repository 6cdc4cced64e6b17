import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { verifyFiles } from "../../src/cli/commands/verify.ts";
import type { SubmittedFile } from "../../src/judge/prepare-input.ts";
import type { Submission } from "../../src/model/manifest.ts";
import { loadFixture } from "../judge/fixture-submission.ts";

/**
 * Fixtures with several files of one kind (a pair per model, two outcomes files, a request log and
 * a models.csv that disagree, accuracy and latency pairs): the order of `evidence:` in claimcheck.yaml
 * must never change a verdict, a measured value or a finding.
 */
const FIXTURES = [
  { name: "1.5-two-models-fail", runs: 2 },
  { name: "2.1-unused-role", runs: 8 },
  { name: "4.2-model-mismatch", runs: 8 },
  { name: "5.5-pass", runs: 4 },
];

describe("verdicts are invariant to the order of the manifest's roles", () => {
  for (const { name, runs } of FIXTURES) {
    it(`gives the same report for any order of fixtures/${name}'s evidence`, async () => {
      const { submission, files } = loadFixture(name);
      const original = await judged(submission, files);
      await fc.assert(
        fc.asyncProperty(fc.shuffledSubarray(files, { minLength: files.length }), async (shuffled) => {
          expect(await judged(submission, shuffled)).toEqual(original);
        }),
        { seed: 20240, numRuns: runs, interruptAfterTimeLimit: 120_000 },
      );
    }, 300_000);
  }
});

// --- internal ---

async function judged(submission: Submission, files: SubmittedFile[]) {
  const evidence = Object.fromEntries(files.map((f) => [f.role, submission.evidence[f.role] as string]));
  const report = await verifyFiles({ submission: { ...submission, evidence }, mode: "manifest", files });
  const findings = report.findings.map((f) => JSON.stringify(f)).sort();
  return {
    verdict: report.verdict,
    requirements: report.requirements.map((r) => ({
      ...r,
      findings: r.findings.map((f) => JSON.stringify(f)).sort(),
    })),
    findings,
  };
}
