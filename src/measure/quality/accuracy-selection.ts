import { createFinding } from "../../model/create-finding.ts";
import type { Finding } from "../../model/finding.ts";
import type { MessageParam, MessageRef } from "../../model/message.ts";
import type { AccuracyItems, AccuracyScore, AccuracyTable } from "../../model/quality.ts";
import type { PairedStratum } from "../stats/stratified-bootstrap.ts";

export interface AccuracySelection {
  scores: AccuracyScore[];
  findings: Finding[];
}

/** Why no score could be selected: the sentence and its catalog message. */
export interface Rejection {
  reason: string;
  reasonRef: MessageRef;
}

/** What the claim declared (`conditions` of the claim): tasks, metric(s), filter and model column. */
export interface AccuracyProtocol {
  /** Comma-separated task names; default: the file's top-level tasks. */
  tasks?: string;
  /** `acc`, or per task `arc_easy:acc_norm,hellaswag:acc_norm` (a bare name is the default). */
  metric?: string;
  filter?: string;
  model?: string;
}

/**
 * Picks one score per task for the declared protocol. Undeclared choices fall back to lm-eval's
 * headline metric (`acc`, else `exact_match`, …) and are reported, since acc versus acc_norm alone
 * moves a 5-task average by 3.6 points on Qwen2.5-1.5B.
 */
export function selectAccuracyScores(
  table: AccuracyTable,
  protocol: AccuracyProtocol,
): AccuracySelection | Rejection {
  const findings: Finding[] = [];
  const models = [...new Set(table.scores.map((s) => s.model).filter((m) => m !== undefined))];
  if (protocol.model === undefined && models.length > 1)
    return reject(
      `The accuracy file holds ${models.length} models (${models.join(", ")}); declare which one with the claim condition \`model\`.`,
      "reason.accuracy_many_models",
      { count: models.length, models: models.join(", ") },
    );
  const pool = table.scores.filter((s) => protocol.model === undefined || s.model === protocol.model);
  if (pool.length === 0)
    return reject(
      `The accuracy file has no scores for model ${protocol.model}.`,
      "reason.accuracy_no_model",
      {
        model: String(protocol.model),
      },
    );
  const declaredTasks = protocol.tasks
    ?.split(",")
    .map((t) => t.trim())
    .filter((t) => t !== "");
  const tasks = declaredTasks ??
    table.topLevel ?? [...new Set(pool.filter((s) => !s.group).map((s) => s.task))];
  const metrics = parseMetricChoice(protocol.metric);
  const chosen: AccuracyScore[] = [];
  const ambiguous: string[] = [];
  const skipped: string[] = [];
  for (const task of tasks) {
    const rows = pool.filter(
      (s) => s.task === task && (protocol.filter === undefined || s.filter === protocol.filter),
    );
    const metric =
      metrics.get(task) ?? metrics.get("") ?? HEADLINE.find((m) => rows.some((s) => s.metric === m));
    const candidates = rows.filter((s) => s.metric === metric);
    const pick = candidates.find((s) => s.filter === "none" || s.filter === undefined) ?? candidates[0];
    if (pick === undefined) {
      if (declaredTasks !== undefined || metrics.size > 0)
        return reject(
          `Task ${task} has no ${metric ?? "accuracy"} score in the file; check the declared tasks and metric.`,
          "reason.accuracy_task_no_score",
          { task, metric: metric ?? { key: "reason.accuracy_score_word", text: "accuracy" } },
        );
      skipped.push(task);
      continue;
    }
    if (metrics.size === 0 && rows.some((s) => s.metric === "acc_norm") && metric === "acc")
      ambiguous.push(task);
    chosen.push(pick);
  }
  if (chosen.length === 0)
    return reject(
      "No task in the accuracy file has an accuracy-like score (acc, exact_match, …).",
      "reason.accuracy_no_score",
    );
  if (ambiguous.length > 0)
    findings.push(
      createFinding(
        "ACCURACY_METRIC_UNDECLARED",
        "warning",
        `${ambiguous.join(", ")} report both acc and acc_norm and the claim does not say which counts; acc is used. Declare the metric per task (condition \`metric\`).`,
        undefined,
        { ambiguous: ambiguous.join(", ") },
      ),
    );
  if (skipped.length > 0)
    findings.push(
      createFinding(
        "ACCURACY_TASKS_SKIPPED",
        "info",
        `${skipped.join(", ")} have no accuracy-like score and are left out of the mean; declare the tasks (condition \`tasks\`) to make the set explicit.`,
        undefined,
        { skipped: skipped.join(", ") },
      ),
    );
  return { scores: chosen, findings };
}

/**
 * Per-item scores of both sides for the chosen task scores, on their common documents, when both
 * files carry items (lm-eval samples); undefined when any task lacks them on either side.
 */
export function pairAccuracyItems(
  candidate: AccuracyTable,
  baseline: AccuracyTable,
  scores: { candidate: AccuracyScore[]; baseline: AccuracyScore[] },
): { strata: PairedStratum[]; findings: Finding[] } | undefined {
  const strata: PairedStratum[] = [];
  const findings: Finding[] = [];
  for (const [i, score] of scores.candidate.entries()) {
    const c = itemsOf(candidate, score);
    const b = itemsOf(baseline, scores.baseline[i] as AccuracyScore);
    if (c === undefined || b === undefined) return undefined;
    const base = new Map(b.docIds.map((id, k) => [id, b.values[k] as number]));
    const common = c.docIds.map((id, k) => [k, base.get(id)] as const).filter((p) => p[1] !== undefined);
    if (common.length === 0) return undefined;
    if (common.length < c.docIds.length || common.length < b.docIds.length)
      findings.push(
        createFinding(
          "ACCURACY_ITEMS_DIFFER",
          "warning",
          `${score.task}: the candidate scored ${c.docIds.length} documents and the baseline ${b.docIds.length}; only the ${common.length} common ones are compared.`,
          undefined,
          {
            task: score.task,
            doc_ids_count: c.docIds.length,
            doc_ids_count2: b.docIds.length,
            common_count: common.length,
          },
        ),
      );
    strata.push({
      candidate: Float64Array.from(common, ([k]) => c.values[k] as number),
      baseline: Float64Array.from(common, ([, v]) => v as number),
    });
  }
  return { strata, findings };
}

// --- internal ---

/** lm-eval's headline metric per task type, most specific first. */
const HEADLINE = ["acc", "exact_match", "accuracy", "pass@1", "score", "acc_norm", "em", "f1"];

function parseMetricChoice(text: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of (text ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e !== "")) {
    const colon = entry.indexOf(":");
    if (colon < 0) out.set("", entry);
    else out.set(entry.slice(0, colon).trim(), entry.slice(colon + 1).trim());
  }
  return out;
}

function itemsOf(table: AccuracyTable, score: AccuracyScore): AccuracyItems | undefined {
  return table.items?.find(
    (it) => it.task === score.task && it.metric === score.metric && it.filter === (score.filter ?? "none"),
  );
}

function reject(reason: string, key: string, params?: Record<string, MessageParam>): Rejection {
  return { reason, reasonRef: params === undefined ? { key } : { key, params } };
}
