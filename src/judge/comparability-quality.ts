import { createFinding } from "../model/create-finding.ts";
import type { Finding } from "../model/finding.ts";
import type { AccuracyScore } from "../model/quality.ts";
import type { ComparedSide } from "./comparability.ts";

/**
 * Accuracy tables (5.5's accuracy loss): at least one task and metric scored on both sides, and on
 * those the same few-shot count, task version and item count (a `--limit`ed or 0-shot baseline
 * against a 5-shot candidate is another test).
 */
export function compareAccuracyTables(candidate: ComparedSide, baseline: ComparedSide): Finding[] {
  const c = candidate.evidence.accuracy?.scores;
  const b = baseline.evidence.accuracy?.scores;
  if (c === undefined || b === undefined) return [];
  const key = (s: AccuracyScore) => `${s.task}\u0000${s.metric}`;
  const base = new Map(b.map((s) => [key(s), s]));
  const common = c.filter((s) => base.has(key(s)));
  if (common.length === 0)
    return [
      itemsFinding("error", candidate, baseline, "share no task and metric", "score both on the same tasks"),
    ];
  const differ = common.filter((s) => {
    const o = base.get(key(s)) as AccuracyScore;
    return s.nShot !== o.nShot || s.version !== o.version || (s.n > 0 && o.n > 0 && s.n !== o.n);
  });
  if (differ.length === 0) return [];
  return [
    createFinding(
      "COMPARE_PROTOCOL_MISMATCH",
      "warning",
      `${[...new Set(differ.map((s) => s.task))].join(", ")}: the candidate (${candidate.path}) and the ${baseline.role} (${baseline.path}) differ in few-shot count, task version or item count; run both with the same harness configuration.`,
      { path: baseline.path, line: 1 },
      {
        task: [...new Set(differ.map((s) => s.task))].join(", "),
        path: candidate.path,
        role: baseline.role,
        path2: baseline.path,
      },
    ),
  ];
}

/** TREC runs (1.4's nDCG gain): the same topics answered, so no side drops the hard queries. */
export function compareRetrievalRuns(candidate: ComparedSide, baseline: ComparedSide): Finding[] {
  const c = candidate.evidence.retrievalRun?.topics.map((t) => t.qid);
  const b = baseline.evidence.retrievalRun?.topics.map((t) => t.qid);
  if (c === undefined || b === undefined) return [];
  return compareSets(candidate, baseline, c, b, "topics", "retrieve for the same topics in both runs");
}

/** Generation pairs (1.4's ROUGE-L gain): the same items. */
export function compareGenerationPairs(candidate: ComparedSide, baseline: ComparedSide): Finding[] {
  const c = candidate.evidence.generation?.itemId;
  const b = baseline.evidence.generation?.itemId;
  if (c === undefined || b === undefined) return [];
  return compareSets(candidate, baseline, c, b, "items", "generate for the same item list on both sides");
}

/** Outcomes (1.4's error rate, 2.2's localization time): the same items judged. */
export function compareOutcomes(candidate: ComparedSide, baseline: ComparedSide): Finding[] {
  const c = candidate.evidence.outcomes?.itemId;
  const b = baseline.evidence.outcomes?.itemId;
  if (c === undefined || b === undefined) return [];
  return compareSets(candidate, baseline, c, b, "items", "judge the same items (same item_id) on both sides");
}

// --- internal ---

/** No common id: `invalid`; some ids on one side only: `inconclusive` (a side may have left out hard ones). */
function compareSets(
  candidate: ComparedSide,
  baseline: ComparedSide,
  c: string[],
  b: string[],
  noun: string,
  action: string,
): Finding[] {
  const [cs, bs] = [new Set(c), new Set(b)];
  const onlyC = [...cs].filter((id) => !bs.has(id)).length;
  const onlyB = [...bs].filter((id) => !cs.has(id)).length;
  if (onlyC === 0 && onlyB === 0) return [];
  if (onlyC === cs.size)
    return [itemsFinding("error", candidate, baseline, `share no ${noun.slice(0, -1)}`, action)];
  const what = `cover different ${noun} (${onlyC} only in the candidate, ${onlyB} only in the baseline, ${cs.size - onlyC} in both)`;
  return [itemsFinding("warning", candidate, baseline, what, action)];
}

function itemsFinding(
  severity: "error" | "warning",
  candidate: ComparedSide,
  baseline: ComparedSide,
  what: string,
  action: string,
): Finding {
  return createFinding(
    "COMPARE_ITEMS_MISMATCH",
    severity,
    `The candidate (${candidate.path}) and the ${baseline.role} (${baseline.path}) ${what}; ${action}.`,
    { path: baseline.path, line: 1 },
    { path: candidate.path, role: baseline.role, path2: baseline.path, what, action },
  );
}
