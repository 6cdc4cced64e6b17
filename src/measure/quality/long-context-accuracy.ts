import type { AccuracyTable } from "../../model/quality.ts";
import { findEvidence } from "../find-evidence.ts";
import type { MetricDefinition } from "../metric.ts";
import { accuracyMean } from "./accuracy-metrics.ts";

/**
 * `accuracy.long_context` (5.1, 推理精度 at long context): `accuracy.mean` over the long-context tasks
 * of an accuracy file — RULER (lm-eval `niah_*`, `ruler_*`), LongBench (`longbench_*`), and the other
 * suites named in `LONG_CONTEXT_TASK` — unless the claim declares `tasks`. lm-eval's RULER tasks
 * score one metric per sequence length (`4096`, `131072`, …); the longest length is read, since the
 * topic asks for accuracy at the supported context. LongBench tasks score one metric each
 * (lm_eval/tasks/longbench/*.yaml: `qa_f1_score`, `rouge_score`, …), which is read.
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
    if (tasks.length === 0) {
      const held = [...new Set(table.scores.map((s) => s.task))].slice(0, 5).join(", ");
      return {
        unavailable: "missing",
        reason: `The accuracy file has no long-context task (RULER, LongBench, NIAH, InfiniteBench, …; it holds ${held}); run them, or declare the tasks with the claim condition \`tasks\`.`,
        reasonRef: { key: "missing.long_context_tasks", params: { held } },
      };
    }
    const metric = input.conditions.metric ?? chooseMetrics(table, tasks);
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

/**
 * The metric read per task: the longest sequence length for RULER (metrics named by length), the
 * task's only metric for LongBench (`qa_f1_score`, `rouge_score`, `retrieval_score`, … one per task);
 * other tasks keep the headline choice. Undefined when no task needs a choice.
 */
function chooseMetrics(table: AccuracyTable, tasks: readonly string[]): string | undefined {
  const picks = tasks.flatMap((task) => {
    const metrics = [...new Set(table.scores.filter((s) => s.task === task).map((s) => s.metric))];
    const lengths = metrics.filter((m) => /^\d+$/.test(m)).map(Number);
    if (lengths.length > 0) return [`${task}:${Math.max(...lengths)}`];
    return metrics.length === 1 ? [`${task}:${metrics[0]}`] : [];
  });
  return picks.length === 0 ? undefined : picks.join(",");
}
