import type { Verdict } from "../../model/report.ts";
import { html, type SafeHtml } from "./html.ts";
import { VERDICT_COLOR } from "./layout.ts";
import type { PageText } from "./page-text.ts";

export interface ChartPoint {
  /** Upload time, ms since the epoch. */
  time: number;
  value: number;
  low: number | null;
  high: number | null;
  verdict: Verdict;
  /** The submission's report page. */
  href: string;
  label: string;
}

export interface MetricChartOptions {
  title: string;
  unit: string;
  target: { op: string; value: number } | null;
  /** One series per team, in the dashboard's column order, its submissions oldest first. */
  series: { team: string; points: ChartPoint[] }[];
}

/**
 * An inline SVG over time: one line per team through its resubmissions, each dot a link to its report,
 * filled with its verdict's colour, with its confidence bound and the target line.
 */
export function renderMetricChart(t: PageText, options: MetricChartOptions): SafeHtml {
  const series = options.series.filter((s) => s.points.length > 0);
  if (series.length === 0) return html`<p class="muted" id="chart-empty">${t("page.chart.empty")}</p>`;
  const y = yScale(series, options.target);
  const x = xScale(series.flatMap((s) => s.points.map((p) => p.time)));
  const lines = series.map((s, i) => renderSeries(s, TEAM_COLORS[i % TEAM_COLORS.length] as string, x, y));
  return html`<figure class="chart-figure" id="metric-chart"><figcaption>${options.title} <span class="muted">(${options.unit})</span></figcaption>
<div class="scroll" role="region" tabindex="0"><p class="scroll-note">${t("page.scrollChart")}</p><svg class="chart" role="img" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" font-family="system-ui, 'Noto Sans CJK SC', sans-serif" aria-label="${options.title}">
${y.ticks.map((v) => html`<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${y.at(v)}" y2="${y.at(v)}" stroke="#eaeef2"/><text x="${LEFT - 6}" y="${y.at(v) + 4}" text-anchor="end" font-size="12" fill="#59636e">${formatTick(v)}</text>`)}
${x.ticks.map((v) => html`<text x="${x.at(v)}" y="${HEIGHT - BOTTOM + 18}" text-anchor="middle" font-size="12" fill="#59636e">${x.label(v)}</text>`)}
<line x1="${LEFT}" x2="${LEFT}" y1="${TOP}" y2="${HEIGHT - BOTTOM}" stroke="#59636e"/>
<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${HEIGHT - BOTTOM}" y2="${HEIGHT - BOTTOM}" stroke="#59636e"/>
${renderTarget(options, y)}${lines}${renderTargetLabel(t, options, y)}
</svg></div>
<ul class="legend">${series.map((s, i) => html`<li><span style="background:${TEAM_COLORS[i % TEAM_COLORS.length]}"></span>${s.team}</li>`)}</ul>
<p class="muted">${t("page.chart.caption")}</p></figure>`;
}

// --- internal ---

const WIDTH = 760;
const HEIGHT = 300;
const LEFT = 64;
const RIGHT = 24;
const TOP = 24;
const BOTTOM = 40;
const OP_SYMBOL: Record<string, string> = { "<=": "≤", ">=": "≥", "<": "<", ">": ">", "==": "=" };
/** Team lines: distinct from the verdict colours that fill the dots. */
const TEAM_COLORS = ["#57606a", "#bf8700", "#0550ae", "#953800", "#6639ba", "#1b7c83", "#a40e26", "#4d2d00"];

interface Scale {
  at(value: number): number;
  ticks: number[];
}

function renderTarget(options: MetricChartOptions, y: Scale): SafeHtml | string {
  if (options.target === null) return "";
  const at = y.at(options.target.value);
  return html`<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${at}" y2="${at}" stroke="#cf222e" stroke-dasharray="6 4"/>`;
}

