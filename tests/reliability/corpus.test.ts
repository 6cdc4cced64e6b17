import { readdirSync, writeFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { validate } from "../../src/cli/commands/validate.ts";
import {
  corpusFiles,
  DATA,
  detectionOf,
  EXPECTATIONS,
  type Expectation,
  mutationOf,
  type Outcome,
  outcomeOf,
  readExpectations,
  SAME_MEANING,
  SEED_FORMATS,
  UNDETECTABLE,
} from "./corpus-cases.ts";

// CORPUS_RECORD=1 rewrites expectations.json from what the code does now; review the diff before committing.
const RECORD = process.env.CORPUS_RECORD === "1";
/** A file that takes longer than this to validate counts as a hang. */
const PER_FILE_MS = 2_000;

const files = corpusFiles();
const expected = RECORD ? {} : readExpectations();
const recorded: Record<string, Expectation> = {};
const totals = { files: 0, crashes: 0, slow: 0, exit3: 0, finding: 0, same: 0, undetectable: 0, gaps: 0 };

describe("the bad-input corpus: exit 3 or a located finding, never a crash, a hang or a silent pass", () => {
  const seeds = [...new Set(files.map((f) => f.split("/")[0] as string))];
  it("has at least 200 files, every one with an expectation", () => {
    expect(files.length).toBeGreaterThanOrEqual(200);
    if (!RECORD) expect(files.filter((f) => expected[f] === undefined)).toEqual([]);
  });

  it.each(seeds)("%s: every variant gives its recorded outcome", async (seed) => {
    const seedRows = (await validate({ file: seedPath(seed), format: SEED_FORMATS[seed] as string })).rows;
    const actual: Record<string, Expectation> = {};
    const problems: string[] = [];
    for (const file of files.filter((f) => f.startsWith(`${seed}/`))) {
      totals.files++;
      const started = performance.now();
      let outcome: Outcome;
      try {
        outcome = await outcomeOf(file);
        detectionOf(file);
      } catch (error) {
        totals.crashes++;
        problems.push(`${file}: crashed: ${error instanceof Error ? error.stack : String(error)}`);
        continue;
      }
      const took = performance.now() - started;
      if (took > PER_FILE_MS) {
        totals.slow++;
        problems.push(`${file}: took ${Math.round(took)} ms`);
      }
      if (outcome.expect === "finding" && outcome.line === null)
        problems.push(`${file}: ${outcome.code} has no line`);
      if (outcome.expect === "accepted" && SAME_MEANING[mutationOf(file)] && outcome.rows !== seedRows)
        problems.push(`${file}: read ${outcome.rows} rows where the seed has ${seedRows}`);
      actual[file] = { format: SEED_FORMATS[seed] as string, ...explain(file, outcome) };
      count(actual[file]);
    }
    Object.assign(recorded, actual);
    expect(problems).toEqual([]);
    if (!RECORD) expect(actual).toEqual(Object.fromEntries(Object.keys(actual).map((f) => [f, expected[f]])));
  });

  afterAll(() => {
    if (RECORD) {
      const sorted = Object.fromEntries(Object.entries(recorded).sort(([a], [b]) => a.localeCompare(b)));
      writeFileSync(
        EXPECTATIONS,
        `${JSON.stringify({ generated_by: "tests/reliability/make-corpus.mjs", files: sorted }, null, 2)}\n`,
      );
    }
    process.stderr.write(
      `bad-input corpus: ${totals.files} files tried, crashes: ${totals.crashes}, hangs (> ${PER_FILE_MS} ms): ${totals.slow}; ` +
        `exit 3: ${totals.exit3}, located finding: ${totals.finding}, read alike (same meaning): ${totals.same}, ` +
        `shorter run (undetectable): ${totals.undetectable}, known gaps: ${totals.gaps}\n`,
    );
  });
});

// --- internal ---

/** Accepted variants say why: the mutation kept the meaning, or it is a known gap (a bad file that reads as valid). */
function explain(file: string, outcome: Outcome): Outcome {
  if (outcome.expect !== "accepted") return outcome;
  const mutation = mutationOf(file);
  const same = SAME_MEANING[mutation];
  if (same !== undefined) return { ...outcome, why: same };
  // A CSV without its header line is not a shorter run: its first row was read as the header.
  const undetectable =
    mutation === "no-first-line" && file.endsWith(".csv") ? undefined : UNDETECTABLE[mutation];
  if (undetectable !== undefined) return { ...outcome, why: undetectable, undetectable: true };
  return { ...outcome, why: "known gap: the change is not detected", gap: true };
}

function seedPath(seed: string): string {
  const name = readdirSync(`${DATA}seeds`).find((f) => f.replace(/\.[a-z]+$/, "") === seed);
  return `${DATA}seeds/${name}`;
}

function count(outcome: Expectation): void {
  if (outcome.expect === "exit-3") totals.exit3++;
  else if (outcome.expect === "finding") totals.finding++;
  else if (outcome.gap) totals.gaps++;
  else if (outcome.undetectable) totals.undetectable++;
  else totals.same++;
}
