import { describe, expect, it } from "vitest";
import { compareReports } from "../../src/judge/compare-reports.ts";
import type { Measured } from "../../src/model/report.ts";
import { createSampleReport } from "../render/sample-report.ts";

describe("compareReports", () => {
  it("lists the requirements whose verdict or value changed and the inputs whose hash changed", () => {
    const previous = createSampleReport({ verdict: "pass" });
    const current = createSampleReport();
    const first = current.requirements[0] as (typeof current.requirements)[0];
    previous.requirements[0] = {
      ...first,
      verdict: "pass",
      measured: { ...(first.measured as Measured), value: 2.5 },
    };
    current.inputs[0] = { ...(current.inputs[0] as (typeof current.inputs)[0]), sha256: "b".repeat(64) };
    expect(compareReports(previous, current)).toEqual({
      previous: { generatedAt: "2026-09-21T14:13:20.000Z", version: "0.1.0", verdict: "pass" },
      verdict: { from: "pass", to: "fail" },
      requirements: [
        {
          id: "1.2/ttft-p99-regression",
          verdict: { from: "pass", to: "fail" },
          measured: { from: 2.5, to: 21.87 },
        },
      ],
      inputs: [
        {
          role: "candidate",
          path: { from: "candidate.csv", to: "candidate.csv" },
          sha256: { from: "a".repeat(64), to: "b".repeat(64) },
        },
      ],
    });
  });

  it("lists nothing when a report is compared with itself", () => {
    const report = createSampleReport();
    expect([compareReports(report, report).requirements, compareReports(report, report).inputs]).toEqual([
      [],
      [],
    ]);
  });
});
