import { describe, expect, it } from "vitest";
import { type SummedPart, sumParts } from "../../src/judge/parts-sum.ts";
import type { RequirementResult } from "../../src/model/report.ts";
import type { TargetRequirement, Topic } from "../../src/model/topic.ts";
import { readTopic } from "../../src/read/read-topics.ts";

const topic15 = (await readTopic("1.5"))[0] as Topic;
const lowQps = topic15.requirements.find((r) => r.id === "1.5/low-qps") as TargetRequirement;
const OPTIONS = { tolerance: 0.05, confidence: 0.95 };
const TARGET = { op: "<", value: 10, unit: "req/s", provenance: "seed", comparison: "none" } as const;

/** A part judged alone: `value` req/s, an exact reading (a rate has no sampling bound). */
function part(name: string, value: number | null, window?: SummedPart["window"]): SummedPart {
  const result: RequirementResult = {
    id: lowQps.id,
    kind: "target",
    title: lowQps.title,
    metric: lowQps.metric,
    verdict: value === null ? "missing" : value < 10 ? "pass" : "fail",
    reason: `part ${name}`,
    target: TARGET,
    measured:
      value === null ? null : { value, low: value, high: value, n: 100, method: "rate", confidence: 0.95 },
    claimed: null,
    findings: [],
  };
  return window === undefined ? { name, result } : { name, result, window };
}

/** What `every` made of the same parts: the worst part's result, with one row per part. */
function everyOf(parts: SummedPart[]): RequirementResult {
  const worst = parts.reduce((a, b) =>
    (b.result.measured?.value ?? 0) > (a.result.measured?.value ?? 0) ? b : a,
  );
  return {
    ...worst.result,
    parts: parts.map((p) => ({
      per: "model",
      name: p.name,
      roles: { candidate: `candidate-${p.name}` },
      verdict: p.result.verdict,
      reason: p.result.reason,
      measured: p.result.measured,
    })),
  };
}

describe("sumParts", () => {
  it("judges the sum of logs that ran at the same time, with each model's row kept", () => {
    const parts = [
      part("a", 6, { first: 1.7e9, last: 1.7e9 + 600, epoch: true }),
      part("b", 5, { first: 1.7e9 + 100, last: 1.7e9 + 900, epoch: true }),
    ];
    const every = everyOf(parts);
    expect(sumParts(lowQps, parts, OPTIONS, every)).toEqual({
      ...every,
      verdict: "fail",
      reason: "The 2 models together: Measured 11 req/s misses the target < 10 req/s.",
      reason_key: "reason.parts_together",
      reason_params: {
        n: 2,
        per: { key: "per.model", text: "model" },
        reason: {
          key: "reason.target_missed",
          params: { value: "11 req/s", target: "< 10 req/s" },
          text: "Measured 11 req/s misses the target < 10 req/s.",
        },
      },
      measured: {
        value: 11,
        low: 11,
        high: 11,
        n: 200,
        method:
          "sum of 2 parts (a 6 + b 5); bounds are the sums of the parts' bounds, which hold together at no less than 1 − 2·α (Bonferroni); the logs ran at the same time for 500 s (epoch send times)",
        method_key: "method.parts_sum",
        method_params: {
          n: 2,
          terms: "a 6 + b 5",
          overlap: { key: "method.overlap_epoch", params: { seconds: 500 } },
        },
        confidence: 0.95,
        sides: 1,
      },
      findings: [],
    });
  });

  it("does not sum logs whose epoch times never overlap: the worst part stands, a pass becomes inconclusive", () => {
    const parts = [
      part("a", 6, { first: 1.7e9, last: 1.7e9 + 600, epoch: true }),
      part("b", 3, { first: 1.7e9 + 600, last: 1.7e9 + 900, epoch: true }),
    ];
    const every = everyOf(parts);
    const message =
      "1.5/low-qps is the sum over the models served together, but the logs never all ran at the same time (a 2023-11-14T22:13:20.000Z–2023-11-14T22:23:20.000Z, b 2023-11-14T22:23:20.000Z–2023-11-14T22:28:20.000Z), so their request_throughput values are not summed; run every model's load at once on the card and submit those logs.";
    const params = {
      requirement: "1.5/low-qps",
      spans:
        "a 2023-11-14T22:13:20.000Z–2023-11-14T22:23:20.000Z, b 2023-11-14T22:23:20.000Z–2023-11-14T22:28:20.000Z",
      metric: "request_throughput",
    };
    expect(sumParts(lowQps, parts, OPTIONS, every)).toEqual({
      ...every,
      verdict: "inconclusive",
      reason: `part a ${message}`,
      reason_key: "reason.then_finding",
      reason_params: {
        reason: { key: "reason.text", params: { text: "part a" }, text: "part a" },
        finding: { key: "PARTS_NOT_CONCURRENT", params, text: message },
      },
      findings: [{ code: "PARTS_NOT_CONCURRENT", severity: "warning", message, params }],
    });
  });

  it("sums relative send times for an upper limit, but keeps a lower limit from passing on an unproven overlap", () => {
    const parts = [part("a", 6, { first: 0, last: 600, epoch: false }), part("b", 5)];
    const atLeast: TargetRequirement = { ...lowQps, op: ">=", value: 8 };
    const judged = [lowQps, atLeast].map((r) => {
      const result = sumParts(r, parts, OPTIONS, everyOf(parts));
      return [result.verdict, result.reason, result.measured?.value];
    });
    expect(judged).toEqual([
      ["fail", "The 2 models together: Measured 11 req/s misses the target < 10 req/s.", 11],
      [
        "inconclusive",
        "The 2 models together: Measured 11 req/s meets ≥ 8 req/s, but not every log has Unix epoch send times, so nothing shows they ran at the same time; submit logs with Unix epoch send times (start_s) so the overlap can be checked.",
        11,
      ],
    ]);
  });

  it("leaves the worst part's result when a part has no value, so a missing log is not hidden in a total", () => {
    const parts = [part("a", 6), part("b", null)];
    const every = { ...everyOf(parts), verdict: "missing" as const };
    expect(sumParts(lowQps, parts, OPTIONS, every)).toEqual(every);
  });

  it("checks a claim against the total", () => {
    const parts = [part("a", 4), part("b", 3)];
    const claimOf = (value: number) =>
      sumParts(lowQps, parts, { ...OPTIONS, claim: { requirement: lowQps.id, value } }, everyOf(parts))
        .claimed?.consistent;
    expect([claimOf(7), claimOf(4)]).toEqual([true, false]);
  });
});
