import type { MessageRef } from "../model/message.ts";
import type { RequirementResult } from "../model/report.ts";
import type { ReportedRequirement, Requirement, TargetRequirement } from "../model/topic.ts";
import { type JudgeTargetOptions, judgeTarget } from "./judge-target.ts";
import { withReason } from "./reason-ref.ts";
import { unitSuffixParam } from "./target-text.ts";

/**
 * A reported figure as the target pipeline sees it. With an officer's `op` and `value` it is a
 * target and judged like one. Without, it runs through the same steps (invalid inputs,
 * comparability, parts, claim) with a two-sided interval (`==`), and its value is NaN: no number
 * meets it, and `isReportedView` tells `judgeReported` to report it rather than judge it.
 */
export function toMeasuredView(requirement: ReportedRequirement): TargetRequirement {
  const { op, value, ...rest } = requirement;
  return { ...rest, kind: "target", op: op ?? "==", value: value ?? Number.NaN };
}

/** The requirement as the measuring pipeline reads it: a target, a reported figure's view, or none (a deliverable). */
export function listMeasuredRequirements(requirements: readonly Requirement[]): TargetRequirement[] {
  return requirements.flatMap((r) =>
    r.kind === "target" ? [r] : r.kind === "reported" ? [toMeasuredView(r)] : [],
  );
}

/** Whether a requirement is a reported figure without a threshold (see `toMeasuredView`). */
export function isReportedView(requirement: TargetRequirement): boolean {
  return Number.isNaN(requirement.value);
}

/** Whether the topic gave the reported figure a threshold, so it is judged as a target. */
export function hasThreshold(requirement: ReportedRequirement): boolean {
  return requirement.op !== undefined && requirement.value !== undefined;
}

/**
 * The verdict of a reported figure: `reported` when measured (a claim that disagrees still fails),
 * `missing`/`invalid` when the evidence is absent or broken, like a target.
 */
export function judgeReported(options: JudgeTargetOptions): RequirementResult {
  const judged = judgeTarget(options);
  const measured = judged.measured;
  if (measured === null || measured.value === null) return judged;
  if (judged.claimed?.consistent === false) return judged;
  const unit = options.requirement.unit === "%" ? " %" : ` ${options.requirement.unit}`;
  const shown = (v: number) => Number(v.toPrecision(4));
  const bound =
    measured.low === null || measured.high === null
      ? ""
      : ` [${shown(measured.low)}, ${shown(measured.high)}]`;
  const partial = "unavailable" in options.outcome ? undefined : options.outcome.partial;
  const reason = `Reported: ${shown(measured.value)}${unit}${bound}, ${measured.method}; the topic sets no threshold for this figure.${partial === undefined ? "" : ` Note: ${partial}`}`;
  const method: MessageRef =
    measured.method_key === undefined
      ? { key: "reason.text", params: { text: measured.method }, text: measured.method }
      : { key: measured.method_key, params: measured.method_params ?? {}, text: measured.method };
  const figure: MessageRef = {
    key: "reason.reported",
    params: { value: shown(measured.value), unit: unitSuffixParam(options.requirement.unit), bound, method },
  };
  const partialRef = "unavailable" in options.outcome ? undefined : options.outcome.partialRef;
  const note: MessageRef | undefined =
    partial === undefined
      ? undefined
      : {
          key: "reason.reported_partial",
          params: { partial: partialRef ?? { key: "reason.text", params: { text: partial }, text: partial } },
        };
  // The key judgeTarget chose (a target missed by NaN) does not describe a figure without a threshold.
  return note === undefined
    ? { ...judged, verdict: "reported", ...withReason({ reason }, figure.key, figure.params ?? {}) }
    : {
        ...judged,
        verdict: "reported",
        ...withReason({ reason }, "reason.then_finding", { reason: figure, finding: note }),
      };
}

/**
 * The result as the report shows a reported figure: kind `reported`, its target with no operator or
 * value (unit, provenance, comparison and baseline kept), and, judged in parts, a reason that lists
 * the parts instead of counting passes.
 */
export function finishReported(result: RequirementResult): RequirementResult {
  const target = result.target === null ? null : { ...result.target, op: null, value: null };
  const parts = result.parts;
  if (parts === undefined || result.verdict !== "reported") return { ...result, kind: "reported", target };
  const values = parts.map(
    (p) =>
      `${p.per} ${p.name}: ${p.measured?.value === null || p.measured === null ? "—" : p.measured.value}`,
  );
  return {
    ...result,
    kind: "reported",
    target,
    ...withReason(
      {
        reason: `Reported per ${parts[0]?.per ?? "part"} (${values.join("; ")}); the topic sets no threshold for this figure.`,
      },
      "reason.reported_parts",
      {
        per: { key: `per.${parts[0]?.per ?? "part"}`, text: parts[0]?.per ?? "part" },
        values: values.join("; "),
      },
    ),
  };
}
