import type { ServingWindow } from "../measure/serving/serving-window.ts";
import { createFinding } from "../model/create-finding.ts";
import type { EvidenceKind } from "../model/evidence.ts";
import type { Finding } from "../model/finding.ts";
import type { RequirementPart, RequirementResult } from "../model/report.ts";
import type { PartsPer, TargetRequirement } from "../model/topic.ts";
import { baseResult } from "./judge-target.ts";
import { OPERATORS } from "./operators.ts";
import { type SumOptions, sumParts } from "./parts-sum.ts";
import { findingRef, reasonRef, withReason } from "./reason-ref.ts";
import { VERDICT_RANK } from "./verdict-order.ts";

/** One evidence file as the part planner sees it: its role, kind and path (and when a request log ran). */
export interface RoleFile {
  role: string;
  kind: EvidenceKind;
  path: string;
  window?: ServingWindow;
}

/** The roles one part of a requirement reads; a side is absent when the submission has no such file. */
export interface PartPlan {
  name: string;
  candidate?: string;
  baseline?: string;
}

/**
 * Judges one part: the requirement with the part's roles as its `role`/`baseline`, reading none of
 * the other parts' files (`hidden`), with or without the team's claim.
 */
export type JudgePart = (
  variant: TargetRequirement,
  hidden: ReadonlySet<string>,
  withClaim: boolean,
) => RequirementResult;

/**
 * Splits the submission's files of the requirement's kinds into parts by the topic's `per` rule, or
 * returns undefined when the requirement is judged whole: no `per`, or no file named `<role>-<name>`.
 */
export function planParts(
  requirement: TargetRequirement,
  files: readonly RoleFile[],
): PartPlan[] | undefined {
  if (requirement.per === undefined) return undefined;
  const roles = files.filter((f) => requirement.evidence.includes(f.kind)).map((f) => f.role);
  const candidates = bySuffix(roles, requirement.role ?? "candidate");
  const baselines = requirement.baseline === undefined ? new Map() : bySuffix(roles, requirement.baseline);
  const plans = PART_RULES[requirement.per](candidates, baselines, requirement.baseline !== undefined);
  return plans.some((p) => p.name !== "") ? plans : undefined;
}

/**
 * The requirement judged part by part (DESIGN: "each model's p99 TTFT"): with `aggregate: every`
 * every part must pass, so the verdict and the measured value are the worst part's, and the claim is
 * checked against that value; with `aggregate: sum` (given `sum`) the parts' values are added up and
 * the total is judged and claimed (`parts-sum.ts`).
 */
export function judgeInParts(
  requirement: TargetRequirement,
  plans: readonly PartPlan[],
  files: readonly RoleFile[],
  judge: JudgePart,
  claimed: boolean,
  sum?: SumOptions,
): RequirementResult {
  const every = judgeEvery(requirement, plans, files, judge, claimed && requirement.aggregate !== "sum");
  if (requirement.aggregate !== "sum" || sum === undefined) return every.result;
  const parts = every.judged.map((j) => {
    const window = files.find((f) => f.role === j.plan.candidate)?.window;
    return {
      name: partName(j.plan, requirement),
      result: j.result,
      ...(window === undefined ? {} : { window }),
    };
  });
  return sumParts(requirement, parts, sum, every.result);
}

// --- internal ---

interface JudgedPart {
  plan: PartPlan;
  result: RequirementResult;
}

function judgeEvery(
  requirement: TargetRequirement,
  plans: readonly PartPlan[],
  files: readonly RoleFile[],
  judge: JudgePart,
  claimed: boolean,
): { result: RequirementResult; judged: JudgedPart[] } {
  const partRoles = new Set(plans.flatMap((p) => [p.candidate, p.baseline]).filter((r) => r !== undefined));
  const judged = plans.map((plan) => {
    const hidden = new Set([...partRoles].filter((r) => r !== plan.candidate && r !== plan.baseline));
    const unpaired = unpairedFinding(requirement, plan, files);
    if (unpaired !== undefined)
      return { plan, hidden, paired: false, result: unpairedResult(requirement, plan, unpaired) };
    return { plan, hidden, paired: true, result: judge(variantOf(requirement, plan), hidden, false) };
  });
  const worst = judged.reduce((a, b) => (isWorse(requirement, b.result, a.result) ? b : a));
  const final =
    !worst.paired || !claimed ? worst.result : judge(variantOf(requirement, worst.plan), worst.hidden, true);
  const passed = judged.filter((j) => j.result.verdict === "pass").length;
  const per = requirement.per ?? "model";
  const target = final.target === null ? null : withBaseline(final.target, requirement.baseline);
  const result = withReason(
    {
      ...final,
      target,
      reason: `${passed} of ${judged.length} ${per}s pass; the worst, ${per} ${partName(worst.plan, requirement)}: ${final.reason}`,
      findings: judged.flatMap((j) => (j === worst ? final.findings : j.result.findings)),
      parts: judged.map((j) => toPart(per, j.plan, requirement, j.result)),
    },
    "reason.parts_worst",
    {
      passed,
      n: judged.length,
      per: { key: `per.${per}`, text: per },
      worst: partName(worst.plan, requirement),
      reason: reasonRef(final),
    },
  );
  return { result, judged };
}

type Sides = Map<string, string>;

