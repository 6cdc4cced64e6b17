import type { Chart as ChartJs, Plugin } from "chart.js";
import {
  type Band,
  type BarBounds,
  CHART_FONT,
  type MarkerPoint,
  type ReferenceLine,
  TARGET_COLOUR,
} from "./chart-spec.ts";

// chart.js plugins that draw what chart-spec.ts puts under `options.plugins.claimcheck`. Loaded with png.ts only.

interface ClaimcheckOptions {
  references?: ReferenceLine[];
  bounds?: BarBounds;
  markers?: MarkerPoint[];
  bands?: Band[];
  valueLabels?: string[];
  barTargets?: Array<{ value: number; label: string } | null>;
}

export const WHITE_BACKGROUND: Plugin = {
  id: "whiteBackground",
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** Shaded windows under the data; whiskers, value labels, target lines and judged markers over it. */
export const CLAIMCHECK_PLUGIN: Plugin = {
  id: "claimcheck",
  beforeDatasetsDraw(chart, _args, options) {
    const { bands = [] } = options as ClaimcheckOptions;
    chart.ctx.save();
    for (const band of bands) drawBand(chart, band);
    chart.ctx.restore();
  },
  afterDatasetsDraw(chart, _args, options) {
    const {
      references = [],
      bounds = [],
      markers = [],
      valueLabels = [],
      barTargets = [],
    } = options as ClaimcheckOptions;
    const ctx = chart.ctx;
    ctx.save();
    drawBarTargets(chart, barTargets);
    drawBounds(chart, bounds);
    drawValueLabels(chart, valueLabels, bounds);
    references.forEach((line, i) => {
      drawReference(chart, line, i);
    });
    drawMarkers(chart, markers);
    ctx.restore();
  },
};

// --- internal ---

function drawBand(chart: ChartJs, band: Band): void {
  const { ctx, chartArea } = chart;
  const scale = chart.scales[band.axis];
  if (scale === undefined) return;
  const horizontal = band.axis === "x";
  const [edgeLow, edgeHigh] = horizontal
    ? [chartArea.left, chartArea.right]
    : [chartArea.bottom, chartArea.top];
  const clamp = (v: number) =>
    Math.min(Math.max(v, Math.min(edgeLow, edgeHigh)), Math.max(edgeLow, edgeHigh));
  const start = clamp(scale.getPixelForValue(band.from));
  const end = band.to === null ? edgeHigh : clamp(scale.getPixelForValue(band.to));
  ctx.fillStyle = "rgba(31, 95, 191, 0.08)";
  ctx.strokeStyle = "rgba(31, 95, 191, 0.45)";
  ctx.lineWidth = 1;
  if (horizontal) {
    ctx.fillRect(start, chartArea.top, end - start, chartArea.bottom - chartArea.top);
    ctx.beginPath();
    ctx.moveTo(start, chartArea.top);
    ctx.lineTo(start, chartArea.bottom);
    ctx.stroke();
  } else ctx.fillRect(chartArea.left, end, chartArea.right - chartArea.left, start - end);
  ctx.font = `11px "${CHART_FONT}"`;
  ctx.fillStyle = "#1f4f99";
  ctx.textAlign = "left";
  ctx.textBaseline = "bottom";
  if (horizontal) ctx.fillText(band.label, start + 4, chartArea.bottom - 4);
}

function drawBounds(chart: ChartJs, bounds: BarBounds): void {
  const meta = chart.getDatasetMeta(0);
  const y = chart.scales.y;
  if (y === undefined) return;
  const ctx = chart.ctx;
  ctx.strokeStyle = "#111";
  ctx.lineWidth = 1.5;
  bounds.forEach((bound, i) => {
    const bar = meta.data[i];
    if (bound === null || bar === undefined) return;
    const [top, bottom] = [y.getPixelForValue(bound[1]), y.getPixelForValue(bound[0])];
    ctx.beginPath();
    for (const [x1, y1, x2, y2] of [
      [bar.x, top, bar.x, bottom],
      [bar.x - 8, top, bar.x + 8, top],
      [bar.x - 8, bottom, bar.x + 8, bottom],
    ] as const) {
      ctx.moveTo(x1, y1);
      ctx.lineTo(x2, y2);
    }
    ctx.stroke();
  });
}

/** A bar's own target: a dashed segment across its slot, labelled at the slot's right end. */
function drawBarTargets(chart: ChartJs, targets: Array<{ value: number; label: string } | null>): void {
  const meta = chart.getDatasetMeta(0);
  const y = chart.scales.y;
  if (y === undefined || targets.length === 0) return;
  const ctx = chart.ctx;
  const slot = (chart.chartArea.right - chart.chartArea.left) / Math.max(targets.length, 1);
  targets.forEach((target, i) => {
    const bar = meta.data[i];
    if (target === null || bar === undefined) return;
    const at = y.getPixelForValue(target.value);
    const [left, right] = [bar.x - slot * 0.42, bar.x + slot * 0.42];
    // A white halo under the dashes keeps the target visible across a red or orange bar.
    for (const [colour, width, dash] of [
      ["#ffffff", 4, []],
      [TARGET_COLOUR, 2, [6, 4]],
    ] as const) {
      ctx.strokeStyle = colour;
      ctx.lineWidth = width;
      ctx.setLineDash([...dash]);
      ctx.beginPath();
      ctx.moveTo(left, at);
      ctx.lineTo(right, at);
      ctx.stroke();
    }
    ctx.setLineDash([]);
    ctx.font = `12px "${CHART_FONT}"`;
    ctx.textAlign = "right";
    ctx.textBaseline = "top";
    const width = ctx.measureText(target.label).width;
    ctx.fillStyle = "rgba(255, 255, 255, 0.85)";
    ctx.fillRect(right - width - 2, at + 2, width + 4, 15);
    ctx.fillStyle = TARGET_COLOUR;
    ctx.fillText(target.label, right, at + 3);
  });
}

/** Each bar's value above the higher of its top and its whisker (below, for a negative bar). */
function drawValueLabels(chart: ChartJs, labels: string[], bounds: BarBounds): void {
  const meta = chart.getDatasetMeta(0);
  const y = chart.scales.y;
  if (y === undefined || labels.length === 0) return;
  const ctx = chart.ctx;
  ctx.font = `bold 12px "${CHART_FONT}"`;
  ctx.fillStyle = "#111";
  ctx.textAlign = "left";
  labels.forEach((label, i) => {
    const bar = meta.data[i];
    const value = chart.data.datasets[0]?.data[i] as number | undefined;
    if (bar === undefined || value === undefined) return;
    const bound = bounds[i];
    const negative = value < 0;
    const edge = negative ? Math.min(value, bound?.[0] ?? value) : Math.max(value, bound?.[1] ?? value);
    ctx.textBaseline = negative ? "top" : "bottom";
    // Beside the whisker's cap, so the two never overlap.
    ctx.fillText(label, bar.x + 11, y.getPixelForValue(edge) + (negative ? 2 : -2));
  });
}

function drawReference(chart: ChartJs, line: ReferenceLine, index: number): void {
  const { ctx, chartArea } = chart;
  const scale = chart.scales[line.axis];
  if (scale === undefined) return;
  const at = scale.getPixelForValue(line.value);
  const inside =
    line.axis === "x"
      ? at >= chartArea.left && at <= chartArea.right
      : at >= chartArea.top && at <= chartArea.bottom;
  if (!inside) return;
  ctx.strokeStyle = line.colour;
  ctx.lineWidth = 1.5;
  ctx.setLineDash(line.colour === TARGET_COLOUR ? [6, 4] : [2, 3]);
  ctx.beginPath();
  if (line.axis === "x") {
    ctx.moveTo(at, chartArea.top);
    ctx.lineTo(at, chartArea.bottom);
  } else {
    ctx.moveTo(chartArea.left, at);
    ctx.lineTo(chartArea.right, at);
  }
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.font = `12px "${CHART_FONT}"`;
  // Lines close together (a 95 % target under the line rate): alternate their labels right and left.
  const right = index % 2 === 0;
  ctx.textAlign = line.axis === "x" || !right ? "left" : "right";
  const width = ctx.measureText(line.label).width;
  // chart.js leaves its own baseline on the context: set ours so the label sits just above the line.
  ctx.textBaseline = "bottom";
  const [x, y] =
    line.axis === "x"
      ? [at + 4, chartArea.top + 18]
      : [right ? chartArea.right - 4 : chartArea.left + 4, at - 3];
  const boxLeft = ctx.textAlign === "right" ? x - width - 2 : x - 2;
  ctx.fillStyle = "rgba(255, 255, 255, 0.85)";
  ctx.fillRect(boxLeft, y - 16, width + 4, 16);
  ctx.fillStyle = line.colour;
  ctx.fillText(line.label, x, y);
}

/** Dots with labels to their left, pushed apart vertically so two close values stay readable. */
function drawMarkers(chart: ChartJs, markers: MarkerPoint[]): void {
  const { ctx } = chart;
  const [xScale, yScale] = [chart.scales.x, chart.scales.y];
  if (xScale === undefined || yScale === undefined || markers.length === 0) return;
  const placed = markers
    .map((m) => ({ ...m, px: xScale.getPixelForValue(m.x), py: yScale.getPixelForValue(m.y) }))
    .sort((a, b) => a.py - b.py);
  let lastLabelY = Number.NEGATIVE_INFINITY;
  ctx.font = `12px "${CHART_FONT}"`;
  ctx.textBaseline = "middle";
  for (const m of placed) {
    ctx.fillStyle = m.colour;
    ctx.strokeStyle = "#ffffff";
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.arc(m.px, m.py, 4.5, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
    const labelY = Math.max(m.py, lastLabelY + 16);
    lastLabelY = labelY;
    const width = ctx.measureText(m.label).width;
    // Left of the dot, unless that runs into the y axis (a p50 near the left edge): then right of it.
    const left = m.px - 9 - width - 2 >= chart.chartArea.left;
    const x = left ? m.px - 9 : m.px + 9;
    ctx.textAlign = left ? "right" : "left";
    ctx.fillStyle = "rgba(255, 255, 255, 0.85)";
    ctx.fillRect(left ? x - width - 2 : x - 2, labelY - 8, width + 4, 16);
    ctx.fillStyle = m.colour;
    ctx.fillText(m.label, x, labelY);
  }
}
