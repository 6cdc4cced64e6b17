import type { Chart } from "../../model/report.ts";
import type { Lang } from "../i18n.ts";
import { computeAxis } from "./chart-axis.ts";
import type { ChartSpec } from "./chart-spec.ts";
import { colourOf } from "./chart-style.ts";
import { formatChartText } from "./chart-text.ts";
import { toPercentileAxis } from "./percentile-axis.ts";

/** The chart.js configuration of a line chart (percentile plot, busbw, memory timeline, CDF): one line per run. */
export function computeLineSpec(
  chart: Chart,
  lang: Lang,
  common: Record<string, unknown>,
): Omit<ChartSpec, "height"> {
  const toX = chart.x.scale === "percentile" ? toPercentileAxis : (x: number) => x;
  const logX = chart.x.log === true || chart.x.scale === "percentile" || needsLogX(chart);
  return {
    type: "line",
    data: {
      datasets: chart.series.map((s, i) => ({
        label: s.text === undefined ? s.label : formatChartText(s.text, lang, s.label),
        data: s.points.filter(([x]) => Number.isFinite(toX(x))).map(([x, y]) => ({ x: toX(x), y })),
        borderColor: colourOf(s.role, i),
        backgroundColor: colourOf(s.role, i),
        borderWidth: 2,
        pointRadius: 0,
        stepped: chart.type === "cdf" ? "before" : false,
        borderDash: s.role?.includes("baseline") ? [6, 4] : [],
      })),
    },
    options: {
      ...common,
      scales: {
        x: {
          ...computeAxis(chart.x, lang, logX ? "logarithmic" : "linear"),
          ...includeReferences(chart, "x", toX),
        },
        y: {
          ...computeAxis(chart.y, lang, chart.y.log === true ? "logarithmic" : "linear"),
          ...includeReferences(chart, "y", (y) => y),
        },
      },
    },
  };
}

// --- internal ---

/** Stretches an axis so a target or limit line outside the data (a link rate above the curve) still shows. */
function includeReferences(chart: Chart, axis: "x" | "y", to: (v: number) => number): Record<string, number> {
  const values = [
    ...(chart.reference ?? []).filter((r) => r.axis === axis).map((r) => r.value),
    ...(chart.markers ?? []).map((m) => (axis === "x" ? m.x : m.y)),
  ].map(to);
  if (values.length === 0) return {};
  const data = chart.series.flatMap((s) => s.points.map((p) => (axis === "x" ? to(p[0]) : p[1])));
  const finite = [...values, ...data].filter(Number.isFinite);
  const [low, high] = [Math.min(...finite), Math.max(...finite)];
  const pad = axis === "y" && chart.type !== "cdf" ? (high - low) * 0.05 : 0;
  return { suggestedMin: low, suggestedMax: high + pad };
}

/** An old report's CDF whose tail is 50× its median (an outlier, a broken row) is unreadable on a linear axis. */
function needsLogX(chart: Chart): boolean {
  if (chart.type !== "cdf") return false;
  return chart.series.some((s) => {
    const median = s.points.find(([, y]) => y >= 50)?.[0] ?? 0;
    const max = s.points.at(-1)?.[0] ?? 0;
    return median > 0 && s.points.every(([x]) => x > 0) && max > 50 * median;
  });
}
