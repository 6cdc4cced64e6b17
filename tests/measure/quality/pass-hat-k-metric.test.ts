import { describe, expect, it } from "vitest";
import { tauBench } from "../../../src/formats/quality/tau-bench.ts";
import { isUnavailable, type MetricEstimate } from "../../../src/measure/metric.ts";
import { resolveQualityMetric } from "../../../src/measure/quality/quality-metrics.ts";
import { textFile } from "../../formats/quality/quality-test-helpers.ts";
import { qualityInput } from "./quality-test-input.ts";

const run = (rewards: number[][]) =>
  tauBench.parse(
    textFile(
      "tau.json",
      JSON.stringify(
        rewards.flatMap((trials, task) => trials.map((reward, trial) => ({ task_id: task, reward, trial }))),
      ),
    ),
  );

describe("outcomes.pass^k", () => {
  it("measures pass^2 over tasks with a bootstrap over tasks", () => {
    const metric = resolveQualityMetric("outcomes.pass^2");
    const result = metric?.evaluate(
      qualityInput({
        candidate: run([
          [1, 1, 0],
          [1, 1, 1],
          [0, 0, 1],
        ]),
      }),
    ) as MetricEstimate;
    // (1/3 + 1 + 0) / 3 tasks
    expect(result.value).toBeCloseTo(4 / 9, 12);
    expect([result.n, result.method]).toEqual([
      3,
      "pass^2 = mean over tasks of C(c,2)/C(n,2) (τ-bench display_metrics) over 3 tasks × 3 trials; bootstrap over 3 tasks, 10000 resamples, seed 20240",
    ]);
  });

  it("is invalid when a task has fewer trials than k", () => {
    const result = resolveQualityMetric("outcomes.pass^4")?.evaluate(
      qualityInput({ candidate: run([[1, 1]]) }),
    );
    expect(isUnavailable(result as MetricEstimate)).toBe(true);
  });

  it("compares pass^1 with the baseline on the common tasks and flags the ones that differ", () => {
    const result = resolveQualityMetric("outcomes.pass^1")?.evaluate(
      qualityInput(
        {
          candidate: run([
            [1, 1],
            [1, 0],
          ]),
          baseline: run([
            [1, 0],
            [0, 0],
            [1, 1],
          ]),
        },
        "improvement",
      ),
    ) as MetricEstimate;
    // candidate (1 + 0.5)/2 = 0.75 on tasks 0,1; baseline (0.5 + 0)/2 = 0.25 → +200 %
    expect([result.candidate, result.baseline, result.value]).toEqual([0.75, 0.25, 2]);
    expect(result.findings?.map((f) => f.code)).toEqual(["OUTCOMES_TASKS_DIFFER"]);
  });
});
