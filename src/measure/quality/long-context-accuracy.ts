import type { AccuracyTable } from "../../model/quality.ts";
import { findEvidence } from "../find-evidence.ts";
import type { MetricDefinition } from "../metric.ts";
import { accuracyMean } from "./accuracy-metrics.ts";

/**
 * `accuracy.long_context` (5.1, 推理精度 at long context): `accuracy.mean` over the long-context tasks
 * of an accuracy file — RULER (lm-eval `niah_*`, `ruler_*`), LongBench (`longbench_*`), and the other
 * suites named in `LONG_CONTEXT_TASK` — unless the claim declares `tasks`. lm-eval's RULER tasks
 * score one metric per sequence length (`4096`, `131072`, …); the longest length is read, since the
 * topic asks for accuracy at the supported context.
 */
export const longContextAccuracy: MetricDefinition = {
  id: "accuracy.long_context",
  unit: "fraction",
  better: "higher",
  evaluate(input) {
    if (input.conditions.tasks !== undefined) return accuracyMean.evaluate(input);
    const table = findEvidence(input, "accuracy", "candidate")?.accuracy;
    if (table === undefined) return accuracyMean.evaluate(input);
    const tasks = [
      ...new Set(table.scores.filter((s) => !s.group && LONG_CONTEXT_TASK.test(s.task)).map((s) => s.task)),
    ];
    if (tasks.length === 0)
      return {
        unavailable: "missing",
        reason: `The accuracy file has no long-context task (RULER, LongBench, NIAH, InfiniteBench, …; it holds ${[...new Set(table.scores.map((s) => s.task))].slice(0, 5).join(", ")}); run them, or declare the tasks with the claim condition \`tasks\`.`,
      };
    const metric = input.conditions.metric ?? longestLengths(table, tasks);
    return accuracyMean.evaluate({
      ...input,
      conditions: {
        ...input.conditions,
        tasks: tasks.join(","),
        ...(metric === undefined ? {} : { metric }),
      },
    });
  },
};

/** Task names of the long-context suites lm-eval and OpenCompass ship. */
export const LONG_CONTEXT_TASK =
  /^(ruler|niah|longbench|babilong|infinitebench|inf_bench|loogle|leval|l_eval|helmet|scrolls|zero_scrolls|needlebench|lveval)/i;

// --- internal ---

/** `task:<longest length>` for every task whose metrics are sequence lengths (RULER); undefined when none. */
function longestLengths(table: AccuracyTable, tasks: readonly string[]): string | undefined {
  const picks = tasks.flatMap((task) => {
    const lengths = table.scores
      .filter((s) => s.task === task && /^\d+$/.test(s.metric))
      .map((s) => Number(s.metric));
    return lengths.length === 0 ? [] : [`${task}:${Math.max(...lengths)}`];
  });
  return picks.length === 0 ? undefined : picks.join(",");
}