/** `per` rules as data: how the files of one kind become parts. */
const PART_RULES: Record<PartsPer, (candidates: Sides, baselines: Sides, relative: boolean) => PartPlan[]> = {
  // candidate-<model> ↔ baseline-<model>: the same model consolidated and deployed alone.
  model: (candidates, baselines, relative) => {
    const names = [...new Set([...candidates.keys(), ...(relative ? baselines.keys() : [])])].sort();
    return names.map((name) => plan(name, candidates.get(name), relative ? baselines.get(name) : undefined));
  },
  // the one candidate against every baseline-<peer>: faster than each public SDK.
  peer: (candidates, baselines) => {
    const candidate = candidates.get("") ?? (candidates.size === 1 ? [...candidates.values()][0] : undefined);
    return [...baselines.keys()].sort().map((name) => plan(name, candidate, baselines.get(name)));
  },
};

function plan(name: string, candidate: string | undefined, baseline: string | undefined): PartPlan {
  const out: PartPlan = { name };
  if (candidate !== undefined) out.candidate = candidate;
  if (baseline !== undefined) out.baseline = baseline;
  return out;
}

/** Roles `prefix` (name "") and `prefix-<name>` (name `<name>`). */
function bySuffix(roles: readonly string[], prefix: string): Sides {
  const out: Sides = new Map();
  for (const role of roles) {
    if (role === prefix) out.set("", role);
    else if (role.startsWith(`${prefix}-`)) out.set(role.slice(prefix.length + 1), role);
  }
  return out;
}

function variantOf(requirement: TargetRequirement, plan: PartPlan): TargetRequirement {
  const variant: TargetRequirement = {
    ...requirement,
    role: plan.candidate ?? requirement.role ?? "candidate",
  };
  if (plan.baseline !== undefined) variant.baseline = plan.baseline;
  return variant;
}

function partName(plan: PartPlan, requirement: TargetRequirement): string {
  if (plan.name !== "") return plan.name;
  return requirement.per === "peer" ? (plan.baseline ?? "") : (plan.candidate ?? plan.baseline ?? "");
}

function unpairedFinding(
  requirement: TargetRequirement,
  plan: PartPlan,
  files: readonly RoleFile[],
): Finding | undefined {
  const relative = requirement.baseline !== undefined;
  if (plan.candidate !== undefined && (plan.baseline !== undefined || !relative)) return undefined;
  const present = (plan.candidate ?? plan.baseline) as string;
  const candidatePrefix = requirement.role ?? "candidate";
  const absent =
    plan.candidate === undefined
      ? suffixed(candidatePrefix, plan.name)
      : suffixed(requirement.baseline as string, plan.name);
  return createFinding(
    "ROLE_UNPAIRED",
    "error",
    `${requirement.id} is judged per ${requirement.per}, and the file under role \`${present}\` has no partner \`${absent}\`; add the other side's file under the role \`${absent}\` (roles pair by the name after \`${candidatePrefix}-\` and \`${requirement.baseline}-\`).`,
    { path: files.find((f) => f.role === present)?.path ?? present },
    {
      id: requirement.id,
      // "model", "peer": a word of the catalog (模型, 对比对象), as the part rows name it.
      per: { key: `per.${requirement.per}`, text: String(requirement.per) },
      present,
      absent,
      absent2: absent,
      candidate_prefix: candidatePrefix,
      baseline: String(requirement.baseline),
    },
  );
}

function suffixed(prefix: string, name: string): string {
  return name === "" ? prefix : `${prefix}-${name}`;
}

function unpairedResult(requirement: TargetRequirement, plan: PartPlan, finding: Finding): RequirementResult {
  const base = baseResult(requirement);
  const target = base.target === null ? null : { ...base.target };
  if (target !== null) {
    delete target.baseline;
    if (plan.baseline !== undefined) target.baseline = plan.baseline;
  }
  return withReason(
    { ...base, target, verdict: "missing", reason: finding.message, findings: [finding] },
    "reason.finding",
    { finding: findingRef(finding) },
  );
}

/** Worse verdict first; between equal verdicts, the value further on the failing side of the target. */
function isWorse(requirement: TargetRequirement, a: RequirementResult, b: RequirementResult): boolean {
  const rank = VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict];
  if (rank !== 0) return rank > 0;
  const x = a.measured?.value ?? null;
  const y = b.measured?.value ?? null;
  if (x === null || y === null) return x === null && y !== null;
  const side = OPERATORS[requirement.op].boundSide;
  if (side === "both") return Math.abs(x - requirement.value) > Math.abs(y - requirement.value);
  return side === "high" ? x > y : x < y;
}

function withBaseline(
  target: NonNullable<RequirementResult["target"]>,
  baseline: string | undefined,
): NonNullable<RequirementResult["target"]> {
  const { baseline: _part, ...rest } = target;
  return baseline === undefined ? rest : { ...rest, baseline };
}

function toPart(
  per: PartsPer,
  plan: PartPlan,
  requirement: TargetRequirement,
  result: RequirementResult,
): RequirementPart {
  const roles: RequirementPart["roles"] = {};
  if (plan.candidate !== undefined) roles.candidate = plan.candidate;
  if (plan.baseline !== undefined) roles.baseline = plan.baseline;
  return {
    per,
    name: partName(plan, requirement),
    roles,
    verdict: result.verdict,
    reason: result.reason,
    ...(result.reason_key === undefined
      ? {}
      : { reason_key: result.reason_key, reason_params: result.reason_params ?? {} }),
    measured: result.measured,
  };
}
