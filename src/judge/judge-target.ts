import { isUnavailable, type MetricEstimate, type MetricUnavailable } from "../measure/metric.ts";
import type { Finding } from "../model/finding.ts";
import type { Claim } from "../model/manifest.ts";
import type { Measured, RequirementResult, Verdict } from "../model/report.ts";
import type { TargetRequirement } from "../model/topic.ts";
import { compareClaim, createClaimFinding } from "./claim-check.ts";
import { OPERATORS } from "./operators.ts";
import { reasonRef, withReason } from "./reason-ref.ts";
import { quantityParam, quantityText, targetParam } from "./target-text.ts";

export interface JudgeTargetOptions {
  requirement: TargetRequirement;
  outcome: MetricEstimate | MetricUnavailable;
  claim?: Claim;
  tolerance: number;
  confidence: number;
}

/** Turns a measurement (or its absence) and an optional claim into the requirement's verdict. */
export function judgeTarget(options: JudgeTargetOptions): RequirementResult {
  const { requirement, outcome } = options;
  const base = baseResult(requirement);
  if (isUnavailable(outcome)) {
    const unavailable = {
      ...base,
      verdict: outcome.unavailable,
      reason: outcome.reason,
      findings: outcome.findings ?? [],
    };
    return outcome.reasonRef === undefined
      ? unavailable
      : withReason(unavailable, outcome.reasonRef.key, outcome.reasonRef.params ?? {});
  }
  // Relative changes and rates are fractions inside claimcheck; targets write them in percent or points.
  const scale = requirement.unit === "%" || requirement.unit === "points" ? 100 : 1;
  const measured = toMeasured(outcome, scale, options.confidence);
  measured.sides = OPERATORS[requirement.op].boundSide === "both" ? 2 : 1;
  const decision = decide(requirement, outcome, scale);
  const result: RequirementResult = { ...base, ...decision, measured, findings: outcome.findings ?? [] };
  if (decision.verdict === "inconclusive" && outcome.nNeeded !== undefined) {
    measured.n_needed = outcome.nNeeded(computeThreshold(requirement) / scale);
    Object.assign(result, statedNeed(result, measured.n_needed, outcome.n));
  }
  if (options.claim === undefined) return result;
  const judged = applyClaim(result, options.claim, options.tolerance);
  const explained =
    judged.claimed?.consistent === false ? outcome.explainClaim?.(options.claim.value) : undefined;
  return explained === undefined ? judged : { ...judged, findings: [...judged.findings, explained] };
}

/** A target requirement's result before it is judged: its target, nothing measured or claimed yet. */
export function baseResult(
  requirement: TargetRequirement,
): Omit<RequirementResult, "verdict" | "reason" | "findings"> {
  const target: NonNullable<RequirementResult["target"]> = {
    op: requirement.op,
    value: requirement.value,
    unit: requirement.unit,
    provenance: requirement.provenance,
    comparison: requirement.comparison,
  };
  if (requirement.baseline !== undefined) target.baseline = requirement.baseline;
  if (requirement.tolerance !== undefined)
    target.tolerance = {
      percent: requirement.tolerance.percent,
      provenance: requirement.tolerance.provenance,
    };
  return {
    id: requirement.id,
    kind: "target",
    title: requirement.title,
    metric: requirement.metric,
    target,
    measured: null,
    claimed: null,
  };
}

/**
 * The number a measurement is compared with: the target's value, moved by its tolerance towards the
 * lenient side ("about 1 CU", ≤ 1 within 20 % → ≤ 1.2); `==` keeps the value (its tolerance is not a side).
 */
export function computeThreshold(requirement: TargetRequirement): number {
  const percent = requirement.tolerance?.percent;
  if (percent === undefined) return requirement.value;
  const side = OPERATORS[requirement.op].boundSide;
  const margin = (Math.abs(requirement.value) * percent) / 100;
  return side === "high"
    ? requirement.value + margin
    : side === "low"
      ? requirement.value - margin
      : requirement.value;
}

// --- internal ---

function toMeasured(estimate: MetricEstimate, scale: number, confidence: number): Measured {
  const measured: Measured = {
    value: round(estimate.value * scale),
    low: estimate.low === null ? null : round(estimate.low * scale),
    high: estimate.high === null ? null : round(estimate.high * scale),
    n: estimate.n,
    method: estimate.method,
    confidence,
  };
  if (estimate.methodRef !== undefined) {
    measured.method_key = estimate.methodRef.key;
    measured.method_params = estimate.methodRef.params ?? {};
  }
  if (estimate.candidate !== undefined) measured.candidate = round(estimate.candidate);
  if (estimate.baseline !== undefined) measured.baseline = round(estimate.baseline);
  return measured;
}

