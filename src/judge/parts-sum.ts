import type { MetricEstimate } from "../measure/metric.ts";
import type { ServingWindow } from "../measure/serving/serving-window.ts";
import { createFinding } from "../model/create-finding.ts";
import type { Finding } from "../model/finding.ts";
import type { Claim } from "../model/manifest.ts";
import type { MessageRef } from "../model/message.ts";
import type { RequirementResult } from "../model/report.ts";
import type { TargetRequirement } from "../model/topic.ts";
import { judgeTarget } from "./judge-target.ts";
import { OPERATORS } from "./operators.ts";
import { findingRef, reasonRef, withReason } from "./reason-ref.ts";
import { VERDICT_RANK } from "./verdict-order.ts";

/** What judging a requirement's sum needs beyond the parts: the claim on the whole, and the tolerances. */
export interface SumOptions {
  claim?: Claim;
  tolerance: number;
  confidence: number;
}

/** One judged part as the sum sees it: its name, its candidate's run window and its own result. */
export interface SummedPart {
  name: string;
  window?: ServingWindow;
  result: RequirementResult;
}

/**
 * `aggregate: sum` (1.5/low-qps: the card's whole load, not each model's, is "below 10 QPS"): the
 * requirement's value is the sum of the parts' values and its bounds the sums of their bounds, and the
 * verdict is judged on that sum. When a part has no value, `every` (the worst part's result) stands,
 * so a missing or broken log is never hidden inside a total.
 *
 * Summing rates is the card's load only while the logs ran at the same time. Logs with epoch send
 * times are checked: if some two never overlapped, the card never carried the total, so the sum is
 * not judged (`PARTS_NOT_CONCURRENT`): the worst part's value is shown, and a pass becomes inconclusive
 * because the submission never showed the models served together. Relative send
 * times cannot be checked; then the sum stands, which for an upper limit (<, <=) is the safe side —
 * it is at least the card's load at any moment — but for a lower limit could overstate, so a pass
 * there becomes inconclusive.
 */
export function sumParts(
  requirement: TargetRequirement,
  parts: readonly SummedPart[],
  options: SumOptions,
  every: RequirementResult,
): RequirementResult {
  const measured = parts.map((p) => p.result.measured);
  if (measured.some((m) => m === null || m === undefined || m.value === null)) return every;
  const overlap = checkOverlap(requirement, parts);
  if (overlap.finding !== undefined) return notConcurrent(every, overlap.finding);
  const scale = requirement.unit === "%" || requirement.unit === "points" ? 100 : 1;
  const sum = (pick: (p: SummedPart) => number | null | undefined) =>
    parts.some((p) => pick(p) === null || pick(p) === undefined)
      ? null
      : parts.reduce((total, p) => total + (pick(p) as number), 0) / scale;
  const value = sum((p) => p.result.measured?.value) as number;
  const estimate: MetricEstimate = {
    value,
    low: sum((p) => p.result.measured?.low),
    high: sum((p) => p.result.measured?.high),
    n: parts.reduce((total, p) => total + (p.result.measured?.n ?? 0), 0),
    method: `sum of ${parts.length} parts (${parts.map((p) => `${p.name} ${p.result.measured?.value}`).join(" + ")}); bounds are the sums of the parts' bounds, which hold together at no less than 1 − ${parts.length}·α (Bonferroni); ${overlap.note}`,
    methodRef: {
      key: "method.parts_sum",
      params: {
        n: parts.length,
        terms: parts.map((p) => `${p.name} ${p.result.measured?.value}`).join(" + "),
        overlap: overlap.noteRef,
      },
    },
    ...(overlap.partial === undefined
      ? {}
      : { partial: overlap.partial, partialRef: { key: "partial.no_epoch" } }),
  };
  const judged = judgeTarget({
    requirement,
    outcome: estimate,
    tolerance: options.tolerance,
    confidence: options.confidence,
    ...(options.claim === undefined ? {} : { claim: options.claim }),
  });
  const findings = [...parts.flatMap((p) => p.result.findings), ...judged.findings];
  const reason = `The ${parts.length} ${requirement.per ?? "model"}s together: ${judged.reason}`;
  const summed = withReason(
    { ...judged, reason, findings, parts: every.parts ?? [] },
    "reason.parts_together",
    {
      n: parts.length,
      per: { key: `per.${requirement.per ?? "model"}`, text: requirement.per ?? "model" },
      reason: reasonRef(judged),
    },
  );
  return withPartCaps(summed, parts);
}

