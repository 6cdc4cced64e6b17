import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { REPO } from "../cli/run-cli.ts";
import { corpusFiles, readExpectations } from "./corpus-cases.ts";

const expected = readExpectations();
/**
 * One rejected file of every other seed (13 formats): the process-level check that a bad file exits 3,
 * without a stack, in time. The in-process corpus test covers every file; spawning costs ~0.5 s each.
 */
const SAMPLE = [
  ...new Map(
    corpusFiles()
      .filter((f) => expected[f]?.expect !== "accepted")
      .map((f) => [f.split("/")[0], f]),
  ).values(),
].filter((_, i) => i % 2 === 0);

describe("claimcheck validate on a sample of the corpus", () => {
  it.each(SAMPLE)("exits 3 without a stack for %s", (file) => {
    const run = spawnSync(
      process.execPath,
      [
        "bin/claimcheck",
        "validate",
        `tests/reliability/data/corpus/${file}`,
        "--format",
        expected[file]?.format as string,
      ],
      { cwd: REPO, encoding: "utf8", timeout: 15_000 },
    );
    expect({ exitCode: run.status, signal: run.signal, stack: /\n\s+at /.test(run.stderr) }).toEqual({
      exitCode: 3,
      signal: null,
      stack: false,
    });
  });
});
