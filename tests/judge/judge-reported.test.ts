import { describe, expect, it } from "vitest";
import { verifyFiles } from "../../src/cli/commands/verify.ts";
import { finishReported, judgeReported, toMeasuredView } from "../../src/judge/judge-reported.ts";
import { computeSubmissionVerdict } from "../../src/judge/verdict-order.ts";
import type { ReportedRequirement } from "../../src/model/topic.ts";
import { loadFixture } from "./fixture-submission.ts";

const requirement: ReportedRequirement = {
  id: "4.4/mfu",
  kind: "reported",
  title: { en: "MFU", zh: "模型算力利用率" },
  provenance: "program",
  rationale: "test",
  metric: "training.mfu",
  comparison: "none",
  unit: "%",
  evidence: ["training-throughput"],
};
const outcome = { value: 0.2942, low: 0.2925, high: 0.2958, n: 9, method: "test method" };
const judge = (claim?: number) =>
  finishReported(
    judgeReported({
      requirement: toMeasuredView(requirement),
      outcome,
      tolerance: 0.01,
      confidence: 0.95,
      ...(claim === undefined ? {} : { claim: { requirement: "4.4/mfu", value: claim } }),
    }),
  );

describe("a reported figure", () => {
  it("is measured with its method, n and bound, and shows no threshold", () => {
    expect(judge()).toEqual({
      id: "4.4/mfu",
      kind: "reported",
      title: requirement.title,
      metric: "training.mfu",
      target: { op: null, value: null, unit: "%", provenance: "program", comparison: "none" },
      measured: {
        value: 29.42,
        low: 29.25,
        high: 29.58,
        n: 9,
        method: "test method",
        confidence: 0.95,
        sides: 2,
      },
      claimed: null,
      verdict: "reported",
      reason: "Reported: 29.42 % [29.25, 29.58], test method; the topic sets no threshold for this figure.",
      reason_key: "reason.reported",
      reason_params: {
        bound: " [29.25, 29.58]",
        method: { key: "reason.text", params: { text: "test method" }, text: "test method" },
        unit: " %",
        value: 29.42,
      },
      findings: [],
    });
  });

  it("fails when the team's claim disagrees with the recomputed value", () => {
    const result = judge(31.7);
    expect([result.verdict, result.claimed, result.findings.map((f) => f.code)]).toEqual([
      "fail",
      { value: 31.7, consistent: false, tolerance: 0.01 },
      ["CLAIM_MISMATCH"],
    ]);
  });

  it("is missing, not reported, when its evidence is absent", () => {
    const result = finishReported(
      judgeReported({
        requirement: toMeasuredView(requirement),
        outcome: { unavailable: "missing", reason: "No candidate training log was submitted." },
        tolerance: 0.01,
        confidence: 0.95,
      }),
    );
    expect([result.kind, result.verdict, result.reason]).toEqual([
      "reported",
      "missing",
      "No candidate training log was submitted.",
    ]);
  });

  it("is judged like a target once the officer gives it a threshold", () => {
    expect(toMeasuredView({ ...requirement, op: ">=", value: 40 })).toEqual({
      ...requirement,
      kind: "target",
      op: ">=",
      value: 40,
    });
  });
});

describe("the submission verdict with reported figures", () => {
  it("never fails a submission on its own and never lifts a worse verdict", () => {
    expect([
      computeSubmissionVerdict(["reported"]),
      computeSubmissionVerdict(["pass", "reported"]),
      computeSubmissionVerdict(["reported", "missing"]),
      computeSubmissionVerdict(["reported", "fail"]),
    ]).toEqual(["pass", "pass", "missing", "fail"]);
  });
});

describe("fixtures/5.6-pass and 5.6-fail: about 1 CU per selection within the program's 20 %", () => {
  it("passes 0.88 CU and fails 1.63 CU against ≤ 1 CU (seed) within 20 % (program)", async () => {
    const verdicts = await Promise.all(
      ["5.6-pass", "5.6-fail"].map(async (name) => {
        const fixture = loadFixture(name);
        const report = await verifyFiles({
          submission: fixture.submission,
          mode: "manifest",
          files: fixture.files,
        });
        const r = report.requirements.find((q) => q.id === "5.6/cu-per-selection");
        return [r?.verdict, r?.target, Number(r?.measured?.value?.toFixed(4))];
      }),
    );
    const target = {
      op: "<=",
      value: 1,
      unit: "CU",
      provenance: "seed",
      comparison: "none",
      tolerance: { percent: 20, provenance: "program" },
    };
    expect(verdicts).toEqual([
      ["pass", target, Number(((1004.1 + 562.1 + 845.0) / 2750).toFixed(4))],
      ["fail", target, Number(((1918.3 + 1056.1 + 1506.3) / 2750).toFixed(4))],
    ]);
  });
});
