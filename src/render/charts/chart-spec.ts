import type { Chart } from "../../model/report.ts";
import type { Lang } from "../i18n.ts";
import { computeBarSpec } from "./bar-spec.ts";
import { wrapCaption } from "./chart-caption.ts";
import { formatChartText } from "./chart-text.ts";
import { toPercentileAxis } from "./percentile-axis.ts";

/** The one font every chart uses, registered from the source-han-sans-cn package so CJK glyphs render. */
export const CHART_FONT = "Source Han Sans CN";

/** CSS pixel size of a chart without caption; PNGs are rendered at `scale` × this. */
export const CHART_SIZE = { width: 720, height: 340 } as const;
/** Caption text size and line height, in CSS pixels; each caption line makes the chart this much taller. */
export const CAPTION_FONT_PX = 11;
export const CAPTION_LINE_PX = 15;

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

/** A chart.js configuration as plain data; the plugins that read `claimcheck` options live in png.ts. */
export interface ChartSpec {
  type: "line" | "bar";
  data: { labels?: Array<string | string[]>; datasets: Array<Record<string, unknown>> };
  options: Record<string, unknown>;
  /** CSS pixel height: taller than CHART_SIZE by the caption's lines. */
  height: number;
}

/** Colours by evidence role; the candidate is always the strong one. */
export const ROLE_COLOURS: Record<string, string> = {
  candidate: "#1f5fbf",
  baseline: "#8a8f98",
  memory: "#1f5fbf",
  "baseline-memory": "#8a8f98",
};
const EXTRA_COLOURS = ["#c2710c", "#2f8f4e", "#8e44ad", "#b03a2e"];
/** Targets are red and dashed; other reference lines (the link's line rate) dark grey. */
export const TARGET_COLOUR = "#c0392b";
const LIMIT_COLOUR = "#444444";

/** Builds the chart.js configuration of one report chart, in one language. Pure. */
export function computeChartSpec(chart: Chart, lang: Lang): ChartSpec {
  const caption = wrapCaption(
    (chart.caption ?? []).map((t) => formatChartText(t, lang)),
    CHART_SIZE.width - 24,
    CAPTION_FONT_PX,
  );
  const common = {
    responsive: false,
    animation: false,
    devicePixelRatio: 1,
    font: { family: CHART_FONT },
    plugins: {
      title: { display: true, text: chart.title[lang], font: { family: CHART_FONT, size: 15 } },
      subtitle: {
        display: caption.length > 0,
        position: "bottom",
        align: "start",
        text: caption,
        color: "#444",
        font: { family: CHART_FONT, size: CAPTION_FONT_PX, lineHeight: CAPTION_LINE_PX / CAPTION_FONT_PX },
        padding: { top: 8, bottom: 2 },
      },
      legend: {
        display: chart.type !== "bars",
        labels: {
          font: { family: CHART_FONT, size: 12 },
          usePointStyle: true,
          pointStyle: "line",
          boxWidth: 36,
        },
      },
      claimcheck: {
        references: referenceLines(chart, lang),
        markers: markerPoints(chart, lang),
        bands: (chart.bands ?? []).map((b) => ({ ...b, label: formatChartText(b.text, lang) })),
      },
    },
  };
  const height = CHART_SIZE.height + caption.length * CAPTION_LINE_PX;
  if (chart.type === "bars") return { ...computeBarSpec(chart, lang, common), height };
  return { ...lineSpec(chart, lang, common), height };
}

/** `1.5k`-free tick text: plain numbers with at most 4 significant digits. */
export function formatTick(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e9 && abs % 2 ** 30 === 0) return `${abs / 2 ** 30} Gi`;
  if (abs >= 1e6 && abs % 2 ** 20 === 0) return `${abs / 2 ** 20} Mi`;
  if (abs >= 1024 && abs % 1024 === 0 && abs < 1e6) return `${abs / 1024} Ki`;
  return String(Number(value.toPrecision(4)));
}

/** An axis title in one language: the catalog's text when the report carries a key, else its label. */
export function computeAxis(
  spec: Chart["x"],
  lang: Lang,
  type: "linear" | "logarithmic",
): Record<string, unknown> {
  const label =
    spec.text === undefined ? spec.label[lang] : formatChartText(spec.text, lang, spec.label[lang]);
  return {
    type,
    title: {
      display: true,
      text: `${label}${spec.unit === "" ? "" : ` (${spec.unit})`}`,
      font: { family: CHART_FONT, size: 12 },
    },
    ticks: { font: { family: CHART_FONT, size: 11 } },
    // Read by png.ts: a log axis of message sizes is labelled in powers of two, a percentile axis in 90 %, 99 %, …
    bytes: spec.unit === "B" || spec.unit === "bytes",
    percentile: spec.scale === "percentile",
  };
}

// --- internal ---

function lineSpec(chart: Chart, lang: Lang, common: Record<string, unknown>): Omit<ChartSpec, "height"> {
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

function referenceLines(chart: Chart, lang: Lang): ReferenceLine[] {
  return (chart.reference ?? []).map((r) => {
    const unit = unitText(r.axis === "x" ? chart.x.unit : chart.y.unit);
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
function markerPoints(chart: Chart, lang: Lang): MarkerPoint[] {
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

/** A run's colour: any baseline grey, the candidate (and each model's candidate) blue, others by position. */
function colourOf(role: string | undefined, index: number): string {
  if (role?.includes("baseline")) return ROLE_COLOURS.baseline as string;
  const base = role?.replace(/^candidate-.*$/, "candidate");
  return (base === undefined ? undefined : ROLE_COLOURS[base]) ?? (EXTRA_COLOURS[index % 4] as string);
}

function unitText(unit: string): string {
  return unit === "" ? "" : unit === "%" ? " %" : ` ${unit}`;
}
