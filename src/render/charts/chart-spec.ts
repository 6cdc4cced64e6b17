import type { Chart } from "../../model/report.ts";
import type { Lang } from "../i18n.ts";

/** The one font every chart uses, registered from the source-han-sans-cn package so CJK glyphs render. */
export const CHART_FONT = "Source Han Sans CN";

/** CSS pixel size of a chart; PNGs are rendered at `scale` × this. */
export const CHART_SIZE = { width: 720, height: 340 } as const;

/** A reference line (target, limit) as the reference-line plugin draws it. */
export interface ReferenceLine {
  axis: "x" | "y";
  value: number;
  label: string;
}

/** Whiskers drawn over bars: one `[low, high]` per bar, `null` when there is no bound. */
export type BarBounds = Array<[number, number] | null>;

/** A chart.js configuration as plain data; the plugins that read `claimcheck` options live in png.ts. */
export interface ChartSpec {
  type: "line" | "bar";
  data: { labels?: string[]; datasets: Array<Record<string, unknown>> };
  options: Record<string, unknown>;
}

/** Colours by evidence role; the candidate is always the strong one. */
export const ROLE_COLOURS: Record<string, string> = {
  candidate: "#1f5fbf",
  baseline: "#8a8f98",
  memory: "#1f5fbf",
  "baseline-memory": "#8a8f98",
};
const EXTRA_COLOURS = ["#c2710c", "#2f8f4e", "#8e44ad", "#b03a2e"];

/** Builds the chart.js configuration of one report chart, in one language. Pure. */
export function computeChartSpec(chart: Chart, lang: Lang): ChartSpec {
  const references: ReferenceLine[] = (chart.reference ?? []).map((r) => ({
    axis: r.axis,
    value: r.value,
    label: `${r.label[lang]} ${formatTick(r.value)}${unitText(r.axis === "x" ? chart.x.unit : chart.y.unit)}`,
  }));
  const common = {
    responsive: false,
    animation: false,
    devicePixelRatio: 1,
    font: { family: CHART_FONT },
    plugins: {
      title: { display: true, text: chart.title[lang], font: { family: CHART_FONT, size: 15 } },
      legend: {
        display: chart.type !== "bars",
        labels: {
          font: { family: CHART_FONT, size: 12 },
          usePointStyle: true,
          pointStyle: "line",
          boxWidth: 36,
        },
      },
      claimcheck: { references },
    },
  };
  if (chart.type === "bars") return barSpec(chart, lang, common);
  return {
    type: "line",
    data: {
      datasets: chart.series.map((s, i) => ({
        label: s.label,
        data: s.points.map(([x, y]) => ({ x, y })),
        borderColor: colourOf(s.role, i),
        backgroundColor: colourOf(s.role, i),
        borderWidth: 2,
        pointRadius: 0,
        stepped: chart.type === "cdf" ? "before" : false,
        borderDash: s.role?.startsWith("baseline") ? [6, 4] : [],
      })),
    },
    options: {
      ...common,
      scales: {
        x: {
          ...axis(chart.x, lang, chart.x.log === true || needsLogX(chart) ? "logarithmic" : "linear"),
          ...includeReferences(chart, "x"),
        },
        y: {
          ...axis(chart.y, lang, chart.y.log === true ? "logarithmic" : "linear"),
          ...includeReferences(chart, "y"),
        },
      },
    },
  };
}

/** `1.5k`-free tick text: plain numbers with at most 4 significant digits. */
export function formatTick(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e9 && abs % 2 ** 30 === 0) return `${abs / 2 ** 30} Gi`;
  if (abs >= 1e6 && abs % 2 ** 20 === 0) return `${abs / 2 ** 20} Mi`;
  if (abs >= 1024 && abs % 1024 === 0 && abs < 1e6) return `${abs / 1024} Ki`;
  return String(Number(value.toPrecision(4)));
}

// --- internal ---

function barSpec(chart: Chart, lang: Lang, common: Record<string, unknown>): ChartSpec {
  const bars = chart.bars ?? [];
  const bounds: BarBounds = bars.map((b) => (b.low === null || b.high === null ? null : [b.low, b.high]));
  const plugins = common.plugins as Record<string, unknown>;
  // The bounds and target lines are drawn by a plugin, so the axis must make room for them itself.
  const values = [
    ...bars.flatMap((b) => [b.value, b.low ?? b.value, b.high ?? b.value]),
    ...(chart.reference ?? []).filter((r) => r.axis === "y").map((r) => r.value),
  ];
  const [min, max] = [Math.min(0, ...values), Math.max(0, ...values)];
  const pad = (max - min) * 0.08;
  return {
    type: "bar",
    data: {
      labels: bars.map((b) => b.label),
      datasets: [
        {
          label: chart.y.label[lang],
          data: bars.map((b) => b.value),
          backgroundColor: "rgba(31, 95, 191, 0.55)",
          borderColor: "#1f5fbf",
          borderWidth: 1,
          maxBarThickness: 64,
        },
      ],
    },
    options: {
      ...common,
      plugins: { ...plugins, claimcheck: { ...(plugins.claimcheck as object), bounds } },
      scales: {
        x: { ticks: { font: { family: CHART_FONT, size: 11 } }, grid: { display: false } },
        y: {
          ...axis(chart.y, lang, "linear"),
          suggestedMin: min < 0 ? min - pad : 0,
          suggestedMax: max + pad,
        },
      },
    },
  };
}

function axis(spec: Chart["x"], lang: Lang, type: "linear" | "logarithmic"): Record<string, unknown> {
  return {
    type,
    title: {
      display: true,
      text: `${spec.label[lang]}${spec.unit === "" ? "" : ` (${spec.unit})`}`,
      font: { family: CHART_FONT, size: 12 },
    },
    ticks: { font: { family: CHART_FONT, size: 11 } },
    // Read by png.ts to label a log axis in powers of two (message sizes) rather than decades.
    bytes: spec.unit === "B" || spec.unit === "bytes",
  };
}

/** Stretches an axis so a target or limit line outside the data (a link rate above the curve) still shows. */
function includeReferences(chart: Chart, axis: "x" | "y"): Record<string, number> {
  const values = (chart.reference ?? []).filter((r) => r.axis === axis).map((r) => r.value);
  if (values.length === 0) return {};
  const data = chart.series.flatMap((s) => s.points.map((p) => (axis === "x" ? p[0] : p[1])));
  const [low, high] = [Math.min(...values, ...data), Math.max(...values, ...data)];
  const pad = axis === "y" && chart.type !== "cdf" ? (high - low) * 0.05 : 0;
  return { suggestedMin: low, suggestedMax: high + pad };
}

/** A CDF whose tail is 50× its median (an outlier, a broken row) is unreadable on a linear axis. */
function needsLogX(chart: Chart): boolean {
  if (chart.type !== "cdf") return false;
  return chart.series.some((s) => {
    const median = s.points.find(([, y]) => y >= 50)?.[0] ?? 0;
    const max = s.points.at(-1)?.[0] ?? 0;
    return median > 0 && s.points.every(([x]) => x > 0) && max > 50 * median;
  });
}

function colourOf(role: string | undefined, index: number): string {
  return (role === undefined ? undefined : ROLE_COLOURS[role]) ?? (EXTRA_COLOURS[index % 4] as string);
}

function unitText(unit: string): string {
  return unit === "" ? "" : unit === "%" ? " %" : ` ${unit}`;
}