function decide(
  requirement: TargetRequirement,
  estimate: MetricEstimate,
  scale: number,
): Pick<RequirementResult, "verdict" | "reason" | "reason_key" | "reason_params"> {
  const operator = OPERATORS[requirement.op];
  const expected = computeThreshold(requirement) / scale;
  const shown = (v: number) => quantityText(Number((v * scale).toPrecision(4)), requirement.unit);
  const quantity = (v: number) => quantityParam(Number((v * scale).toPrecision(4)), requirement.unit);
  const { text: target, param: targetRef } = targetParam(requirement, computeThreshold(requirement));
  const params = { value: quantity(estimate.value), target: targetRef };
  if (!operator.passes(estimate.value, expected)) {
    return withReason(
      { verdict: "fail", reason: `Measured ${shown(estimate.value)} misses the target ${target}.` },
      "reason.target_missed",
      params,
    );
  }
  // A subset of the test set decides nothing, whatever its bound says.
  if (estimate.partial !== undefined)
    return withReason(
      {
        verdict: "inconclusive",
        reason: `Measured ${shown(estimate.value)} meets ${target}, but ${estimate.partial}`,
      },
      "reason.target_partial",
      {
        ...params,
        partial:
          estimate.partialRef === undefined
            ? { key: "reason.text", params: { text: estimate.partial }, text: estimate.partial }
            : { ...estimate.partialRef, text: estimate.partial },
      },
    );
  const bounds =
    operator.boundSide === "both"
      ? [estimate.low, estimate.high]
      : [operator.boundSide === "high" ? estimate.high : estimate.low];
  if (bounds.some((b) => b === null)) {
    return estimate.source === "reported"
      ? withReason(
          {
            verdict: "inconclusive",
            reason: `Measured ${shown(estimate.value)} meets ${target}, but the evidence holds only the tool's summary, so nothing bounds it; submit per-request results (e.g. vLLM --save-detailed).`,
          },
          "reason.target_summary_only",
          params,
        )
      : withReason(
          {
            verdict: "inconclusive",
            reason: `Measured ${shown(estimate.value)} meets ${target}, but there are too few samples for a confidence bound; collect more.`,
          },
          "reason.target_no_bound",
          params,
        );
  }
  const failing = bounds.find((b) => !operator.passes(b as number, expected));
  if (failing !== undefined && failing !== null) {
    return withReason(
      {
        verdict: "inconclusive",
        reason: `Measured ${shown(estimate.value)} meets ${target}, but its confidence bound ${shown(failing)} does not; collect more samples.`,
      },
      "reason.target_bound_misses",
      { ...params, bound: quantity(failing) },
    );
  }
  return estimate.low === estimate.value && estimate.high === estimate.value
    ? withReason(
        {
          verdict: "pass",
          reason: `Measured ${shown(estimate.value)} meets ${target} (an exact reading: no sampling error to bound).`,
        },
        "reason.target_met_exact",
        params,
      )
    : withReason(
        {
          verdict: "pass",
          reason: `Measured ${shown(estimate.value)} meets ${target}, and so does its confidence bound.`,
        },
        "reason.target_met",
        params,
      );
}

function applyClaim(result: RequirementResult, claim: Claim, tolerance: number): RequirementResult {
  const measured = result.measured?.value;
  if (measured === undefined || measured === null) return result;
  const claimed = compareClaim(claim, measured, tolerance);
  if (claimed.consistent) return { ...result, claimed };
  const finding: Finding = createClaimFinding(claim, measured, result.target?.unit ?? "", tolerance);
  const recomputed = Number(measured.toPrecision(4));
  return withReason(
    {
      ...result,
      claimed,
      verdict: "fail",
      reason: `The claim (${claim.value}) disagrees with the recomputed value (${recomputed}).`,
      findings: [...result.findings, finding],
    },
    "reason.claim_mismatch",
    { claimed: claim.value, recomputed },
  );
}

/**
 * An inconclusive bound says, in its reason, how many samples would decide it: the reader of the
 * sentence should not have to find the figure in the method line.
 */
function statedNeed(
  result: RequirementResult,
  needed: number | null,
  have: number,
): Pick<RequirementResult, "reason" | "reason_key" | "reason_params"> {
  if (needed === null || result.reason_key !== "reason.target_bound_misses") return result;
  const reason = result.reason.replace(
    /; collect more samples\.$/,
    `; about ${needed} samples (now ${have}) would decide it.`,
  );
  return {
    reason,
    reason_key: "reason.target_bound_needs",
    reason_params: { ...result.reason_params, needed, have },
  };
}

function round(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(10)) : value;
}
