import type { Chart, ChartText, RequirementResult } from "../model/report.ts";
import { OPERATORS } from "./operators.ts";

/**
 * One bar chart per comparison and unit (all regressions in %, all improvements in %, …): each
 * requirement's measured change as a bar coloured by its verdict, its confidence bound as whiskers,
 * the targets as lines. Invalid requirements are not drawn (their numbers decided nothing); the
 * caption says how many were left out and what the whiskers are.
 */
export function computeBarCharts(requirements: RequirementResult[]): Chart[] {
  const groups = new Map<string, RequirementResult[]>();
  for (const r of requirements) {
    if (r.target === null || r.target.comparison === "none") continue;
    if (r.verdict !== "invalid" && r.measured?.value == null) continue;
    const key = `${r.target.comparison}|${r.target.unit}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.entries()].flatMap(([key, members]) => {
    const drawn = members.filter((r) => r.verdict !== "invalid");
    if (drawn.length === 0) return [];
    const [comparison = "", unit = ""] = key.split("|");
    const title = COMPARISON_TITLE[comparison] ?? { en: comparison, zh: comparison };
    const targets = uniqueTargets(drawn);
    const left = members.length - drawn.length;
    return [
      {
        id: comparison,
        type: "bars" as const,
        title,
        x: { label: { en: "Requirement", zh: "要求" }, unit: "" },
        y: { label: title, unit },
        series: [],
        bars: drawn.map((r) => ({
          label: r.id,
          requirement: r.id,
          value: r.measured?.value as number,
          low: r.measured?.low ?? null,
          high: r.measured?.high ?? null,
          verdict: r.verdict,
          ...(targets.length > 1 && barTarget(r, unit) !== undefined ? { target: barTarget(r, unit) } : {}),
        })),
        // One target for all: a line across. Several: each bar carries its own (a line across would
        // not say which bar it belongs to).
        ...(targets.length > 1
          ? {}
          : {
              reference: targets.map(([op, value]) => ({
                axis: "y" as const,
                value,
                label: TARGET_LABEL,
                text: targetText(op, value, unit),
              })),
            }),
        caption: [
          boundCaption(drawn),
          ...(left === 0 ? [] : [{ key: "chart.caption.requirements_left_out", params: { n: left } }]),
        ],
      },
    ];
  });
}

// --- internal ---

const TARGET_LABEL = { en: "target", zh: "目标" };

function barTarget(
  requirement: RequirementResult,
  unit: string,
): { value: number; text: ChartText } | undefined {
  const target = requirement.target;
  // A reported figure has no threshold to draw.
  if (target === null || target.op === null || target.value === null) return undefined;
  return { value: target.value, text: targetText(OPERATORS[target.op].symbol, target.value, unit) };
}

function targetText(op: string, value: number, unit: string): ChartText {
  return { key: "chart.target.absolute", params: { op, value, unit } };
}

/** Each distinct target once, as its operator symbol and value (`≤`, 5). */
function uniqueTargets(requirements: RequirementResult[]): Array<[string, number]> {
  const seen = new Map<string, [string, number]>();
  for (const { target } of requirements) {
    if (target === null || target.op === null || target.value === null) continue;
    const op = OPERATORS[target.op].symbol;
    seen.set(`${op}${target.value}`, [op, target.value]);
  }
  return [...seen.values()];
}

const COMPARISON_TITLE: Record<string, { en: string; zh: string }> = {
  regression: { en: "Regression vs baseline", zh: "相对基线的劣化" },
  improvement: { en: "Improvement vs baseline", zh: "相对基线的提升" },
  loss: { en: "Loss vs baseline", zh: "相对基线的损失" },
  delta: { en: "Difference vs baseline", zh: "相对基线的差值" },
};

/**
 * What the whiskers are: the confidence and sidedness the judge used (every requirement of a report is
 * judged at the run's one confidence), or "exact" when no bar has a bound wider than its value (busbw
 * and throughput readings are exact).
 */
function boundCaption(bars: RequirementResult[]): ChartText {
  const bounded = bars.filter(
    (r) => r.measured !== null && (r.measured.low !== r.measured.high || r.measured.low !== r.measured.value),
  );
  if (bounded.length === 0) return { key: "chart.caption.exact" };
  const first = bounded[0]?.measured;
  const confidence = Number(((first?.confidence ?? 0.95) * 100).toPrecision(4));
  return { key: "chart.caption.whiskers", params: { confidence, sides: first?.sides ?? 2 } };
}
