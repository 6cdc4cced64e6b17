import { describe, expect, it } from "vitest";
import { tauBench } from "../../../src/formats/quality/tau-bench.ts";
import { hasQualitySamples, readQualityText, textFile } from "./quality-test-helpers.ts";

describe("tau-bench", () => {
  it("reads EnvRunResult records: success iff the reward is within 1e-6 of 1", () => {
    const json = `[
  {"task_id": 0, "reward": 1.0, "info": {}, "traj": [], "trial": 0},
  {"task_id": 0, "reward": 0.9999999, "info": {}, "traj": [], "trial": 1},
  {"task_id": 1, "reward": 0.5, "info": {}, "traj": [], "trial": 0}
]`;
    const parsed = tauBench.parse(textFile("airline.json", json));
    const o = parsed.outcomes;
    expect({
      rows: parsed.rows,
      ids: o?.itemId,
      success: [...(o?.success ?? [])],
      trial: [...(o?.trial ?? [])],
      lines: [...(o?.lines ?? [])],
      context: parsed.context,
      findings: parsed.findings,
    }).toEqual({
      rows: 3,
      ids: ["0", "0", "1"],
      success: [1, 1, 0],
      trial: [0, 1, 0],
      lines: [2, 3, 4],
      context: { tasks: 2, trials: 2 },
      findings: [],
    });
  });

  it("reports a record without a reward with its line, and keeps the others", () => {
    const parsed = tauBench.parse(
      textFile("r.json", '[\n{"task_id": 3, "trial": 0},\n{"task_id": 4, "reward": 0, "trial": 0}\n]'),
    );
    expect([parsed.rows, parsed.findings.map((f) => [f.code, f.location?.line])]).toEqual([
      1,
      [["TAU_BENCH_INCOMPLETE", 2]],
    ]);
  });

  it("detects the τ-bench list but not an object", () => {
    expect(
      tauBench.detect({ path: "a", head: '[{"task_id": 1, "reward": 1.0, "info": {}, "traj": []' }),
    ).toBe(0.85);
    expect(tauBench.detect({ path: "b", head: '{"task_id": 1, "reward": 1}' })).toBe(0);
  });
});

describe.skipIf(!hasQualitySamples)("tau-bench on the gpt-4o airline extract", () => {
  if (!hasQualitySamples) return;

  it("reads all 200 trials of 50 tasks back from the tool's JSON layout", () => {
    const rows = readQualityText("tau_bench/gpt-4o-airline.task_trial_reward.extract.csv")
      .trim()
      .split("\n")
      .slice(1);
    const json = JSON.stringify(
      rows.map((r) => {
        const [task, trial, reward] = r.split(",").map(Number);
        return { task_id: task, reward, info: {}, traj: [], trial };
      }),
    );
    const parsed = tauBench.parse(textFile("gpt-4o-airline.json", json));
    expect([parsed.rows, parsed.context, parsed.findings]).toEqual([200, { tasks: 50, trials: 4 }, []]);
  });
});
