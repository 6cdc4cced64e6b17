import type { Chart as ChartJs } from "chart.js";
import type { Band, MarkerPoint, ReferenceLine } from "./chart-overlays.ts";
import { CHART_FONT, TARGET_COLOUR } from "./chart-style.ts";
import { computeClearOffset, type LabelBox } from "./label-boxes.ts";

// What any chart may carry over its axes: shaded windows, target and limit lines, judged markers.

/** A shaded span (the judged window) with its edge line, under the data; its label is drawn over it. */
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
}

/**
 * A shaded x span's label at the bottom of its left edge, on a white box over the data (a memory
 * line starting at zero runs through that corner); returns the box so later labels keep clear of it.
 */
export function drawBandLabel(chart: ChartJs, band: Band): LabelBox | undefined {
  const { ctx, chartArea } = chart;
  const scale = chart.scales[band.axis];
  if (scale === undefined || band.axis !== "x") return undefined;
  const start = Math.min(Math.max(scale.getPixelForValue(band.from), chartArea.left), chartArea.right);
  ctx.font = `11px "${CHART_FONT}"`;
  ctx.textAlign = "left";
  ctx.textBaseline = "bottom";
  const width = ctx.measureText(band.label).width;
  const box = { left: start + 2, top: chartArea.bottom - 19, width: width + 4, height: 15 };
  ctx.fillStyle = "rgba(255, 255, 255, 0.85)";
  ctx.fillRect(box.left, box.top, box.width, box.height);
  ctx.fillStyle = "#1f4f99";
  ctx.fillText(band.label, start + 4, chartArea.bottom - 4);
  return box;
}

/**
 * A dashed target or dotted limit line across the chart, labelled on a white box; `index` alternates
 * the label's side. Returns the label's box, or undefined when the line is off the chart.
 */
export function drawReference(chart: ChartJs, line: ReferenceLine, index: number): LabelBox | undefined {
  const { ctx, chartArea } = chart;
  const scale = chart.scales[line.axis];
  if (scale === undefined) return undefined;
  const at = scale.getPixelForValue(line.value);
  const inside =
    line.axis === "x"
      ? at >= chartArea.left && at <= chartArea.right
      : at >= chartArea.top && at <= chartArea.bottom;
  if (!inside) return undefined;
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
  const box = {
    left: ctx.textAlign === "right" ? x - width - 2 : x - 2,
    top: y - 16,
    width: width + 4,
    height: 16,
  };
  ctx.fillStyle = "rgba(255, 255, 255, 0.85)";
  ctx.fillRect(box.left, box.top, box.width, box.height);
  ctx.fillStyle = line.colour;
  ctx.fillText(line.label, x, y);
  return box;
}

/**
 * Dots with labels to their left, pushed apart vertically so two close values stay readable, and
 * moved off the labels already drawn (`taken`: target lines, windows).
 */
export function drawMarkers(chart: ChartJs, markers: MarkerPoint[], taken: LabelBox[] = []): void {
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
    const width = ctx.measureText(m.label).width;
    // Left of the dot, unless that runs into the y axis (a p50 near the left edge): then right of it.
    const left = m.px - 9 - width - 2 >= chart.chartArea.left;
    const x = left ? m.px - 9 : m.px + 9;
    const box = {
      left: left ? x - width - 2 : x - 2,
      top: Math.max(m.py, lastLabelY + 16) - 8,
      width: width + 4,
      height: 16,
    };
    box.top += computeClearOffset(box, taken, chart.chartArea);
    taken.push(box);
    const labelY = box.top + 8;
    lastLabelY = labelY;
    ctx.textAlign = left ? "right" : "left";
    ctx.fillStyle = "rgba(255, 255, 255, 0.85)";
    ctx.fillRect(box.left, box.top, box.width, box.height);
    ctx.fillStyle = m.colour;
    ctx.fillText(m.label, x, labelY);
  }
}
