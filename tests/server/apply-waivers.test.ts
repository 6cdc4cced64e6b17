import { describe, expect, it } from "vitest";
import type { Report, RequirementResult } from "../../src/model/report.ts";
import { applyWaivers } from "../../src/server/apply-waivers.ts";
import { REPORT } from "../store/store-contract.ts";

const TTFT: RequirementResult = {
  id: "1.2/ttft-p99-regression",
  kind: "target",
  title: { en: "p99 TTFT", zh: "p99 首字延迟" },
  metric: "ttft_ms.p99",
  verdict: "fail",
  reason: "Measured 7 % misses ≤ 5 %.",
  target: null,
  measured: null,
  claimed: null,
  findings: [],
};
const TPOT: RequirementResult = {
  ...TTFT,
  id: "1.2/tpot-p99-regression",
  verdict: "inconclusive",
  reason: "Bound.",
};
const REPORT_WITH: Report = {
  ...REPORT,
  verdict: "fail",
  counts: { pass: 0, fail: 1, inconclusive: 1, missing: 0, invalid: 0, waived: 0 },
  requirements: [TTFT, TPOT],
};

describe("applyWaivers", () => {
  it("marks the waived requirement, says who and why, and recomputes counts and the verdict", () => {
    const waiver = {
      requirement: TTFT.id,
      reason: "Trace fixed",
      officer: "Dr. Li",
      createdAt: "2026-08-02T09:00:00Z",
    };
    const note = "Waived by Dr. Li on 2026-08-02: Trace fixed";
    expect(applyWaivers(REPORT_WITH, [waiver])).toEqual({
      ...REPORT_WITH,
      verdict: "inconclusive",
      counts: { pass: 0, fail: 0, inconclusive: 1, missing: 0, invalid: 0, waived: 1 },
      requirements: [
        {
          ...TTFT,
          verdict: "waived",
          reason: `${note} (before the waiver: fail — Measured 7 % misses ≤ 5 %.)`,
          reason_key: "reason.waived",
          reason_params: {
            officer: "Dr. Li",
            date: "2026-08-02",
            reason: "Trace fixed",
            verdict: { key: "verdict.fail" },
            before: "Measured 7 % misses ≤ 5 %.",
          },
          findings: [
            {
              code: "WAIVED",
              severity: "info",
              message: note,
              params: { officer: "Dr. Li", date: "2026-08-02", reason: "Trace fixed" },
            },
          ],
        },
        TPOT,
      ],
    });
  });

  it("lets a later waiver of the same requirement replace an earlier one", () => {
    const first = { requirement: TPOT.id, reason: "first", officer: "A", createdAt: "2026-08-02T09:00:00Z" };
    const second = { ...first, reason: "second", officer: "B", createdAt: "2026-08-03T09:00:00Z" };
    const waived = applyWaivers(REPORT_WITH, [first, second]).requirements[1];
    expect([waived?.verdict, waived?.reason]).toEqual([
      "waived",
      "Waived by B on 2026-08-03: second (before the waiver: inconclusive — Bound.)",
    ]);
  });

  it("returns the report unchanged without waivers", () => {
    expect(applyWaivers(REPORT_WITH, [])).toBe(REPORT_WITH);
  });
});