/** The target's label over the series, with a white halo, so a whisker through it does not strike it out. */
function renderTargetLabel(t: PageText, options: MetricChartOptions, y: Scale): SafeHtml | string {
  if (options.target === null) return "";
  const at = y.at(options.target.value);
  const op = OP_SYMBOL[options.target.op] ?? options.target.op;
  const label = t("page.chart.target", { op, value: options.target.value, unit: options.unit });
  return html`<text x="${WIDTH - RIGHT}" y="${at - 5}" text-anchor="end" fill="#cf222e" font-size="12" stroke="#fff" stroke-width="3" paint-order="stroke">${label}</text>`;
}

function renderSeries(
  series: MetricChartOptions["series"][number],
  color: string,
  x: Scale,
  y: Scale,
): SafeHtml {
  const path = series.points.map((p) => `${x.at(p.time)},${y.at(p.value)}`).join(" ");
  const dots = series.points.map((p, i) => {
    const cx = x.at(p.time);
    const last = i === series.points.length - 1;
    const bar =
      p.low === null || p.high === null
        ? ""
        : html`<line x1="${cx}" x2="${cx}" y1="${y.at(p.low)}" y2="${y.at(p.high)}" stroke="${VERDICT_COLOR[p.verdict]}" stroke-width="2" opacity="0.5"/>`;
    return html`${bar}<a href="${p.href}"><circle cx="${cx}" cy="${y.at(p.value)}" r="${last ? 7 : 5}" fill="${VERDICT_COLOR[p.verdict]}" stroke="${color}" stroke-width="2"><title>${p.label}</title></circle></a>`;
  });
  return html`<polyline points="${path}" fill="none" stroke="${color}" stroke-width="2"/>${dots}`;
}

function yScale(series: MetricChartOptions["series"], target: MetricChartOptions["target"]): Scale {
  const values = series.flatMap((s) => s.points.flatMap((p) => [p.value, p.low, p.high]));
  const finite = [...values, target?.value ?? null].filter(
    (v): v is number => v !== null && Number.isFinite(v),
  );
  let min = Math.min(...finite);
  let max = Math.max(...finite);
  if (min === max) [min, max] = [min - 1, max + 1];
  // Headroom so the target label and the outermost bounds do not touch the frame.
  [min, max] = [min - (max - min) * 0.08, max + (max - min) * 0.08];
  const step = niceStep((max - min) / 5);
  const low = Math.floor(min / step) * step;
  const high = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = low; v <= high + step / 2; v += step) ticks.push(+v.toPrecision(10));
  const span = HEIGHT - TOP - BOTTOM;
  return { at: (v) => +(TOP + span - ((v - low) / (high - low)) * span).toFixed(1), ticks };
}

/** Time across: first to last upload, with room at both ends for the dots; labels by minute or by day. */
function xScale(times: number[]): Scale & { label(time: number): string } {
  const first = Math.min(...times);
  const last = Math.max(...times);
  const pad = last === first ? 3_600_000 : (last - first) * 0.06;
  const [low, high] = [first - pad, last + pad];
  const span = WIDTH - LEFT - RIGHT;
  // Resubmissions minutes apart need the seconds; months apart only the day.
  const digits: [number, number] =
    last - first > 2 * 86_400_000 ? [0, 10] : last - first > 600_000 ? [5, 16] : [11, 19];
  const label = (v: number) => new Date(v).toISOString().slice(digits[0], digits[1]).replace("T", " ");
  const spread = last === first ? [first] : [0, 1, 2, 3].map((i) => first + ((last - first) * i) / 3);
  // Uploads a second apart would print one label four times: keep a tick only when its label is new.
  const ticks = spread.filter((v, i) => i === 0 || label(v) !== label(spread[i - 1] as number));
  return { at: (v) => +(LEFT + ((v - low) / (high - low)) * span).toFixed(1), ticks, label };
}

function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

function formatTick(value: number): string {
  return Math.abs(value) >= 1e5 ? value.toExponential(1) : String(+value.toPrecision(4));
}
