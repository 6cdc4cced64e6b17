import { createFinding } from "../../model/create-finding.ts";
import type { Finding } from "../../model/finding.ts";
import type { MessageRef } from "../../model/message.ts";
import type { AccuracyScore, AccuracyTable, QualityEvidence } from "../../model/quality.ts";
import { findEvidence } from "../find-evidence.ts";
import type { MeasureInput, MetricDefinition, MetricEstimate, MetricUnavailable } from "../metric.ts";
import { roleRef } from "../sentence.ts";
import { show, undefinedChange } from "../stats/paired-change.ts";
import { boundSamplesNeeded } from "../stats/paired-resample.ts";
import { computeChange } from "../stats/relative-change.ts";
import type { PairedStratum } from "../stats/stratified-bootstrap.ts";
import { deltaMethod, itemBootstrap, normalBound, summarize } from "./accuracy-bounds.ts";
import {
  type AccuracyProtocol,
  type AccuracySelection,
  pairAccuracyItems,
  selectAccuracyScores,
} from "./accuracy-selection.ts";

/**
 * `accuracy.mean`: the unweighted mean over the declared tasks of one score per task (the "average
 * accuracy" of quantization papers), with a normal bound from the per-task standard errors; as a
 * `loss`/`improvement`/`delta` against the baseline, by a paired bootstrap over items when both sides
 * carry per-item scores (lm-eval samples), else by the delta method with the two models' errors
 * treated as independent, which is conservative when both answered the same items.
 */
export const accuracyMean: MetricDefinition = {
  id: "accuracy.mean",
  unit: "fraction",
  better: "higher",
  evaluate(input) {
    const result = evaluateAccuracy(input);
    const partial = truncatedRun(input);
    return "unavailable" in result || partial === undefined ? result : { ...result, ...partial };
  },
};

// --- internal ---

const TRUNCATION_CODES = new Set(["LM_EVAL_LIMIT", "LM_EVAL_PARTIAL"]);

/** A run scored on a subset (lm-eval `--limit`, effective n below the task size) cannot pass a target. */
function truncatedRun(input: MeasureInput): { partial: string; partialRef: MessageRef } | undefined {
  const sides = [findEvidence(input, "accuracy", "candidate"), findEvidence(input, "accuracy", "baseline")];
  const flagged = sides.flatMap((e) => e?.findings.filter((f) => TRUNCATION_CODES.has(f.code)) ?? []);
  if (flagged.length === 0) return undefined;
  const paths = [...new Set(flagged.map((f) => f.location?.path))];
  const where = paths.map((path) => path ?? "an accuracy file").join(", ");
  const code = flagged[0]?.code ?? "";
  return {
    partial: `the accuracy run in ${where} scored only part of the test set (${code}); rerun on the full test sets without --limit.`,
    partialRef: {
      key: "partial.accuracy_truncated",
      params: {
        // A file's path is a name in any language; the phrase for a finding without one is not.
        where:
          paths.length === 1 && paths[0] === undefined
            ? { key: "partial.accuracy_file", text: where }
            : where,
        code,
      },
    },
  };
}

function evaluateAccuracy(input: MeasureInput): MetricEstimate | MetricUnavailable {
  const candidate = readSide(input, "candidate", "model");
  if ("unavailable" in candidate) return candidate;
  const c = summarize(candidate.scores);
  const list = candidate.scores.map((s) => `${s.task} ${s.metric}`).join(", ");
  if (input.comparison === "none") {
    const bound = normalBound(c.mean, c.variance, input.confidence);
    return {
      value: c.mean,
      ...bound,
      n: c.n,
      method: `mean of ${candidate.scores.length} task score(s) (${list}); normal bound from the per-task standard errors`,
      methodRef: { key: "method.accuracy_mean", params: { count: candidate.scores.length, list } },
      findings: candidate.findings,
      nNeeded: boundSamplesNeeded(c.n, c.mean, bound.low, bound.high),
    };
  }
  const role = input.baselineRole ?? "baseline";
  const baseline = readSide(input, "baseline", "baseline_model");
  if ("unavailable" in baseline) return baseline;
  const paired = pairTasks(candidate.scores, baseline.scores, role);
  if (paired.candidate.length === 0)
    return {
      unavailable: "invalid",
      reason: `The candidate and ${role} share no task.`,
      reasonRef: { key: "reason.accuracy_no_common_task", params: { role: roleRef(role) } },
      findings: paired.findings,
    };
  const items = pairAccuracyItems(candidate.table, baseline.table, paired);
  const findings = [
    ...candidate.findings,
    ...baseline.findings,
    ...paired.findings,
    ...(items?.findings ?? []),
  ];
  return relative(input, role, paired, items?.strata, findings);
}

