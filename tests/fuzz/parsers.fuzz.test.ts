import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { parseEvidence } from "../../src/formats/parse-evidence.ts";
import { FORMATS } from "../../src/formats/registry.ts";
import { isClaimcheckError } from "../../src/model/errors.ts";
import { FindingSchema } from "../../src/model/finding.ts";

// Seeded, so a failure prints a seed and path that reproduce it; time-bounded, so CI stays fast.
const SEED = 20240;
const TIME_LIMIT_MS = 4_000;
const SEEDS_DIR = new URL("../reliability/data/seeds/", import.meta.url);
const SEEDS = readdirSync(SEEDS_DIR)
  .sort()
  .map((name) => ({ name, text: readFileSync(new URL(name, SEEDS_DIR), "utf8") }));
/** Fragments that break parsers: delimiters, quotes, brackets, odd numbers, line ends, control bytes. */
const FRAGMENTS = [
  ",",
  ";",
  "\t",
  '"',
  "'",
  "\n",
  "\r\n",
  "\r",
  "{",
  "}",
  "[",
  "]",
  ":",
  "-",
  "NaN",
  "Infinity",
  "1e999",
  "-0",
  "0x1F",
  "null",
  "\u0000",
  "\ufeff",
  "é",
  "请求",
  " ms",
  "%",
  "[N/A]",
  "\\",
  "::: MLLOG",
  "=",
];

const edit = fc.oneof(
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string()),
  }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.nat({ max: 200 }) }),
  fc.record({ kind: fc.constant("cut" as const), at: fc.nat() }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

const runs = { bytes: 0, text: 0, edits: 0 };

describe("format detectors and parsers under fuzzing: findings or a ClaimcheckError, nothing else", () => {
  afterAll(() => {
    process.stderr.write(
      `parser fuzzing: ${runs.bytes} random-byte files, ${runs.text} random-text files, ${runs.edits} edited seed files, crashes: 0\n`,
    );
  });

  it("survives random bytes in every declared format and in detection", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 4096 }),
        fc.constantFrom(undefined, ...FORMATS.map((f) => f.id)),
        (bytes, format) => {
          runs.bytes++;
          expectOnlyFindingsOrInputError(() => parseEvidence({ path: "fuzz.bin", bytes }, format));
        },
      ),
      { seed: SEED, numRuns: 50_000, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
  });

  it("survives random text made of delimiters, numbers and words in every format", () => {
    const token = fc.oneof(
      fc.constantFrom(...FRAGMENTS),
      fc.double().map(String),
      fc.constantFrom("ttft_ms", "request_id", "results", "acc,none", "Result is : VALID"),
    );
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 300 }),
        fc.constantFrom(undefined, ...FORMATS.map((f) => f.id)),
        (tokens, format) => {
          runs.text++;
          const bytes = new TextEncoder().encode(tokens.join(""));
          expectOnlyFindingsOrInputError(() => parseEvidence({ path: "fuzz.txt", bytes }, format));
        },
      ),
      { seed: SEED, numRuns: 50_000, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
  });

  it("survives random edits of every good seed file, declared and detected", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SEEDS),
        fc.array(edit, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (seed, edits, declare) => {
          runs.edits++;
          const bytes = new TextEncoder().encode(applyEdits(seed.text, edits));
          const format = declare ? detectedFormatOf(seed.text) : undefined;
          expectOnlyFindingsOrInputError(() => parseEvidence({ path: seed.name, bytes }, format));
        },
      ),
      { seed: SEED, numRuns: 50_000, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
  });
});

// --- internal ---

function expectOnlyFindingsOrInputError(parse: () => { findings: unknown[] }): void {
  let findings: unknown[];
  try {
    findings = parse().findings;
  } catch (error) {
    if (isClaimcheckError(error) && error.code !== "E_INTERNAL") return;
    throw error;
  }
  for (const finding of findings) expect(FindingSchema.safeParse(finding).success).toBe(true);
}

function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  for (const e of edits) {
    const at = out.length === 0 ? 0 : e.at % (out.length + 1);
    if (e.kind === "insert") out = out.slice(0, at) + e.text + out.slice(at);
    else if (e.kind === "delete") out = out.slice(0, at) + out.slice(at + e.length);
    else out = out.slice(0, at);
  }
  return out;
}

const DETECTED = new Map<string, string | undefined>();

function detectedFormatOf(text: string): string | undefined {
  if (!DETECTED.has(text)) {
    try {
      DETECTED.set(text, parseEvidence({ path: "seed", bytes: new TextEncoder().encode(text) }).format);
    } catch {
      DETECTED.set(text, undefined);
    }
  }
  return DETECTED.get(text);
}
