import type { Chart } from "../../model/report.ts";
import type { Lang } from "../i18n.ts";
import { formatTick, formatUnitSuffix } from "./chart-axis.ts";
import { colourOf, LIMIT_COLOUR, TARGET_COLOUR } from "./chart-style.ts";
import { formatChartText } from "./chart-text.ts";
import { toPercentileAxis } from "./percentile-axis.ts";

// What the chart.js plugin draws over or under the data, as plain data in one language
// (`options.plugins.claimcheck`; the drawing is in draw-overlays.ts and draw-bar-marks.ts).

/** A reference line (target, limit) as the reference-line plugin draws it. */
export interface ReferenceLine {
  axis: "x" | "y";
  value: number;
  label: string;
  colour: string;
}

/** A judged statistic drawn as a dot with its label (p99 of each run). */
export interface MarkerPoint {
  x: number;
  y: number;
  label: string;
  colour: string;
}

/** A shaded span of an axis (`to` null: to the end of the axis). */
export interface Band {
  axis: "x" | "y";
  from: number;
  to: number | null;
  label: string;
}

/** Whiskers drawn over bars: one `[low, high]` per bar, `null` when there is no bound. */
export type BarBounds = Array<[number, number] | null>;

/** Target and limit lines with their labels: targets red, other lines (a link's line rate) grey. */
export function computeReferenceLines(chart: Chart, lang: Lang): ReferenceLine[] {
  return (chart.reference ?? []).map((r) => {
    const unit = formatUnitSuffix(r.axis === "x" ? chart.x.unit : chart.y.unit);
    const plain = `${r.label[lang]} ${formatTick(r.value)}${unit}`;
    // Reports from before chart text keys name their target lines "target" and "weights + allowance".
    const target =
      r.text === undefined
        ? ["target", "weights + allowance"].includes(r.label.en)
        : r.text.key.startsWith("chart.target.");
    const value = r.axis === "x" && chart.x.scale === "percentile" ? toPercentileAxis(r.value) : r.value;
    return {
      axis: r.axis,
      value,
      label: r.text === undefined ? plain : formatChartText(r.text, lang, plain),
      colour: target ? TARGET_COLOUR : LIMIT_COLOUR,
    };
  });
}

/** Dots in their run's colour: the colour of the series with the same role. */
export function computeMarkerPoints(chart: Chart, lang: Lang): MarkerPoint[] {
  const toX = chart.x.scale === "percentile" ? toPercentileAxis : (x: number) => x;
  return (chart.markers ?? []).map((m) => {
    const index = chart.series.findIndex((s) => s.role === m.role);
    return {
      x: toX(m.x),
      y: m.y,
      label: formatChartText(m.text, lang),
      colour: colourOf(m.role, Math.max(index, 0)),
    };
  });
}

/** Shaded windows with their labels in one language. */
export function computeBands(chart: Chart, lang: Lang): Band[] {
  return (chart.bands ?? []).map((b) => ({ ...b, label: formatChartText(b.text, lang) }));
}
