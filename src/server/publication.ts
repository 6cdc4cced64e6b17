import type { Report, RequirementResult } from "../model/report.ts";
import type { Choice, Publication, SubmissionSummary } from "../store/store.ts";
import type { Caller } from "./auth.ts";

/** What the public may read of a topic: the published submission ids, and whether whole reports. */
export interface PublicSet {
  ids: ReadonlySet<string>;
  full: boolean;
}

/** How much of one submission a caller reads: all of it, the published summary, or nothing. */
export type View = "full" | "summary" | "none";

/**
 * Officers read everything and a team its own history; anyone else reads a published submission,
 * whole only when the officer published full reports.
 */
export function viewOf(
  caller: Caller,
  submission: Pick<SubmissionSummary, "id" | "team">,
  open: PublicSet,
): View {
  if (caller.role === "officer") return "full";
  if (caller.role === "team" && caller.team === submission.team) return "full";
  if (!open.ids.has(submission.id)) return "none";
  return open.full ? "full" : "summary";
}

/** The public set of a topic under `--public latest`: each team's latest submission, whole. */
export function latestPublicSet(submissions: readonly SubmissionSummary[]): PublicSet {
  const latest = new Map<string, string>();
  for (const s of submissions) latest.set(JSON.stringify([s.topic, s.team]), s.id);
  return { ids: new Set(latest.values()), full: true };
}

/** The public set an officer's publication made; nothing when the topic is not published. */
export function publicationSet(publication: Publication | undefined): PublicSet {
  return { ids: new Set(publication?.submissionIds ?? []), full: publication?.full ?? false };
}

export interface SelectPublishedOptions {
  select: Publication["select"];
  /** ISO 8601: with `latest`, the last submission of each team accepted at or before it. */
  deadline?: string | undefined;
  /** The topic's submissions, oldest first. */
  submissions: readonly SubmissionSummary[];
  choices: readonly Choice[];
}

/** The submissions a publication makes public, one per team at most, oldest first. */
export function selectPublished(options: SelectPublishedOptions): string[] {
  const { deadline, submissions } = options;
  if (options.select === "chosen") {
    const chosen = new Set(options.choices.map((c) => c.submissionId));
    return submissions.filter((s) => chosen.has(s.id)).map((s) => s.id);
  }
  // ISO 8601 strings in UTC compare in time order; the deadline is normalised by the route.
  const inTime = submissions.filter((s) => deadline === undefined || s.createdAt <= deadline);
  return [...latestPublicSet(inTime).ids];
}

/**
 * A report cut down to what a summary publication shows: verdicts, targets and measured values with
 * their bounds. File names, the system, findings, reasons (they quote files), claims, deliverable
 * evidence, statistics and chart series are dropped.
 */
export function summarizeReport(report: Report): Report {
  return {
    schema: report.schema,
    tool: report.tool,
    generatedAt: report.generatedAt,
    verdict: report.verdict,
    counts: report.counts,
    submission: {
      topic: report.submission.topic,
      team: report.submission.team,
      topic_title: report.submission.topic_title,
      system: {},
      mode: report.submission.mode,
    },
    inputs: [],
    requirements: report.requirements.map(summarizeRequirement),
    findings: [],
    statistics: [],
  };
}

// --- internal ---

function summarizeRequirement(r: RequirementResult): RequirementResult {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    metric: r.metric,
    verdict: r.verdict,
    reason: "",
    target: r.target,
    measured: r.measured,
    claimed: null,
    deliverable: null,
    findings: [],
  };
}
