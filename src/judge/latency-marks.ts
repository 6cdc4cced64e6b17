import type { Chart, ChartText, RequirementResult } from "../model/report.ts";
import { computeRoleText, roundLabel } from "./chart-rows.ts";
import { OPERATORS } from "./operators.ts";

// What a latency percentile plot marks: the judged percentile of each run and the target as a latency.

/** The percentile a requirement judges (99 for `ttft_ms.p99`); undefined for a mean. */
export function percentileOf(requirement: RequirementResult): number | undefined {
  const statistic = requirement.metric?.split(".")[1] ?? "";
  return /^p\d+(\.\d+)?$/.test(statistic) ? Number(statistic.slice(1)) : undefined;
}

/**
 * The judged percentile of each run as a dot on its curve: candidate and baseline for a relative
 * requirement (their values as the judge computed them), the candidate alone for an absolute one.
 */
export function computeJudgedMarkers(
  requirement: RequirementResult,
  part: string | undefined,
  plotted: string[],
): NonNullable<Chart["markers"]> {
  const p = percentileOf(requirement);
  const side = judgedSide(requirement, part);
  if (p === undefined || side === undefined) return [];
  const relative = requirement.target?.comparison !== "none";
  const runs: Array<[string, number | null | undefined]> = relative
    ? [
        [side.roles.candidate ?? sideRole(plotted, "candidate"), side.measured.candidate],
        [
          side.roles.baseline ?? sideRole(plotted, requirement.target?.baseline ?? "baseline"),
          side.measured.baseline,
        ],
      ]
    : [[side.roles.candidate ?? sideRole(plotted, "candidate"), side.measured.value]];
  return runs.flatMap(([role, value]) =>
    value == null ? [] : [{ x: p, y: round(value), role, text: marker(role, `p${p}`, value) }],
  );
}

/**
 * The target as a latency: absolute in ms, or the baseline's judged value moved by the limit. Latency
 * is lower-is-better, so a regression or loss of ≤ L allows ≤ baseline × (1 + L), an improvement of
 * ≥ L asks for ≤ baseline × (1 − L) (the operator turns round), a delta adds the limit.
 */
export function computeTargetLines(
  requirement: RequirementResult,
  part: string | undefined,
): NonNullable<Chart["reference"]> {
  const target = requirement.target;
  const side = judgedSide(requirement, part);
  const stat = requirement.metric?.split(".")[1] ?? "";
  if (target === null || side === undefined || percentileOf(requirement) === undefined) return [];
  // A reported figure has no threshold to mark.
  if (target.op === null || target.value === null) return [];
  const limit = target.value;
  const line = (value: number, key: string, params: ChartText["params"]) => [
    {
      axis: "y" as const,
      value,
      label: TARGET_LABEL,
      text: { key, params: { ...params, value, unit: "ms" } },
    },
  ];
  const op = OPERATORS[target.op].symbol;
  if (target.comparison === "none")
    return target.unit === "ms" ? line(limit, "chart.target.absolute", { op }) : [];
  const baseline = side.measured.baseline;
  if (baseline == null) return [];
  if (target.comparison === "delta")
    return target.unit === "ms"
      ? line(roundLabel(baseline + limit), "chart.target.delta", { op, stat, limit })
      : [];
  if (target.unit !== "%") return [];
  const improvement = target.comparison === "improvement";
  const factor = Number((improvement ? 1 - limit / 100 : 1 + limit / 100).toFixed(6));
  const latencyOp = improvement ? (FLIPPED[op] ?? op) : op;
  const params = { op: latencyOp, stat, factor, ...(part === undefined ? {} : { part }) };
  return line(
    roundLabel(baseline * factor),
    `chart.target.${part === undefined ? "relative" : "relative_part"}`,
    params,
  );
}

// --- internal ---

/**
 * The plotted role a side was read from, as `findEvidence` picks it: the side's own role, else the
 * one request log whose name does (baseline) or does not (candidate) contain "baseline".
 */
function sideRole(plotted: string[], role: string): string {
  if (plotted.includes(role)) return role;
  const baseline = role.includes("baseline");
  return plotted.find((r) => r.includes("baseline") === baseline) ?? role;
}

function marker(role: string, stat: string, value: number): ChartText {
  const { params } = computeRoleText(role);
  return { key: "chart.marker.judged", params: { ...params, stat, value: roundLabel(value), unit: "ms" } };
}

const TARGET_LABEL = { en: "target", zh: "目标" };
const FLIPPED: Record<string, string> = { "≥": "≤", ">": "<", "≤": "≥", "<": ">" };

interface JudgedSide {
  measured: NonNullable<RequirementResult["measured"]>;
  roles: { candidate?: string | undefined; baseline?: string | undefined };
}

function judgedSide(requirement: RequirementResult, part: string | undefined): JudgedSide | undefined {
  if (part === undefined)
    return requirement.measured === null ? undefined : { measured: requirement.measured, roles: {} };
  const found = requirement.parts?.find((p) => p.name === part);
  if (found?.measured == null || found.verdict === "invalid") return undefined;
  return { measured: found.measured, roles: found.roles };
}

/** Six significant digits: enough for a chart, and stable JSON across platforms. */
function round(value: number): number {
  return Number(value.toPrecision(6));
}