// --- internal ---

interface Overlap {
  note: string;
  noteRef: MessageRef;
  partial?: string;
  finding?: Finding;
}

function checkOverlap(requirement: TargetRequirement, parts: readonly SummedPart[]): Overlap {
  const windows = parts.map((p) => p.window);
  if (windows.every((w) => w?.epoch === true)) {
    // Intervals that overlap pairwise share a common moment (Helly's theorem in one dimension).
    const latestStart = Math.max(...windows.map((w) => (w as ServingWindow).first));
    const earliestEnd = Math.min(...windows.map((w) => (w as ServingWindow).last));
    if (latestStart < earliestEnd)
      return {
        note: `the logs ran at the same time for ${round(earliestEnd - latestStart)} s (epoch send times)`,
        noteRef: { key: "method.overlap_epoch", params: { seconds: round(earliestEnd - latestStart) } },
      };
    return {
      note: "",
      noteRef: { key: "reason.text", params: { text: "" } },
      finding: disjointFinding(requirement, parts),
    };
  }
  const note =
    "not every log has Unix epoch send times, so the overlap cannot be checked and the logs are assumed to have run at the same time";
  const noteRef: MessageRef = { key: "method.overlap_unknown" };
  if (OPERATORS[requirement.op].boundSide !== "low") return { note, noteRef };
  return {
    note,
    noteRef,
    partial:
      "not every log has Unix epoch send times, so nothing shows they ran at the same time; submit logs with Unix epoch send times (start_s) so the overlap can be checked.",
  };
}

function disjointFinding(requirement: TargetRequirement, parts: readonly SummedPart[]): Finding {
  const spans = parts
    .map(
      (p) =>
        `${p.name} ${isoTime((p.window as ServingWindow).first)}–${isoTime((p.window as ServingWindow).last)}`,
    )
    .join(", ");
  return createFinding(
    "PARTS_NOT_CONCURRENT",
    "warning",
    `${requirement.id} is the sum over the models served together, but the logs never all ran at the same time (${spans}), so their ${requirement.metric} values are not summed; run every model's load at once on the card and submit those logs.`,
    undefined,
    { requirement: requirement.id, spans, metric: requirement.metric },
  );
}

function notConcurrent(every: RequirementResult, finding: Finding): RequirementResult {
  const findings = [...every.findings, finding];
  if (every.verdict !== "pass") return { ...every, findings };
  return withReason(
    { ...every, verdict: "inconclusive", reason: `${every.reason} ${finding.message}`, findings },
    "reason.then_finding",
    { reason: reasonRef(every), finding: findingRef(finding) },
  );
}

/** A part that could not be trusted (a unit suspect, a partial run) keeps the total from passing. */
function withPartCaps(judged: RequirementResult, parts: readonly SummedPart[]): RequirementResult {
  const capped = parts.find(
    (p) => p.result.verdict === "inconclusive" && VERDICT_RANK.inconclusive > VERDICT_RANK[judged.verdict],
  );
  if (capped === undefined) return judged;
  return withReason(
    {
      ...judged,
      verdict: "inconclusive",
      reason: `${judged.reason} But part ${capped.name} is inconclusive: ${capped.result.reason}`,
    },
    "reason.part_inconclusive",
    { reason: reasonRef(judged), part: capped.name, part_reason: reasonRef(capped.result) },
  );
}

function isoTime(epochS: number): string {
  return new Date(epochS * 1000).toISOString();
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
