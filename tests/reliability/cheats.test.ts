import { describe, expect, it } from "vitest";
import { verify } from "../../src/cli/commands/verify.ts";

const FIXTURES = new URL("../../fixtures/", import.meta.url).pathname;

/** Each cheat fixture, the verdict it gets and the finding that catches it (see make-cheat-fixtures.mjs and, for the busbw footer, scripts/generate-collective-fixtures.mjs). */
const CHEATS = [
  ["cheat-summary-edited", "fail", ["CLAIM_MISMATCH", "SUMMARY_MISMATCH"]],
  ["cheat-subset-percentile", "fail", ["CLAIM_MISMATCH", "SUMMARY_MISMATCH"]],
  ["cheat-other-workload", "invalid", ["WORKLOAD_MISMATCH"]],
  ["cheat-duplicated-rows", "invalid", ["SERVING_DUPLICATE_REQUEST"]],
  ["cheat-truncated-eval", "inconclusive", ["LM_EVAL_PARTIAL"]],
  ["cheat-footer-average", "invalid", ["FOOTER_MISMATCH"]],
] as const;

describe("claims that try to cheat are caught", () => {
  it.each(CHEATS)("%s: %s, with %j", async (name, verdict, codes) => {
    const report = await verify({ manifest: `${FIXTURES}${name}/claimcheck.yaml` });
    const all = [...report.findings, ...report.requirements.flatMap((r) => r.findings)];
    // A claim mismatch belongs to a requirement; every other finding points into a file, at a line.
    const found = new Set(
      all.filter((f) => f.code === "CLAIM_MISMATCH" || f.location?.line !== undefined).map((f) => f.code),
    );
    expect({ verdict: report.verdict, codes: codes.filter((c) => found.has(c)) }).toEqual({ verdict, codes });
  });
});
