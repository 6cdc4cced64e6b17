import { findEvidence } from "../measure/find-evidence.ts";
import type { MeasureInput } from "../measure/metric.ts";
import type { Collective } from "../model/collective.ts";
import type { EvidenceKind, ParsedEvidence } from "../model/evidence.ts";
import type { Finding } from "../model/finding.ts";
import type { Comparison, TargetRequirement } from "../model/topic.ts";
import { compareCollectiveLogs } from "./comparability-collective.ts";
import {
  compareAccuracyTables,
  compareGenerationPairs,
  compareOutcomes,
  compareRetrievalRuns,
} from "./comparability-quality.ts";
import { compareCostFiles, compareMemoryTimelines } from "./comparability-resources.ts";
import { compareRequestLogs } from "./comparability-serving.ts";
import { compareTrainingRuns } from "./comparability-training.ts";

/** One side of a comparison: the evidence, the role it was submitted under and its file. */
export interface ComparedSide {
  role: string;
  path: string;
  evidence: ParsedEvidence;
}

/** What a rule needs to know about the requirement beside the two files. */
export interface ComparabilityContext {
  metric: string;
  comparison: Comparison;
  /** The collective a bandwidth requirement is about. */
  collective?: Collective;
  /**
   * The baseline is one of several homogeneous runs, one per accelerator type, that the metric
   * combines per device (1.1's Σ nᵢ·tᵢ): its GPU count is not the candidate's by design.
   */
  perAccelerator?: boolean;
  /** Accelerators the submission declares (Σ of `system.accelerators[].count`); 0 when none. */
  declaredAccelerators: number;
}

/**
 * A rule says what must match between a candidate and a baseline of one evidence kind before their
 * numbers may be compared. An `error` finding makes the requirement `invalid`, a `warning` makes it
 * `inconclusive`; either way no number is judged. Rules name both files and what to submit.
 */
export type ComparabilityRule = (
  candidate: ComparedSide,
  baseline: ComparedSide,
  context: ComparabilityContext,
) => Finding[];

/**
 * One rule per evidence kind, so a relative requirement of any kind is checked; `null` for kinds
 * that have no candidate/baseline pair (qrels are shared by both runs; model and device lists are
 * never compared with a baseline).
 */
export const COMPARABILITY_RULES: Readonly<Record<EvidenceKind, ComparabilityRule | null>> = {
  "serving-requests": compareRequestLogs,
  "gpu-memory": compareMemoryTimelines,
  "collective-bandwidth": compareCollectiveLogs,
  "training-throughput": compareTrainingRuns,
  accuracy: compareAccuracyTables,
  "retrieval-run": compareRetrievalRuns,
  "retrieval-qrels": null,
  "generation-pairs": compareGenerationPairs,
  outcomes: compareOutcomes,
  devices: null,
  cost: compareCostFiles,
  models: null,
};

/** The rule of `kind` on one pair; usable per pair (e.g. one pair of request logs per model). */
export function checkComparable(
  kind: EvidenceKind,
  candidate: ComparedSide,
  baseline: ComparedSide,
  context: ComparabilityContext,
): Finding[] {
  return COMPARABILITY_RULES[kind]?.(candidate, baseline, context) ?? [];
}

export interface RequirementComparabilityOptions {
  requirement: TargetRequirement;
  /** The evidence by role, with the requirement's roles set (as the metric receives it). */
  input: MeasureInput;
  /** Role → file path, for the findings' locations. */
  paths: Readonly<Record<string, string>>;
}

/**
 * Every candidate/baseline pair a relative requirement reads, checked by its kind's rule; empty for
 * an absolute requirement or when a side is absent (the metric then reports it missing).
 */
export function checkRequirementComparable(options: RequirementComparabilityOptions): Finding[] {
  const { requirement, input } = options;
  if (requirement.comparison === "none") return [];
  const context: ComparabilityContext = {
    metric: requirement.metric,
    comparison: requirement.comparison,
    declaredAccelerators: input.system.accelerators.reduce((sum, a) => sum + a.count, 0),
    ...(requirement.collective === undefined ? {} : { collective: requirement.collective }),
  };
  return requirement.evidence.flatMap((kind) => {
    if (COMPARABILITY_RULES[kind] === null) return [];
    const candidate = findEvidence(input, kind, "candidate");
    if (candidate === undefined) return [];
    const baselines = baselinesOf(kind, input).filter((b) => b !== candidate);
    const perAccelerator = baselines.some((b) => roleOf(b, input) !== (input.baselineRole ?? "baseline"));
    return baselines.flatMap((baseline) =>
      checkComparable(kind, sideOf(candidate, options), sideOf(baseline, options), {
        ...context,
        ...(perAccelerator && kind === "training-throughput" ? { perAccelerator } : {}),
      }),
    );
  });
}

// --- internal ---

/**
 * The baselines the metric reads: training throughput takes the role and its per-accelerator runs
 * (`<role>-<catalog id>`, as `training.throughput` does); every other kind one file.
 */
function baselinesOf(kind: EvidenceKind, input: MeasureInput): ParsedEvidence[] {
  const role = input.baselineRole ?? "baseline";
  if (kind === "training-throughput") {
    const runs = Object.entries(input.evidence)
      .filter(([name, e]) => e.kind === kind && (name === role || name.startsWith(`${role}-`)))
      .map(([, e]) => e);
    if (runs.length > 0) return runs;
  }
  const one = findEvidence(input, kind, "baseline");
  return one === undefined ? [] : [one];
}

function roleOf(evidence: ParsedEvidence, input: MeasureInput): string {
  return Object.entries(input.evidence).find(([, e]) => e === evidence)?.[0] ?? "baseline";
}

function sideOf(evidence: ParsedEvidence, options: RequirementComparabilityOptions): ComparedSide {
  const role = roleOf(evidence, options.input);
  return { role, path: options.paths[role] ?? role, evidence };
}
