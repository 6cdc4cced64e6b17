import { describe, expect, it } from "vitest";
import { verifyFiles } from "../../src/cli/commands/verify.ts";
import { planParts, type RoleFile } from "../../src/judge/requirement-parts.ts";
import type { TargetRequirement, Topic } from "../../src/model/topic.ts";
import { readTopic } from "../../src/read/read-topics.ts";
import { loadFixture } from "./fixture-submission.ts";

const topic15 = (await readTopic("1.5"))[0] as Topic;
const topic55 = (await readTopic("5.5"))[0] as Topic;
const target = (topic: Topic, id: string) => topic.requirements.find((r) => r.id === id) as TargetRequirement;
const tpot = target(topic15, "1.5/tpot-p99-regression");
const lowQps = target(topic15, "1.5/low-qps");
const speed = target(topic55, "5.5/speed-vs-public-sdk");
const serving = (...roles: string[]): RoleFile[] =>
  roles.map((role) => ({ role, kind: "serving-requests", path: `${role}.csv` }));

describe("planParts", () => {
  it("pairs candidate-<model> with baseline-<model> by the suffix, in name order", () => {
    const files = serving("candidate-qwen7b", "baseline-llama3b", "baseline-qwen7b", "candidate-llama3b");
    expect(planParts(tpot, [...files, { role: "memory", kind: "gpu-memory", path: "m.csv" }])).toEqual([
      { name: "llama3b", candidate: "candidate-llama3b", baseline: "baseline-llama3b" },
      { name: "qwen7b", candidate: "candidate-qwen7b", baseline: "baseline-qwen7b" },
    ]);
  });

  it("keeps a side without its partner, so the judge can name it", () => {
    expect(planParts(tpot, serving("candidate-qwen7b", "baseline-qwen7b", "candidate-llama3b"))).toEqual([
      { name: "llama3b", candidate: "candidate-llama3b" },
      { name: "qwen7b", candidate: "candidate-qwen7b", baseline: "baseline-qwen7b" },
    ]);
  });

  it("judges a requirement whole when no role carries a part name, or the topic does not ask per part", () => {
    const { per: _per, ...whole } = tpot;
    expect([
      planParts(tpot, serving("candidate", "baseline")),
      planParts(whole, serving("candidate-qwen7b", "baseline-qwen7b")),
    ]).toEqual([undefined, undefined]);
  });

  it("reads only candidates for an absolute target, and every baseline-<peer> against the one candidate", () => {
    expect([
      planParts(lowQps, serving("candidate-a", "candidate-b", "baseline-a")),
      planParts(speed, serving("candidate", "baseline-mnn", "baseline-llamacpp")),
    ]).toEqual([
      [
        { name: "a", candidate: "candidate-a" },
        { name: "b", candidate: "candidate-b" },
      ],
      [
        { name: "llamacpp", candidate: "candidate", baseline: "baseline-llamacpp" },
        { name: "mnn", candidate: "candidate", baseline: "baseline-mnn" },
      ],
    ]);
  });
});

