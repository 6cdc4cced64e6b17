import type { Chart, Verdict } from "../../model/report.ts";
import type { Lang } from "../i18n.ts";
import { computeAxis, formatTick, formatUnitSuffix } from "./chart-axis.ts";
import type { BarBounds } from "./chart-overlays.ts";
import type { ChartSpec } from "./chart-spec.ts";
import { CHART_FONT } from "./chart-style.ts";
import { formatChartText } from "./chart-text.ts";

/**
 * Bar colours by verdict from the Okabe–Ito palette, which readers with any common colour-vision
 * deficiency can tell apart; the verdict word is printed under every bar too, so colour is never alone.
 */
export const VERDICT_COLOURS: Record<Verdict, string> = {
  pass: "#009E73",
  fail: "#D55E00",
  inconclusive: "#E69F00",
  missing: "#999999",
  invalid: "#000000",
  waived: "#56B4E9",
  reported: "#0072B2",
};
const NO_VERDICT = "#1f5fbf";

/** The chart.js configuration of a bar chart: bars by verdict, value labels, bounds and targets for the plugin. */
export function computeBarSpec(
  chart: Chart,
  lang: Lang,
  common: Record<string, unknown>,
): Omit<ChartSpec, "height"> {
  const bars = chart.bars ?? [];
  const bounds: BarBounds = bars.map((b) => (b.low === null || b.high === null ? null : [b.low, b.high]));
  const plugins = common.plugins as Record<string, unknown>;
  // The bounds and target lines are drawn by a plugin, so the axis must make room for them itself.
  const values = [
    ...bars.flatMap((b) => [b.value, b.low ?? b.value, b.high ?? b.value]),
    ...(chart.reference ?? []).filter((r) => r.axis === "y").map((r) => r.value),
    ...bars.flatMap((b) => (b.target === undefined ? [] : [b.target.value])),
  ];
  const [min, max] = [Math.min(0, ...values), Math.max(0, ...values)];
  // Room above the highest whisker for the value labels.
  const pad = (max - min) * 0.14;
  const colours = bars.map((b) => (b.verdict === undefined ? NO_VERDICT : VERDICT_COLOURS[b.verdict]));
  const unit = formatUnitSuffix(chart.y.unit);
  return {
    type: "bar",
    data: {
      labels: bars.map((b) =>
        b.verdict === undefined
          ? b.label
          : [b.label, formatChartText({ key: "chart.verdict", params: { verdict: b.verdict } }, lang)],
      ),
      datasets: [
        {
          label: chart.y.label[lang],
          data: bars.map((b) => b.value),
          backgroundColor: colours,
          borderColor: colours,
          borderWidth: 1.5,
          maxBarThickness: 64,
        },
      ],
    },
    options: {
      ...common,
      plugins: {
        ...plugins,
        claimcheck: {
          ...(plugins.claimcheck as object),
          bounds,
          valueLabels: bars.map((b) => `${formatTick(b.value)}${unit}`),
          barTargets: bars.map((b) =>
            b.target === undefined
              ? null
              : { value: b.target.value, label: formatChartText(b.target.text, lang) },
          ),
        },
      },
      scales: {
        x: { ticks: { font: { family: CHART_FONT, size: 11 } }, grid: { display: false } },
        y: {
          ...computeAxis(chart.y, lang, "linear"),
          suggestedMin: min < 0 ? min - pad : 0,
          suggestedMax: max + pad,
        },
      },
    },
  };
}
