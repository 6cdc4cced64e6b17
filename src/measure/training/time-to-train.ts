import type { TimeToTrain, TrainingTable } from "../../model/collective.ts";
import { createFinding } from "../../model/create-finding.ts";
import type { ParsedEvidence } from "../../model/evidence.ts";
import { findEvidence } from "../find-evidence.ts";
import type { MetricDefinition, MetricEstimate, MetricUnavailable } from "../metric.ts";
import { nested, roleRef, type Sentence } from "../sentence.ts";
import { computeChange } from "../stats/relative-change.ts";

/**
 * `training.time_to_train_minutes`: an MLPerf Training result's score, read the way mlcommons/logging's
 * results summarizer reads it (`_query_run_start_stop`: the last run_start before the first run_stop,
 * (run_stop − run_start) time_ms / 60 000). One run gives one exact number, so there is no sampling
 * bound; the MLPerf rules score a benchmark over several runs (olympic mean), which a team states by
 * submitting the runs, not by this metric. As a comparison, against the baseline's result the same way.
 */
export const timeToTrainMinutes: MetricDefinition = {
  id: "training.time_to_train_minutes",
  unit: "min",
  better: "lower",
  evaluate(input) {
    const candidate = readScore(findEvidence(input, "training-throughput", "candidate"), "candidate");
    if ("unavailable" in candidate) return candidate;
    if (input.comparison === "none") return exact(candidate.minutes, candidate.method);
    const role = input.baselineRole ?? "baseline";
    const baseline = readScore(findEvidence(input, "training-throughput", "baseline"), role);
    if ("unavailable" in baseline) return baseline;
    const value = computeChange(input.comparison, "lower", candidate.minutes, baseline.minutes);
    return {
      ...exact(value, {
        key: "method.time_to_train_change",
        params: { c: nested(candidate.method), role: roleRef(role), b: nested(baseline.method) },
        text: `candidate ${candidate.method.text}; ${role} ${baseline.method.text}`,
      }),
      candidate: candidate.minutes,
      baseline: baseline.minutes,
    };
  },
};

/**
 * Why a per-step metric (throughput, loss) has nothing to read in an MLPerf Training result that
 * logs no per-step numbers (gpt3, resnet, stable_diffusion, llama2_70b_lora): the result is complete,
 * it is scored by its time to train, so the per-step metric is `missing`, not `invalid`.
 */
export function describeScoredByTimeToTrain(
  evidence: ParsedEvidence,
  role: string,
  what: "throughput" | "loss",
): MetricUnavailable | undefined {
  const timed = evidence.training?.timeToTrain;
  if (timed === undefined) return undefined;
  const benchmark = evidence.context?.benchmark;
  const wanted =
    what === "throughput"
      ? "a log with a throughput per step: a Megatron-LM log (elapsed time per iteration and global batch size), or an MLPerf log whose implementation writes tracked_stats throughput"
      : "a log with a loss per step (a Megatron-LM log, or the training-throughput CSV with its loss column)";
  return {
    unavailable: "missing",
    reason: `The ${role} MLPerf Training result${benchmark === undefined ? "" : ` (${benchmark})`} logs no ${what} per step: it is scored by its time to train, ${round3(timed.minutes)} min with run_stop status ${timed.status} (metric training.time_to_train_minutes). For a ${what} requirement submit ${wanted}.`,
    reasonRef: {
      key: "missing.scored_by_time_to_train",
      params: {
        role: roleRef(role),
        benchmark: benchmark === undefined ? "none" : String(benchmark),
        what,
        minutes: round3(timed.minutes),
        status: timed.status,
      },
    },
  };
}

// --- internal ---

function readScore(
  evidence: ParsedEvidence | undefined,
  role: string,
): { minutes: number; method: Sentence } | MetricUnavailable {
  const table = evidence?.training;
  const timed = table?.timeToTrain;
  if (table === undefined || timed === undefined)
    return {
      unavailable: "missing",
      reason: `No ${role} MLPerf Training result with run_start and run_stop was submitted; time to train is MLPerf Training's score: submit the run's whole result_N.txt (:::MLLOG lines).`,
      reasonRef: { key: "missing.time_to_train", params: { role: roleRef(role) } },
    };
  const broken = checkScore(table, timed);
  if (broken !== undefined) return broken;
  return {
    minutes: timed.minutes,
    method: {
      key: "method.time_to_train",
      params: {
        minutes: round3(timed.minutes),
        start: timed.startLine,
        stop: timed.stopLine,
        status: timed.status,
      },
      text: `(run_stop − run_start) / 60 000 ms = ${round3(timed.minutes)} min, run_start line ${timed.startLine}, run_stop line ${timed.stopLine} (status ${timed.status}), as the MLPerf results summarizer reads it`,
    },
  };
}

/** A run that did not end in success, or whose clock runs backwards, has no time to train. */
function checkScore(table: TrainingTable, timed: TimeToTrain): MetricUnavailable | undefined {
  const where = { path: table.path, line: timed.stopLine };
  if (timed.status !== "success") {
    const message = `run_stop has status ${timed.status}: MLPerf scores only a run that ends with status success, so this run has no time to train; submit a run that converged.`;
    const params = { variant: "time_to_train", status: timed.status };
    return {
      unavailable: "invalid",
      reason: message,
      reasonRef: { key: "MLLOG_RUN_NOT_SUCCESS", params },
      findings: [createFinding("MLLOG_RUN_NOT_SUCCESS", "error", message, where, params)],
    };
  }
  if (timed.minutes > 0) return undefined;
  const message = `run_stop is not after run_start (${round3(timed.minutes)} min): the timestamps were edited or the lines of two runs were mixed; submit the run's unedited result_N.txt.`;
  const params = { variant: "time_to_train", minutes: round3(timed.minutes) };
  return {
    unavailable: "invalid",
    reason: message,
    reasonRef: { key: "MLLOG_BAD_TIME_TO_TRAIN", params },
    findings: [createFinding("MLLOG_BAD_TIME_TO_TRAIN", "error", message, where, params)],
  };
}

function exact(value: number, method: Sentence): MetricEstimate {
  // One run's score is a reading, not a sample: the bound is the value itself.
  return {
    value,
    low: value,
    high: value,
    n: 1,
    method: `${method.text}; exact (one run, no sampling)`,
    methodRef: { key: "method.exact_one_run", params: { method: nested(method) } },
  };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
