import type { TrainingStep, TrainingTable } from "../../model/collective.ts";
import type { MessageRef } from "../../model/message.ts";
import { findEvidence } from "../find-evidence.ts";
import type { MetricDefinition, MetricEstimate, MetricUnavailable } from "../metric.ts";
import { nested, roleRef, type Sentence } from "../sentence.ts";
import { withBaselineRun } from "./baseline-run.ts";

/**
 * `training.effective_time_ratio` (4.4, 有效训练时长): the share of the job's wall clock spent in
 * iterations that advanced the model. Megatron-LM stops its `interval-time` timer around evaluation
 * and checkpoint saves (megatron/training/training.py, `train`), so `elapsed time per iteration` ×
 * the iterations since the previous line is the productive time of that stretch, while the line's
 * `[%Y-%m-%d %H:%M:%S]` prefix is the wall clock. Wall clock runs from the earliest time the log
 * prints (a `print_datetime` mark such as `[after megatron is initialized]`, or the first line's
 * time less its stretch) to the latest; restarts (an iteration number that goes back) and every
 * gap between lines count against the ratio, and iterations redone after a restart are counted
 * once. The bound is the logs' one-second resolution on both ends of the wall clock.
 */
export const effectiveTrainingTime: MetricDefinition = {
  id: "training.effective_time_ratio",
  unit: "fraction",
  better: "higher",
  evaluate(input) {
    const candidate = measureRatio(
      findEvidence(input, "training-throughput", "candidate")?.training,
      "candidate",
    );
    if ("unavailable" in candidate) return candidate;
    const role = input.baselineRole ?? "baseline";
    const baselineTable = input.evidence[role]?.training;
    if (baselineTable === undefined) return candidate;
    return withBaselineRun(candidate, role, measureRatio(baselineTable, role));
  },
};

/** What the wall clock of a training log was spent on. */
export interface TrainingTimeline {
  productiveMs: number;
  wallMs: number;
  restarts: number;
  /** Wall time between two lines beyond the stretch's own iterations (checkpoints, evaluation, stalls). */
  gapMs: number;
  redoneIterations: number;
  lines: number;
  startLabel: string;
  /** Where the wall clock starts, as a message: the log's own mark, quoted, or the first line. */
  start: MessageRef;
}

/** The timeline of a log whose iteration lines carry times; a sentence says why there is none. */
export function computeTrainingTimeline(table: TrainingTable): TrainingTimeline | Sentence {
  const steps = table.steps.filter((s) => s.timeMs !== undefined);
  if (steps.length === 0)
    return {
      key: "timeline.untimed",
      text: "its iteration lines carry no time (Megatron-LM prints `[YYYY-MM-DD hh:mm:ss] iteration …`); submit the log as Megatron wrote it",
    };
  const interval = Number(table.args.log_interval) > 0 ? Number(table.args.log_interval) : 1;
  let credited = 0;
  let productiveMs = 0;
  let gapMs = 0;
  let restarts = 0;
  let redone = 0;
  let previous: TrainingStep | undefined;
  for (const step of steps) {
    const restarted = previous !== undefined && step.iteration <= previous.iteration;
    if (restarted) restarts++;
    const from =
      previous === undefined || restarted ? Math.max(0, step.iteration - interval) : previous.iteration;
    const stretchMs = step.elapsedMs * (step.iteration - from);
    const fresh = Math.max(0, step.iteration - Math.max(from, credited));
    redone += step.iteration - from - fresh;
    productiveMs += step.elapsedMs * fresh;
    credited = Math.max(credited, step.iteration);
    if (previous !== undefined && !restarted)
      gapMs += Math.max(0, (step.timeMs as number) - (previous.timeMs as number) - stretchMs);
    previous = step;
  }
  const first = steps[0] as TrainingStep;
  const firstStart = (first.timeMs as number) - first.elapsedMs * Math.min(first.iteration, interval);
  const marks = table.clock ?? [];
  const fromFirstLine = {
    label: `line ${first.line} less its iterations`,
    timeMs: firstStart,
    line: first.line,
  };
  const earliest = marks.reduce((a, m) => (m.timeMs <= a.timeMs ? m : a), fromFirstLine);
  const end = Math.max(...steps.map((s) => s.timeMs as number), ...marks.map((m) => m.timeMs));
  return {
    productiveMs,
    wallMs: end - earliest.timeMs,
    restarts,
    gapMs,
    redoneIterations: redone,
    lines: steps.length,
    startLabel: earliest.label,
    start:
      earliest === fromFirstLine
        ? { key: "timeline.start_line", params: { line: first.line } }
        : { key: "timeline.start_mark", params: { label: earliest.label } },
  };
}

// --- internal ---

/** Megatron's times are whole seconds (`%S`): each end of the wall clock is known to within one. */
const RESOLUTION_MS = 1000;

function measureRatio(table: TrainingTable | undefined, role: string): MetricEstimate | MetricUnavailable {
  if (table === undefined)
    return {
      unavailable: "missing",
      reason: `No ${role} training log was submitted; the effective training time needs the Megatron-LM log.`,
      reasonRef: { key: "missing.effective_time_log", params: { role: roleRef(role) } },
    };
  const timeline = computeTrainingTimeline(table);
  if ("key" in timeline)
    return {
      unavailable: "missing",
      reason: `The ${role} log cannot time its run: ${timeline.text}.`,
      reasonRef: { key: "missing.effective_time", params: { role: roleRef(role), why: nested(timeline) } },
    };
  const { productiveMs, wallMs } = timeline;
  if (!(wallMs > 0))
    return {
      unavailable: "invalid",
      reason: `The ${role} log's times span no wall clock; submit the whole log.`,
      reasonRef: { key: "invalid.effective_time_no_clock", params: { role: roleRef(role) } },
    };
  const value = Math.min(1, productiveMs / wallMs);
  return {
    value,
    low: productiveMs / (wallMs + RESOLUTION_MS),
    high: Math.min(1, productiveMs / Math.max(wallMs - RESOLUTION_MS, productiveMs)),
    n: timeline.lines,
    method: `Σ elapsed time per iteration × iterations = ${seconds(productiveMs)} s productive of ${seconds(wallMs)} s wall clock (from [${timeline.startLabel}]), over ${timeline.lines} iteration lines; ${timeline.restarts} restart(s), ${timeline.redoneIterations} iteration(s) redone, ${seconds(timeline.gapMs)} s between lines beyond their iterations (checkpoints, evaluation, stalls); bound from the log's 1 s time resolution`,
    methodRef: {
      key: "method.effective_time",
      params: {
        productive: seconds(productiveMs),
        wall: seconds(wallMs),
        start: timeline.start,
        lines: timeline.lines,
        restarts: timeline.restarts,
        redone: timeline.redoneIterations,
        gap: seconds(timeline.gapMs),
      },
    },
  };
}

function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}
