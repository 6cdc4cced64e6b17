import type { Verdict } from "../../model/report.ts";
import { html, type SafeHtml } from "./html.ts";
import { VERDICT_COLOR } from "./layout.ts";

export interface ChartPoint {
  value: number;
  low: number | null;
  high: number | null;
  verdict: Verdict;
  label: string;
}

export interface MetricChartOptions {
  title: string;
  unit: string;
  target: { op: string; value: number } | null;
  /** One series per team, its submissions oldest first. */
  series: { team: string; points: ChartPoint[] }[];
}

/** An inline SVG: one column per team, its resubmissions left to right with their bounds, and the target line. */
export function renderMetricChart(options: MetricChartOptions): SafeHtml {
  const series = options.series.filter((s) => s.points.length > 0);
  if (series.length === 0)
    return html`<p class="muted">No submission has a measured value for this metric yet.</p>`;
  const y = yScale(series, options.target);
  const band = (WIDTH - LEFT - RIGHT) / series.length;
  const columns = series.map((s, i) => renderSeries(s, LEFT + i * band, band, y));
  const target =
    options.target === null
      ? ""
      : html`<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${y.at(options.target.value)}" y2="${y.at(options.target.value)}" stroke="#cf222e" stroke-dasharray="6 4"/>
<text x="${WIDTH - RIGHT}" y="${y.at(options.target.value) - 5}" text-anchor="end" fill="#cf222e" font-size="12">target ${OP_SYMBOL[options.target.op] ?? options.target.op} ${options.target.value} ${options.unit}</text>`;
  return html`<figure class="chart-figure"><figcaption>${options.title} <span class="muted">(${options.unit})</span></figcaption>
<svg class="chart" role="img" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" font-family="system-ui, 'Noto Sans CJK SC', sans-serif" aria-label="${options.title}">
${y.ticks.map((t) => html`<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${y.at(t)}" y2="${y.at(t)}" stroke="#eaeef2"/><text x="${LEFT - 6}" y="${y.at(t) + 4}" text-anchor="end" font-size="11" fill="#59636e">${formatTick(t)}</text>`)}
<line x1="${LEFT}" x2="${LEFT}" y1="${TOP}" y2="${HEIGHT - BOTTOM}" stroke="#59636e"/>
${target}${columns}
</svg><p class="muted">Each dot is one submission, oldest to newest from left to right within a team (the latest is larger), coloured by its verdict; the bar is its confidence bound.</p></figure>`;
}

// --- internal ---

const WIDTH = 760;
const HEIGHT = 300;
const LEFT = 64;
const RIGHT = 16;
const TOP = 24;
const BOTTOM = 40;
const OP_SYMBOL: Record<string, string> = { "<=": "≤", ">=": "≥", "<": "<", ">": ">", "==": "=" };

interface YScale {
  at(value: number): number;
  ticks: number[];
}

function yScale(series: MetricChartOptions["series"], target: MetricChartOptions["target"]): YScale {
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
  for (let t = low; t <= high + step / 2; t += step) ticks.push(+t.toPrecision(10));
  const span = HEIGHT - TOP - BOTTOM;
  return { at: (v) => +(TOP + span - ((v - low) / (high - low)) * span).toFixed(1), ticks };
}

function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

function renderSeries(
  series: MetricChartOptions["series"][number],
  left: number,
  band: number,
  y: YScale,
): SafeHtml {
  const gap = band / (series.points.length + 1);
  const xs = series.points.map((_, i) => +(left + gap * (i + 1)).toFixed(1));
  const path = series.points.map((p, i) => `${xs[i]},${y.at(p.value)}`).join(" ");
  const points = series.points.map((p, i) => {
    const x = xs[i] as number;
    const last = i === series.points.length - 1;
    const bar =
      p.low === null || p.high === null
        ? ""
        : html`<line x1="${x}" x2="${x}" y1="${y.at(p.low)}" y2="${y.at(p.high)}" stroke="${VERDICT_COLOR[p.verdict]}" stroke-width="2" opacity="0.5"/>`;
    return html`${bar}<circle cx="${x}" cy="${y.at(p.value)}" r="${last ? 6 : 4}" fill="${VERDICT_COLOR[p.verdict]}"><title>${p.label}</title></circle>`;
  });
  const label = series.team.length > 24 ? `${series.team.slice(0, 23)}…` : series.team;
  return html`<polyline points="${path}" fill="none" stroke="#8c959f" stroke-width="1.5"/>${points}
<text x="${+(left + band / 2).toFixed(1)}" y="${HEIGHT - BOTTOM + 18}" text-anchor="middle" font-size="12">${label}</text>
<line x1="${left + band}" x2="${left + band}" y1="${TOP}" y2="${HEIGHT - BOTTOM}" stroke="#f0f3f6"/>`;
}

function formatTick(value: number): string {
  return Math.abs(value) >= 1000 ? value.toExponential(1) : String(+value.toPrecision(4));
}
