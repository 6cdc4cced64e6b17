import { computeSubmissionVerdict, countVerdicts } from "../judge/verdict-order.ts";
import { createFinding } from "../model/create-finding.ts";
import type { MessageParam } from "../model/message.ts";
import type { Report } from "../model/report.ts";
import type { Waiver } from "../store/store.ts";

/**
 * The report as it reads after the officer's waivers: each waived requirement says `waived`, who waived it,
 * why, and what it was before; counts and the submission verdict are recomputed. A later waiver of the
 * same requirement replaces an earlier one.
 */
export function applyWaivers(report: Report, waivers: readonly Waiver[]): Report {
  if (waivers.length === 0) return report;
  const byRequirement = new Map(waivers.map((w) => [w.requirement, w]));
  const requirements = report.requirements.map((requirement) => {
    const waiver = byRequirement.get(requirement.id);
    if (waiver === undefined) return requirement;
    const note = `Waived by ${waiver.officer} on ${waiver.createdAt.slice(0, 10)}: ${waiver.reason}`;
    const who = { officer: waiver.officer, date: waiver.createdAt.slice(0, 10), reason: waiver.reason };
    // The reason before the waiver, in the reader's language when it has a key.
    const before: MessageParam =
      requirement.reason_key === undefined
        ? requirement.reason
        : { key: requirement.reason_key, params: requirement.reason_params, text: requirement.reason };
    return {
      ...requirement,
      verdict: "waived" as const,
      reason: `${note} (before the waiver: ${requirement.verdict} — ${requirement.reason})`,
      reason_key: "reason.waived",
      reason_params: { ...who, verdict: { key: `verdict.${requirement.verdict}` }, before },
      findings: [...requirement.findings, createFinding("WAIVED", "info", note, undefined, who)],
    };
  });
  const verdicts = requirements.map((r) => r.verdict);
  return {
    ...report,
    requirements,
    counts: countVerdicts(verdicts),
    verdict: computeSubmissionVerdict(verdicts),
  };
}
