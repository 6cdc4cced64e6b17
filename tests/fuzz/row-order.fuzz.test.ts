import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { verifyFiles } from "../../src/cli/commands/verify.ts";
import { SubmissionSchema } from "../../src/model/manifest.ts";

const FIXTURES = new URL("../../fixtures/", import.meta.url);
const submission = SubmissionSchema.parse({
  topic: "1.2",
  team: "Team A",
  evidence: { candidate: "candidate.csv", baseline: "baseline.csv" },
});

describe("recomputation is invariant to row order", () => {
  it("gives the same measurements, bounds and verdicts when both logs' rows are shuffled", async () => {
    const candidate = lines("1.2-inconclusive/candidate.csv");
    const baseline = lines("1.2-inconclusive/baseline.csv");
    const original = await measurements(candidate, baseline);
    await fc.assert(
      fc.asyncProperty(fc.integer(), fc.integer(), async (a, b) => {
        expect(await measurements(shuffle(candidate, a), shuffle(baseline, b))).toEqual(original);
      }),
      { seed: 20240, numRuns: 6, interruptAfterTimeLimit: 10_000 },
    );
  });
});

// --- internal ---

function lines(path: string): string[] {
  return readFileSync(new URL(path, FIXTURES), "utf8").trimEnd().split("\n");
}

async function measurements(candidate: string[], baseline: string[]) {
  const file = (path: string, rows: string[]) => ({
    path,
    bytes: new TextEncoder().encode(`${rows.join("\n")}\n`),
  });
  const report = await verifyFiles({
    submission,
    mode: "quick",
    files: [
      { role: "candidate", file: file("candidate.csv", candidate), sha256: "c" },
      { role: "baseline", file: file("baseline.csv", baseline), sha256: "b" },
    ],
  });
  return report.requirements.map((r) => ({ id: r.id, verdict: r.verdict, measured: r.measured }));
}

/** The header stays first; the data rows are shuffled by a seeded generator. */
function shuffle(rows: string[], seed: number): string[] {
  const [header, ...data] = rows;
  let state = seed >>> 0 || 1;
  for (let i = data.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [data[i], data[j]] = [data[j] as string, data[i] as string];
  }
  return [header as string, ...data];
}
