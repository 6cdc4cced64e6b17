import type { Verdict } from "../model/report.ts";

/**
 * Severity order of DESIGN.md: invalid > fail > missing > inconclusive > pass (waived counts as pass).
 * A `reported` figure ranks with pass: it never fails a submission on its own (it has no threshold)
 * and never lifts one, since the worst verdict decides; its missing evidence or a wrong claim does
 * count (`missing`, `fail`).
 */
export const VERDICT_RANK: Record<Verdict, number> = {
  invalid: 5,
  fail: 4,
  missing: 3,
  inconclusive: 2,
  pass: 1,
  reported: 1,
  waived: 0,
};

/** The submission verdict: the worst requirement verdict; `pass` when there is nothing to judge. */
export function computeSubmissionVerdict(verdicts: readonly Verdict[]): Verdict {
  let worst: Verdict = "pass";
  for (const verdict of verdicts) {
    if (VERDICT_RANK[verdict] > VERDICT_RANK[worst]) worst = verdict;
  }
  return worst;
}

/** Requirements per verdict; `reported` only when there is one, so reports without reported figures keep their shape. */
export function countVerdicts(
  verdicts: readonly Verdict[],
): Partial<Record<Verdict, number>> & Record<Exclude<Verdict, "reported">, number> {
  const counts: Record<Verdict, number> = {
    pass: 0,
    fail: 0,
    inconclusive: 0,
    missing: 0,
    invalid: 0,
    waived: 0,
    reported: 0,
  };
  for (const verdict of verdicts) counts[verdict]++;
  if (counts.reported > 0) return counts;
  const { reported: _none, ...rest } = counts;
  return rest;
}
