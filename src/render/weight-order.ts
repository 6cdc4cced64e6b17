import type { Report, RequirementResult, Verdict } from "../model/report.ts";
import type { Lang } from "./i18n.ts";
import { listFindings } from "./text-helpers.ts";

/**
 * The order a reader works through what did not pass: what cannot be judged at all, then what failed,
 * then what more samples would decide, then what was never submitted, then what the officer waived.
 * Inconclusive comes before missing here (unlike the submission verdict's order) because an
 * inconclusive requirement has evidence and is often one run away from a verdict.
 */
export const WEIGHT_ORDER: readonly Verdict[] = ["invalid", "fail", "inconclusive", "missing", "waived"];

/** Requirements that did not pass, heaviest first; waived ones stay listed, last. Stable within a verdict. */
export function sortByWeight(requirements: readonly RequirementResult[]): RequirementResult[] {
  return WEIGHT_ORDER.flatMap((verdict) => requirements.filter((r) => r.verdict === verdict));
}

/** Findings shown at the top of an invalid report: errors first, then the rest, at most `limit`. */
export function firstFindings(
  report: Report,
  lang: Lang,
  limit = 5,
): { shown: ReturnType<typeof listFindings>; total: number } {
  const all = listFindings(report, lang);
  const rank = (severity: string) => (severity === "error" ? 0 : severity === "warning" ? 1 : 2);
  const sorted = all
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f.severity) - rank(b.f.severity) || a.i - b.i);
  return { shown: sorted.slice(0, limit).map(({ f }) => f), total: all.length };
}

/** The HTML anchor of a requirement's detail row: ids hold `/` and `.`, which are valid in an id. */
export function requirementAnchor(id: string): string {
  return `req-${id.replace(/[^A-Za-z0-9_.-]+/g, "-")}`;
}
