import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { verifyFiles } from "../../src/cli/commands/verify.ts";
import { parseSubmission } from "../../src/model/parse-submission.ts";
import type { Verdict } from "../../src/model/report.ts";

// Each property starts from a passing example submission of one family, perturbs one side's unit or
// column, item set, training window, world size, collective or sampling grain, and judges again.
// The perturbed comparison is never `pass`: a mismatch is `invalid` or `inconclusive`.
const RUNS = { seed: 20240, numRuns: 8, interruptAfterTimeLimit: 20_000 };

describe("a perturbed candidate/baseline pair is never a pass", () => {
  it("5.7 cost: the two files in different columns (cost vs gpu_hours)", async () => {
    expect(await verdictOf("5.7-pass", "5.7/cost-reduction", {})).toBe("pass");
    await fc.assert(
      fc.asyncProperty(fc.boolean(), async (candidateInHours) => {
        const [c, b] = candidateInHours ? ["gpu_hours", "cost"] : ["cost", "gpu_hours"];
        const files = {
          "cost-candidate": keepColumns(text("5.7-pass", "cost-optimized.csv"), c),
          "cost-baseline": keepColumns(text("5.7-pass", "cost-baseline.csv"), b),
        };
        expect(await verdictOf("5.7-pass", "5.7/cost-reduction", files)).toBe("invalid");
      }),
      RUNS,
    );
  });

  it("4.1 loss: the baseline stopped anywhere before the candidate's last tenth, or shifted past it", async () => {
    expect(await verdictOf("4.1-pass", "4.1/final-loss-gap", {})).toBe("pass");
    const baseline = text("4.1-pass", "bf16.csv");
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 179 }), fc.boolean(), async (keep, shift) => {
        const rows = baseline.trimEnd().split("\n");
        const cut = shift
          ? [rows[0], ...rows.slice(1).map((r) => r.replace(/^\d+/, (s) => String(Number(s) + 2000)))]
          : rows.slice(0, keep + 1);
        const verdict = await verdictOf("4.1-pass", "4.1/final-loss-gap", {
          baseline: `${cut.join("\n")}\n`,
        });
        expect(verdict).toBe(shift ? "invalid" : "inconclusive");
      }),
      RUNS,
    );
  });

  it("1.1 throughput: the baseline on another GPU count", async () => {
    expect(await verdictOf("1.1-pass", "1.1/cross-domain-loss", {})).toBe("pass");
    const baseline = text("1.1-pass", "single-domain.csv");
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1024 }).filter((n) => n !== 32),
        async (gpus) => {
          const changed = baseline.replace(/,4096,32,/g, `,4096,${gpus},`);
          expect(await verdictOf("1.1-pass", "1.1/cross-domain-loss", { "single-domain": changed })).toBe(
            "invalid",
          );
        },
      ),
      RUNS,
    );
  });

  it("3.2 collective: the baseline ran another collective", async () => {
    expect(await verdictOf("3.2-pass", "3.2/heterogeneous-loss", {})).toBe("pass");
    const baseline = text("3.2-pass", "homogeneous.log");
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("all_gather", "reduce_scatter", "broadcast", "reduce"),
        async (other) => {
          const changed = baseline.replaceAll("all_reduce_perf", `${other}_perf`);
          expect(await verdictOf("3.2-pass", "3.2/heterogeneous-loss", { baseline: changed })).not.toBe(
            "pass",
          );
        },
      ),
      RUNS,
    );
  });

  it("2.2 outcomes: some of the baseline's items replaced by others", async () => {
    expect(await verdictOf("2.2-pass", "2.2/localization-time-reduction", {})).toBe("pass");
    const baseline = text("2.2-pass", "faults-baseline.csv");
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 320 }), async (renamed) => {
        const rows = baseline
          .split("\n")
          .map((r, i) => (i > 0 && i <= renamed ? r.replace(/^fault/, "other") : r));
        const verdict = await verdictOf("2.2-pass", "2.2/localization-time-reduction", {
          baseline: rows.join("\n"),
        });
        expect(verdict).toBe(renamed === 320 ? "invalid" : "inconclusive");
      }),
      RUNS,
    );
  });

  it("1.2 latency: the baseline replayed a shorter trace (11–60 % of its requests dropped)", async () => {
    const rows = text("1.2-pass", "baseline.csv").trimEnd().split("\n");
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 0.11, max: 0.6, noNaN: true }), async (dropped) => {
        const kept = rows.slice(0, 1 + Math.floor((rows.length - 1) * (1 - dropped)));
        const verdict = await verdictOf("1.2-pass", "1.2/ttft-p99-regression", {
          baseline: `${kept.join("\n")}\n`,
        });
        expect(verdict).toBe("invalid");
      }),
      { ...RUNS, numRuns: 4 },
    );
  });

  it("5.5 accuracy: the baseline scored on other tasks", async () => {
    expect(await verdictOf("5.5-pass", "5.5/accuracy-loss", {})).toBe("pass");
    const baseline = text("5.5-pass", "accuracy-bf16.json");
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[a-z]{3,8}$/), async (prefix) => {
        const changed = baseline.replace(
          /"(arc_[a-z]+|hellaswag|winogrande|piqa|mmlu[a-z_]*|gsm8k)"/g,
          `"${prefix}_$1"`,
        );
        expect(await verdictOf("5.5-pass", "5.5/accuracy-loss", { baseline: changed })).not.toBe("pass");
      }),
      { ...RUNS, numRuns: 4 },
    );
  });
});