function relative(
  input: MeasureInput,
  role: string,
  paired: { candidate: AccuracyScore[]; baseline: AccuracyScore[] },
  strata: PairedStratum[] | undefined,
  findings: Finding[],
): MetricEstimate | MetricUnavailable {
  const c = summarize(paired.candidate);
  const b = summarize(paired.baseline);
  const change = (x: number, y: number) => computeChange(input.comparison, "higher", x, y);
  const est = strata === undefined ? deltaMethod(c, b, input, change) : itemBootstrap(strata, input, change);
  const undefinedRatio = undefinedChange(est.value, role, est.baseline);
  if (undefinedRatio !== undefined) return { ...undefinedRatio, findings };
  const n =
    strata === undefined ? Math.min(c.n, b.n) : strata.reduce((sum, s) => sum + s.candidate.length, 0);
  const points = (100 * (est.baseline - est.candidate)).toFixed(2);
  const relativeDrop = (100 * (1 - est.candidate / est.baseline)).toFixed(2);
  return {
    value: est.value,
    low: est.low,
    high: est.high,
    n,
    method: `mean of ${paired.candidate.length} task score(s) ${show(est.candidate)} vs ${role} ${show(est.baseline)} (absolute drop ${points} points, relative ${relativeDrop} %); ${est.method}`,
    methodRef: {
      key: "method.accuracy_change",
      params: {
        count: paired.candidate.length,
        c: show(est.candidate),
        role: roleRef(role),
        b: show(est.baseline),
        points,
        relative: relativeDrop,
        bound: { ...est.methodRef, text: est.method },
      },
    },
    candidate: est.candidate,
    baseline: est.baseline,
    findings: [...findings, ...protocolDifferences(paired.candidate, paired.baseline, role)],
    nNeeded: boundSamplesNeeded(n, est.value, est.low, est.high),
  };
}

function readSide(
  input: MeasureInput,
  side: "candidate" | "baseline",
  modelKey: string,
): (AccuracySelection & { table: AccuracyTable }) | MetricUnavailable {
  const evidence: QualityEvidence | undefined = findEvidence(input, "accuracy", side);
  const table: AccuracyTable | undefined = evidence?.accuracy;
  if (table === undefined) {
    const role = side === "candidate" ? "candidate" : (input.baselineRole ?? "baseline");
    return {
      unavailable: "missing",
      reason: `No ${role} accuracy file was submitted (lm-eval results JSON or samples, OpenCompass summary, or the accuracy CSV).`,
      reasonRef: { key: "missing.accuracy_file", params: { role: roleRef(role) } },
    };
  }
  const protocol: AccuracyProtocol = {};
  for (const [key, name] of [
    ["tasks", "tasks"],
    ["metric", "metric"],
    ["filter", "filter"],
    ["model", modelKey],
  ] as const) {
    const value = input.conditions[name];
    if (value !== undefined) protocol[key] = String(value);
  }
  const selected = selectAccuracyScores(table, protocol);
  return "reason" in selected ? { unavailable: "invalid", ...selected } : { ...selected, table };
}

function pairTasks(candidate: AccuracyScore[], baseline: AccuracyScore[], role: string) {
  const key = (s: AccuracyScore) => `${s.task}\u0000${s.metric}`;
  const base = new Map(baseline.map((s) => [key(s), s]));
  const common = candidate.filter((s) => base.has(key(s)));
  const findings: Finding[] = [];
  if (common.length < candidate.length || common.length < baseline.length)
    findings.push(
      createFinding(
        "ACCURACY_TASKS_DIFFER",
        "warning",
        `The candidate scores ${candidate.length} task(s) and the ${role} ${baseline.length}; only the ${common.length} common one(s) are compared. Evaluate both on the same tasks and metrics.`,
        undefined,
        {
          candidate_count: candidate.length,
          role: roleRef(role),
          baseline_count: baseline.length,
          common_count: common.length,
        },
      ),
    );
  return { candidate: common, baseline: common.map((s) => base.get(key(s)) as AccuracyScore), findings };
}

function protocolDifferences(candidate: AccuracyScore[], baseline: AccuracyScore[], role: string): Finding[] {
  const differ = candidate
    .map((c, i) => [c, baseline[i] as AccuracyScore] as const)
    .filter(([c, b]) => c.nShot !== b.nShot || c.version !== b.version || (c.n > 0 && b.n > 0 && c.n !== b.n))
    .map(([c]) => c.task);
  if (differ.length === 0) return [];
  return [
    createFinding(
      "ACCURACY_PROTOCOL_DIFFERS",
      "warning",
      `${differ.join(", ")}: n-shot, task version or item count differ between the candidate and the ${role}; run both with the same harness configuration.`,
      undefined,
      { differ: differ.join(", "), role: roleRef(role) },
    ),
  ];
}