describe("requirements judged per model (fixtures/1.5-two-models-fail)", () => {
  const fixture = loadFixture("1.5-two-models-fail");

  it("fails 1.5 on the model that regresses, and each part equals that pair judged alone", async () => {
    const report = await verifyFiles({
      submission: fixture.submission,
      mode: "manifest",
      files: fixture.files,
    });
    const tpotResult = report.requirements.find((r) => r.id === "1.5/tpot-p99-regression");
    const alone = await Promise.all(["llama3b", "qwen1.5b"].map((model) => judgePairAlone(model)));
    expect({
      verdict: report.verdict,
      tpot: tpotResult?.verdict,
      measured: tpotResult?.measured,
      parts: tpotResult?.parts?.map((p) => [p.name, p.verdict, p.measured]),
    }).toEqual({
      verdict: "fail",
      tpot: "fail",
      measured: alone[0]?.measured,
      parts: [
        ["llama3b", alone[0]?.verdict, alone[0]?.measured],
        ["qwen1.5b", alone[1]?.verdict, alone[1]?.measured],
      ],
    });
    expect(alone.map((r) => r?.verdict)).toEqual(["fail", "pass"]);
  });

  it("makes a candidate without its baseline a ROLE_UNPAIRED finding and the part missing", async () => {
    const files = fixture.files.filter((f) => f.role !== "baseline-llama3b");
    const { "baseline-llama3b": _dropped, ...evidence } = fixture.submission.evidence;
    const report = await verifyFiles({
      submission: { ...fixture.submission, evidence },
      mode: "manifest",
      files,
      only: ["1.5/ttft-p99-regression"],
    });
    const ttft = report.requirements.find((r) => r.id === "1.5/ttft-p99-regression");
    expect({
      verdict: ttft?.verdict,
      parts: ttft?.parts?.map((p) => [p.name, p.verdict]),
      findings: ttft?.findings.map((f) => [f.code, f.severity, f.location]),
    }).toEqual({
      verdict: "missing",
      parts: [
        ["llama3b", "missing"],
        ["qwen1.5b", "pass"],
      ],
      findings: [["ROLE_UNPAIRED", "error", { path: "consolidated-llama.csv" }]],
    });
  });

  it("checks a claim against the worst part's value", async () => {
    const claimOf = (value: number) => ({
      ...fixture.submission,
      claims: [{ requirement: "1.5/tpot-p99-regression", value }],
    });
    const worst = (await judgePairAlone("llama3b"))?.measured?.value as number;
    const best = (await judgePairAlone("qwen1.5b"))?.measured?.value as number;
    const consistent = await Promise.all(
      [worst, best].map(async (value) => {
        const report = await verifyFiles({
          submission: claimOf(value),
          mode: "manifest",
          files: fixture.files,
          only: ["1.5/tpot-p99-regression"],
        });
        return report.requirements.find((r) => r.id === "1.5/tpot-p99-regression")?.claimed?.consistent;
      }),
    );
    expect(consistent).toEqual([true, false]);
  });

  async function judgePairAlone(model: string) {
    const pick = { [`candidate-${model}`]: "candidate", [`baseline-${model}`]: "baseline" };
    const files = fixture.files
      .filter((f) => pick[f.role] !== undefined)
      .map((f) => ({ ...f, role: pick[f.role] as string }));
    const submission = {
      ...fixture.submission,
      evidence: Object.fromEntries(files.map((f) => [f.role, f.file.path])),
    };
    const report = await verifyFiles({
      submission,
      mode: "manifest",
      files,
      only: ["1.5/tpot-p99-regression"],
    });
    return report.requirements[0];
  }
});

describe("a requirement judged on the sum of its parts (fixtures/1.5-total-qps-fail)", () => {
  const fixture = loadFixture("1.5-total-qps-fail");
  const lowQpsOf = async (submission = fixture.submission) => {
    const report = await verifyFiles({
      submission,
      mode: "manifest",
      files: fixture.files,
      only: ["1.5/low-qps"],
    });
    return report.requirements[0];
  };

  it("fails 1.5/low-qps on the card's total load although each model is below 10 QPS", async () => {
    const result = await lowQpsOf();
    const parts = result?.parts?.map((p) => [p.name, p.verdict, p.measured?.value]);
    const values = result?.parts?.map((p) => p.measured?.value as number) ?? [];
    expect({
      verdict: result?.verdict,
      reason: result?.reason,
      measured: [result?.measured?.value, result?.measured?.low, result?.measured?.high, result?.measured?.n],
      parts,
    }).toEqual({
      verdict: "fail",
      reason: "The 2 models together: Measured 11.37 req/s misses the target < 10 req/s.",
      measured: [11.36674471, 11.36674471, 11.36674471, 6000],
      parts: [
        ["llama3b", "pass", 4.153390231],
        ["qwen1.5b", "pass", 7.213354479],
      ],
    });
    expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(11.36674471, 8);
  });

  it("checks a claim against the total, not against a part", async () => {
    const claimed = async (value: number) =>
      (await lowQpsOf({ ...fixture.submission, claims: [{ requirement: "1.5/low-qps", value }] }))?.claimed
        ?.consistent;
    expect([await claimed(11.37), await claimed(7.21)]).toEqual([true, false]);
  });
});
