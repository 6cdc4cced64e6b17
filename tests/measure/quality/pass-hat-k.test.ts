import { describe, expect, it } from "vitest";
import { computePassHatK } from "../../../src/measure/quality/pass-hat-k.ts";
import { hasQualitySamples, readQualityText } from "../../formats/quality/quality-test-helpers.ts";

describe("computePassHatK", () => {
  it("is C(c,k)/C(n,k) per task, averaged over tasks", () => {
    // task a: 2 of 3 succeed → pass^2 = C(2,2)/C(3,2) = 1/3; task b: 3 of 3 → 1.
    const result = computePassHatK(["a", "a", "a", "b", "b", "b"], Uint8Array.from([1, 1, 0, 1, 1, 1]), 2);
    expect(result.value).toBeCloseTo(2 / 3, 12);
    expect([result.taskIds, [...result.trials]]).toEqual([
      ["a", "b"],
      [3, 3],
    ]);
  });

  it("marks a task with fewer than k trials as NaN", () => {
    expect(Number.isNaN(computePassHatK(["a"], Uint8Array.from([1]), 2).perTask[0])).toBe(true);
  });
});

describe.skipIf(!hasQualitySamples)("pass^k on the τ-bench gpt-4o airline extract", () => {
  if (!hasQualitySamples) return;

  it("reproduces display_metrics: pass^1 0.42, pass^2 0.2733, pass^3 0.22, pass^4 0.20", () => {
    const rows = readQualityText("tau_bench/gpt-4o-airline.task_trial_reward.extract.csv")
      .trim()
      .split("\n")
      .slice(1);
    const ids = rows.map((r) => r.split(",")[0] as string);
    const success = Uint8Array.from(rows, (r) => (Number(r.split(",")[2]) === 1 ? 1 : 0));
    const values = [1, 2, 3, 4].map((k) => computePassHatK(ids, success, k).value);
    // SOURCES.md §6, computed with the repo's own formula.
    [0.42, 0.2733333333333333, 0.22, 0.2].forEach((expected, i) => {
      expect(values[i]).toBeCloseTo(expected, 12);
    });
  });
});
