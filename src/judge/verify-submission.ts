import type { MeasureInput, MetricDefinition } from "../measure/metric.ts";
import { findMetric } from "../measure/registry.ts";
import { computeServingStatistics } from "../measure/serving/serving-statistics.ts";
import { computeServingWindow } from "../measure/serving/serving-window.ts";
import type { ParsedEvidence } from "../model/evidence.ts";
import type { Finding } from "../model/finding.ts";
import type { HardwareCatalog } from "../model/hardware.ts";
import type { Submission } from "../model/manifest.ts";
import { type Input, REPORT_SCHEMA_ID, type Report, type RequirementResult } from "../model/report.ts";
import type { TargetRequirement, Topic } from "../model/topic.ts";
import { computeCharts } from "./chart-data.ts";
import { checkRequirementComparable } from "./comparability.ts";
import type { DocumentText } from "./doc-claim-marks.ts";
import { withDocumentClaims } from "./doc-claims-report.ts";
import { addSubmissionChecks } from "./input-checks.ts";
import { judgeDeliverable } from "./judge-deliverable.ts";
import {
  finishReported,
  hasThreshold,
  isReportedView,
  judgeReported,
  toMeasuredView,
} from "./judge-reported.ts";
import { judgeTarget } from "./judge-target.ts";
import { OPERATORS } from "./operators.ts";
import { findingRef, withReason } from "./reason-ref.ts";
import { judgeInParts, planParts } from "./requirement-parts.ts";
import { capUnitSuspects } from "./unit-gate.ts";
import { computeSubmissionVerdict, countVerdicts } from "./verdict-order.ts";

/** One input file after reading and parsing, with its plausibility findings. */
export interface VerifiedInput extends Input {
  parsed: ParsedEvidence;
}

export interface VerifySubmissionOptions {
  topic: Topic;
  submission: Submission;
  mode: "manifest" | "quick";
  inputs: VerifiedInput[];
  /** ISO timestamp, passed in so reports are reproducible. */
  generatedAt: string;
  version: string;
  /** @default 0.95 */
  confidence?: number;
  /** @default 20240 */
  seed?: number;
  /** Limit the judgement to these requirement ids. @default all of the topic */
  only?: string[];
  metrics?: ReadonlyMap<string, MetricDefinition>;
  /** The hardware catalog (link rates, peaks), read at the edge. @default none */
  hardware?: HardwareCatalog;
  /** Deliverable documents whose claim marks are judged too (`claims_from`). @default none */
  documents?: DocumentText[];
}

/** The pure heart of `verify`: parsed evidence × topic × claims (manifest and documents) → the canonical report. */
export function verifySubmission(given: VerifySubmissionOptions): Report {
  return withDocumentClaims(given, verifyManifest);
}

// --- internal ---

function verifyManifest(given: VerifySubmissionOptions): Report {
  const options = { ...given, inputs: addSubmissionChecks(given.topic, given.submission, given.inputs) };
  const requirements = selectRequirements(options).map((requirement) => {
    if (requirement.kind === "deliverable")
      return judgeDeliverable(
        requirement,
        options.submission.deliverables.find((d) => d.requirement === requirement.id),
      );
    if (requirement.kind === "target") return judgeTargetInParts(requirement, options);
    const view = toMeasuredView(requirement);
    return hasThreshold(requirement)
      ? judgeTargetInParts(view, options)
      : finishReported(judgeTargetInParts(view, options));
  });
  const verdicts = requirements.map((r) => r.verdict);
  return {
    schema: REPORT_SCHEMA_ID,
    tool: { name: "claimcheck", version: options.version },
    generatedAt: options.generatedAt,
    verdict: computeSubmissionVerdict(verdicts),
    counts: countVerdicts(verdicts),
    submission: {
      topic: options.topic.id,
      team: options.submission.team,
      topic_title: options.topic.title,
      system: options.submission.system as Record<string, unknown>,
      mode: options.mode,
    },
    inputs: options.inputs.map(({ parsed: _parsed, ...input }) => input),
    requirements,
    findings: options.inputs.flatMap((input) => input.parsed.findings),
    statistics: options.inputs.flatMap((input) => computeServingStatistics(input.role, input.parsed)),
    charts: computeCharts({
      requirements,
      inputs: options.inputs,
      system: options.submission.system,
      topic: options.topic,
      ...(options.hardware === undefined ? {} : { hardware: options.hardware }),
    }),
  };
}

function selectRequirements(options: VerifySubmissionOptions) {
  const all = options.topic.requirements.filter(
    (r) => options.mode === "manifest" || r.kind !== "deliverable",
  );
  return options.only === undefined ? all : all.filter((r) => options.only?.includes(r.id));
}

/** A target the topic asks for per model or peer is judged once per part (`requirement-parts.ts`). */
function judgeTargetInParts(
  requirement: TargetRequirement,
  options: VerifySubmissionOptions,
): RequirementResult {
  const files = options.inputs.map((i) => {
    const window = computeServingWindow(i.parsed);
    return { role: i.role, kind: i.parsed.kind, path: i.path, ...(window === undefined ? {} : { window }) };
  });
  const plans = planParts(requirement, files);
  if (plans === undefined) return judgeOneTarget(requirement, options);
  const claim = options.submission.claims.find((c) => c.requirement === requirement.id);
  return judgeInParts(
    requirement,
    plans,
    files,
    (variant, hidden, withClaim) =>
      judgeOneTarget(variant, {
        ...options,
        inputs: options.inputs.filter((i) => !hidden.has(i.role)),
        submission: withClaim ? options.submission : { ...options.submission, claims: [] },
      }),
    claim !== undefined,
    {
      tolerance: options.submission.claim_tolerance,
      confidence: options.confidence ?? 0.95,
      ...(claim === undefined ? {} : { claim }),
    },
  );
}

