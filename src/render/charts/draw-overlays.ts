import type { Chart as ChartJs } from "chart.js";
import type { Band, MarkerPoint, ReferenceLine } from "./chart-overlays.ts";
import { CHART_FONT, TARGET_COLOUR } from "./chart-style.ts";

// What any chart may carry over its axes: shaded windows, target and limit lines, judged markers.

/** A shaded span (the judged window) with its edge line and its label at the bottom. */
export function drawBand(chart: ChartJs, band: Band): void {
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

/** A dashed target or dotted limit line across the chart, labelled on a white box; `index` alternates the label's side. */
export function drawReference(chart: ChartJs, line: ReferenceLine, index: number): void {
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
export function drawMarkers(chart: ChartJs, markers: MarkerPoint[]): void {
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
