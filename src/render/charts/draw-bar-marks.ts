import type { Chart as ChartJs } from "chart.js";
import type { BarBounds } from "./chart-overlays.ts";
import { CHART_FONT, TARGET_COLOUR } from "./chart-style.ts";

// What a bar chart carries besides its bars: whiskers, value labels and each bar's own target.

/** Each bar's confidence bound as a whisker with caps. */
export function drawBounds(chart: ChartJs, bounds: BarBounds): void {
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
export function drawBarTargets(
  chart: ChartJs,
  targets: Array<{ value: number; label: string } | null>,
): void {
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
export function drawValueLabels(chart: ChartJs, labels: string[], bounds: BarBounds): void {
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
    // Beside the whisker's cap, so the two never overlap; on a white box, so a target line through it does not strike it out.
    const [x, at] = [bar.x + 11, y.getPixelForValue(edge) + (negative ? 2 : -2)];
    const width = ctx.measureText(label).width;
    ctx.fillStyle = "rgba(255, 255, 255, 0.85)";
    ctx.fillRect(x - 2, negative ? at - 1 : at - 16, width + 4, 17);
    ctx.fillStyle = "#111";
    ctx.fillText(label, x, at);
  });
}
