import { describe, expect, it } from "vitest";
import { compareClaim, createClaimFinding } from "../../src/judge/claim-check.ts";

const claim = (value: number) => ({ requirement: "1.2/ttft-p99-regression", value });

describe("compareClaim", () => {
  it("accepts a claim within the relative tolerance or half its last digit", () => {
    expect([compareClaim(claim(-4.97), -4.968681072, 0.01), compareClaim(claim(18), 18.4, 0.01)]).toEqual([
      { value: -4.97, consistent: true, tolerance: 0.01 },
      { value: 18, consistent: true, tolerance: 0.01 },
    ]);
  });
});

describe("createClaimFinding", () => {
  it("names a fraction written for a percent, with the value to write", () => {
    // The measured value of fixtures/1.2-pass (p99 TTFT regression, %).
    expect(createClaimFinding(claim(-0.0497), -4.968681072, "%", 0.01)).toEqual({
      code: "CLAIM_AS_FRACTION",
      params: {
        percent: -4.97,
        percent2: -4.97,
        points: "percent",
        requirement: "1.2/ttft-p99-regression",
        shown: -4.969,
        unit: "%",
        unit2: "%",
        unit3: "%",
        value: -0.0497,
        value2: -0.0497,
      },
      severity: "error",
      message:
        "Claimed -0.0497, but 1.2/ttft-p99-regression is in % and the evidence gives -4.969 %: the claim looks like a fraction (-0.0497 = -4.97 %). Write it in percent: value: -4.97.",
    });
  });

  it("keeps a bare mismatch when the scaled claim does not match either, or the unit is not a percent", () => {
    expect([
      createClaimFinding(claim(0.2), -4.968681072, "%", 0.01).code,
      createClaimFinding(
        { requirement: "1.2/startup-reserved-memory", value: 0.0043 },
        0.4296875,
        "GiB",
        0.01,
      ),
    ]).toEqual([
      "CLAIM_MISMATCH",
      {
        code: "CLAIM_MISMATCH",
        params: {
          shown: 0.4297,
          tolerance: 1,
          value: 0.0043,
        },
        severity: "error",
        message:
          "Claimed 0.0043 but the evidence gives 0.4297 (tolerance 1 % relative); correct the claim or submit the evidence it came from.",
      },
    ]);
  });

  it("reads percentage points the same way (a success-rate delta of -0.002 for -0.2 points)", () => {
    expect(
      createClaimFinding({ requirement: "4.2/online-success-rate", value: -0.002 }, -0.2, "points", 0.01)
        .message,
    ).toBe(
      "Claimed -0.002, but 4.2/online-success-rate is in points and the evidence gives -0.2 points: the claim looks like a fraction (-0.002 = -0.2 points). Write it in percentage points: value: -0.2.",
    );
  });
});
