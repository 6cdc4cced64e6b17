import { createFinding } from "../../model/create-finding.ts";
import type { ItemOutcomes } from "../../model/evidence.ts";
import type { Finding } from "../../model/finding.ts";
import type { MessageRef } from "../../model/message.ts";
import { findEvidence } from "../find-evidence.ts";
import type { MeasureInput, MetricDefinition, MetricEstimate, MetricUnavailable } from "../metric.ts";
import { roleRef } from "../sentence.ts";
import {
  bootstrapRef,
  describeBootstrap,
  estimatePairedMean,
  show,
  undefinedChange,
} from "../stats/paired-change.ts";
import { boundSamplesNeeded } from "../stats/paired-resample.ts";
import { computePassHatK, type PassHatKResult } from "./pass-hat-k.ts";

/** `outcomes.pass^<k>` (τ-bench): every k-subset of a task's trials succeeds; undefined for other ids. */
export function resolvePassHatKMetric(id: string): MetricDefinition | undefined {
  const match = /^outcomes\.pass\^(\d+)$/.exec(id);
  const k = Number(match?.[1]);
  if (match === null || !(k >= 1)) return undefined;
  return { id, unit: "fraction", better: "higher", evaluate: (input) => evaluatePassHatK(input, k) };
}

// --- internal ---

function evaluatePassHatK(input: MeasureInput, k: number): MetricEstimate | MetricUnavailable {
  const candidate = findEvidence(input, "outcomes", "candidate")?.outcomes;
  if (candidate === undefined)
    return missing(
      "No per-trial outcomes were submitted; add the τ-bench results file or an outcomes CSV with a trial column.",
      { key: "missing.pass_hat_k" },
    );
  const c = computePassHatK(candidate.itemId, candidate.success, k);
  const short = tooFewTrials(c, "candidate");
  if (short !== undefined) return short;
  const findings = unevenTrials(c, "candidate");
  const spec = `pass^${k} = mean over tasks of C(c,${k})/C(n,${k}) (τ-bench display_metrics)`;
  const common = { better: "higher" as const, seed: input.seed, confidence: input.confidence };
  if (input.comparison === "none") {
    const est = estimatePairedMean({ ...common, comparison: "none", candidate: c.perTask });
    const n = c.taskIds.length;
    return {
      ...bounds(est, n),
      method: `${spec} over ${n} tasks × ${show(mean(c.trials))} trials; ${describeBootstrap(n, "tasks", est.resamples, input.seed, false)}`,
      methodRef: {
        key: "method.pass_hat_k",
        params: {
          k,
          n,
          trials: show(mean(c.trials)),
          bootstrap: bootstrapRef(n, "tasks", est.resamples, input.seed, false),
        },
      },
      findings,
    };
  }
  const role = input.baselineRole ?? "baseline";
  const baselineOutcomes: ItemOutcomes | undefined = findEvidence(input, "outcomes", "baseline")?.outcomes;
  if (baselineOutcomes === undefined)
    return missing(`No ${role} per-trial outcomes were submitted.`, {
      key: "missing.pass_hat_k_baseline",
      params: { role: roleRef(role) },
    });
  const b = computePassHatK(baselineOutcomes.itemId, baselineOutcomes.success, k);
  const shortB = tooFewTrials(b, role);
  if (shortB !== undefined) return shortB;
  findings.push(...unevenTrials(b, role));
  const paired = pairTasks(c, b, role, findings);
  if (paired === undefined)
    return {
      unavailable: "invalid",
      reason: `The candidate and ${role} share no task ids.`,
      reasonRef: { key: "reason.pass_hat_k_no_common_task", params: { role: roleRef(role) } },
      findings,
    };
  const est = estimatePairedMean({ ...common, comparison: input.comparison, ...paired });
  const undefinedRatio = undefinedChange(est.value, role, est.baseline ?? Number.NaN);
  if (undefinedRatio !== undefined) return { ...undefinedRatio, findings };
  const n = paired.candidate.length;
  return {
    ...bounds(est, n),
    method: `${spec}: ${show(est.candidate)} vs ${role} ${show(est.baseline ?? Number.NaN)}; ${describeBootstrap(n, "tasks", est.resamples, input.seed, true)}`,
    methodRef: {
      key: "method.pass_hat_k_change",
      params: {
        k,
        c: show(est.candidate),
        role: roleRef(role),
        b: show(est.baseline ?? Number.NaN),
        bootstrap: bootstrapRef(n, "tasks", est.resamples, input.seed, true),
      },
    },
    candidate: est.candidate,
    baseline: est.baseline ?? Number.NaN,
    findings,
  };
}

function bounds(est: { value: number; low: number | null; high: number | null }, n: number) {
  return {
    value: est.value,
    low: est.low,
    high: est.high,
    n,
    nNeeded: boundSamplesNeeded(n, est.value, est.low, est.high),
  };
}

function pairTasks(c: PassHatKResult, b: PassHatKResult, role: string, findings: Finding[]) {
  const base = new Map(b.taskIds.map((id, i) => [id, b.perTask[i] as number]));
  const ids = c.taskIds.filter((id) => base.has(id));
  if (ids.length === 0) return undefined;
  if (ids.length < c.taskIds.length || ids.length < b.taskIds.length)
    findings.push(
      createFinding(
        "OUTCOMES_TASKS_DIFFER",
        "warning",
        `The candidate has ${c.taskIds.length} tasks and the ${role} ${b.taskIds.length}; only the ${ids.length} common tasks are compared. Run both on the same fixed task list.`,
        undefined,
        {
          task_ids_count: c.taskIds.length,
          role: roleRef(role),
          task_ids_count2: b.taskIds.length,
          ids_count: ids.length,
        },
      ),
    );
  const cand = new Map(c.taskIds.map((id, i) => [id, c.perTask[i] as number]));
  return {
    candidate: Float64Array.from(ids, (id) => cand.get(id) as number),
    baseline: Float64Array.from(ids, (id) => base.get(id) as number),
  };
}

function tooFewTrials(result: PassHatKResult, role: string): MetricUnavailable | undefined {
  const short = result.taskIds.filter((_, i) => (result.trials[i] as number) < result.k);
  if (short.length === 0) return undefined;
  return {
    unavailable: "invalid",
    reason: `${short.length} ${role} task(s) have fewer than ${result.k} trials (first: ${short[0]}); pass^${result.k} needs at least ${result.k} trials of every task.`,
    reasonRef: {
      key: "reason.pass_hat_k_few_trials",
      params: { count: short.length, role: roleRef(role), k: result.k, first: String(short[0]) },
    },
  };
}

function unevenTrials(result: PassHatKResult, role: string): Finding[] {
  const counts = new Set(result.trials);
  if (counts.size <= 1) return [];
  return [
    createFinding(
      "OUTCOMES_UNEVEN_TRIALS",
      "warning",
      `The ${role} tasks have different numbers of trials (${[...counts].sort((a, b) => a - b).join(", ")}); τ-bench assumes the same n for every task, so rerun the missing trials.`,
      undefined,
      { role: roleRef(role), b: [...counts].sort((a, b) => a - b).join(", ") },
    ),
  ];
}

function mean(values: Int32Array): number {
  return values.reduce((s, v) => s + v, 0) / Math.max(1, values.length);
}

function missing(reason: string, reasonRef: MessageRef): MetricUnavailable {
  return { unavailable: "missing", reason, reasonRef };
}