describe("the sampling grain does not change the start-up memory reading", () => {
  it("reads nvidia-smi at 1 to 10 samples a second, on one or two GPUs, as the 1 s timeline", async () => {
    const one = text("1.2-pass", "memory.csv");
    const reading = async (memory: string) => measured("1.2-pass", "1.2/startup-reserved-memory", { memory });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 2 }),
        async (perSecond, gpus) => {
          expect(await reading(resample(one, perSecond, gpus))).toEqual(
            await reading(resample(one, 1, gpus)),
          );
        },
      ),
      { ...RUNS, numRuns: 6 },
    );
  });
});

// --- internal ---

type Overrides = Record<string, string>;

const FIXTURES = new URL("../../fixtures/", import.meta.url);

function text(fixture: string, file: string): string {
  return readFileSync(new URL(`${fixture}/${file}`, FIXTURES), "utf8");
}

async function judge(fixture: string, requirement: string, overrides: Overrides) {
  const manifest = text(fixture, "claimcheck.yaml");
  const submission = parseSubmission(manifest, `${fixture}/claimcheck.yaml`);
  const files = Object.entries(submission.evidence).map(([role, entry]) => {
    const { path, format } = typeof entry === "string" ? { path: entry, format: undefined } : entry;
    const own = overrides[role];
    const bytes =
      own === undefined ? readFileSync(new URL(`${fixture}/${path}`, FIXTURES)) : Buffer.from(own);
    return {
      role,
      file: { path, bytes: new Uint8Array(bytes) },
      sha256: "0",
      ...(format === undefined ? {} : { format }),
    };
  });
  const report = await verifyFiles({
    submission: { ...submission, claims: [] },
    mode: "manifest",
    files,
    only: [requirement],
  });
  return report.requirements.find((r) => r.id === requirement);
}

async function verdictOf(
  fixture: string,
  requirement: string,
  overrides: Overrides,
): Promise<Verdict | undefined> {
  return (await judge(fixture, requirement, overrides))?.verdict;
}

async function measured(fixture: string, requirement: string, overrides: Overrides) {
  const result = await judge(fixture, requirement, overrides);
  return { verdict: result?.verdict, value: result?.measured?.value };
}

function keepColumns(csv: string, column: string): string {
  const rows = csv
    .trimEnd()
    .split("\n")
    .map((r) => r.split(","));
  const keep = ["scenario", "requests", column].map((name) => rows[0]?.indexOf(name) as number);
  return `${rows.map((r) => keep.map((k) => r[k]).join(",")).join("\n")}\n`;
}

/** The 1 s timeline at `perSecond` samples a second (memory held), each query listing `gpus` GPUs 2 ms apart. */
function resample(csv: string, perSecond: number, gpus: number): string {
  const [header, ...rows] = csv.trimEnd().split("\n");
  const out = [header];
  for (const row of rows) {
    const [stamp, , used, total, util] = row.split(", ");
    for (let k = 0; k < perSecond; k++)
      for (let g = 0; g < gpus; g++) {
        const ms = String(Math.round((1000 * k) / perSecond) + 2 * g).padStart(3, "0");
        out.push([`${stamp?.slice(0, -3)}${ms}`, g, used, total, util].join(", "));
      }
  }
  return `${out.join("\n")}\n`;
}