function judgeOneTarget(requirement: TargetRequirement, options: VerifySubmissionOptions): RequirementResult {
  const claim = options.submission.claims.find((c) => c.requirement === requirement.id);
  const confidence = options.confidence ?? 0.95;
  const relevant = options.inputs.filter((input) => requirement.evidence.includes(input.parsed.kind));
  const broken = relevant.flatMap((input) => input.parsed.findings.filter((f) => f.severity === "error"));
  if (broken.length > 0) return invalidResult(requirement, broken, options, claim !== undefined);
  const incomparable = checkComparability(requirement, options, claim);
  if (incomparable !== undefined) return incomparable;
  const metric =
    options.metrics === undefined ? findMetric(requirement.metric) : options.metrics.get(requirement.metric);
  const outcome =
    metric === undefined
      ? { unavailable: "missing" as const, reason: unsupported(requirement, relevant.length > 0) }
      : metric.evaluate(
          measureInput(requirement, options, claim?.conditions ?? {}, intervalLevel(requirement, confidence)),
        );
  const judge = isReportedView(requirement) ? judgeReported : judgeTarget;
  const judged = judge({
    requirement,
    outcome,
    tolerance: options.submission.claim_tolerance,
    confidence,
    ...(claim === undefined ? {} : { claim }),
  });
  if (metric === undefined && relevant.length > 0) return { ...judged, verdict: "inconclusive" };
  return capUnitSuspects(
    judged,
    relevant.flatMap((input) => input.parsed.findings),
  );
}

function measureInput(
  requirement: TargetRequirement,
  options: VerifySubmissionOptions,
  conditions: MeasureInput["conditions"],
  confidence: number,
): MeasureInput {
  const input: MeasureInput = {
    evidence: Object.fromEntries(options.inputs.map((i) => [i.role, i.parsed])),
    system: options.submission.system,
    confidence,
    seed: options.seed ?? 20240,
    percentileMethod: requirement.percentile_method ?? "linear",
    comparison: requirement.comparison,
    conditions,
  };
  if (requirement.baseline !== undefined) input.baselineRole = requirement.baseline;
  if (requirement.role !== undefined) input.candidateRole = requirement.role;
  if (requirement.collective !== undefined) input.collective = requirement.collective;
  if (options.hardware !== undefined) input.hardware = options.hardware;
  return input;
}

/**
 * A one-sided target (≤, <, ≥, >) is decided by one bound, so the metric computes the two-sided
 * interval at 2c − 1, whose bound on the target's side has one-sided confidence c: 299 of 299
 * faults found prove 99 % coverage at 95 %, as a one-sided test should. `==` keeps both sides at c.
 */
function intervalLevel(requirement: TargetRequirement, confidence: number): number {
  return OPERATORS[requirement.op].boundSide === "both" ? confidence : 2 * confidence - 1;
}

function invalidResult(
  requirement: TargetRequirement,
  broken: Finding[],
  options: VerifySubmissionOptions,
  claimed: boolean,
): RequirementResult {
  const judged = judgeTarget({
    requirement,
    outcome: { unavailable: "invalid", reason: "" },
    tolerance: options.submission.claim_tolerance,
    confidence: options.confidence ?? 0.95,
  });
  // The first path in name order, not in the manifest's order: the order of roles never changes a report.
  const first =
    broken.flatMap((f) => (f.location === undefined ? [] : [f.location.path])).sort()[0] ?? "the evidence";
  return withReason(
    {
      ...judged,
      verdict: "invalid",
      reason: `${broken.length} error(s) in ${first} stop this requirement from being judged${claimed ? " (the claim was not checked)" : ""}; fix the findings listed and run again.`,
      findings: [],
    },
    "reason.invalid_errors",
    { n: broken.length, path: first, claimed: claimed ? "yes" : "no" },
  );
}

/**
 * A relative requirement whose candidate and baseline do not match (unit, window, world size,
 * collective, workload, …; see `comparability.ts`) is `invalid` (an error) or `inconclusive` (a
 * warning), never a number.
 */
function checkComparability(
  requirement: TargetRequirement,
  options: VerifySubmissionOptions,
  claim: Submission["claims"][number] | undefined,
): RequirementResult | undefined {
  const paths = Object.fromEntries(options.inputs.map((i) => [i.role, i.path]));
  const input = measureInput(requirement, options, claim?.conditions ?? {}, options.confidence ?? 0.95);
  const findings = checkRequirementComparable({ requirement, input, paths });
  if (findings.length === 0) return undefined;
  const result = { ...invalidResult(requirement, findings, options, claim !== undefined), findings };
  const reason = `The candidate and the baseline are not comparable${claim === undefined ? "" : " (the claim was not checked)"}: ${findings[0]?.message}`;
  return withReason(
    {
      ...result,
      reason,
      verdict: findings.some((f) => f.severity === "error")
        ? ("invalid" as const)
        : ("inconclusive" as const),
    },
    "reason.not_comparable",
    { claimed: claim === undefined ? "no" : "yes", finding: findingRef(findings[0] as Finding) },
  );
}

function unsupported(requirement: TargetRequirement, hasEvidence: boolean): string {
  return hasEvidence
    ? `claimcheck cannot compute ${requirement.metric} yet; the officer judges this requirement by hand.`
    : `No ${requirement.evidence.join(" or ")} evidence was submitted for this requirement; add it to the submission.`;
}
