import { createRequire } from "node:module";
import { createCanvas, GlobalFonts } from "@napi-rs/canvas";
import { type ChartConfiguration, Chart as ChartJs, type Plugin, registerables } from "chart.js";
import type { Chart } from "../../model/report.ts";
import type { Lang } from "../i18n.ts";
import {
  type BarBounds,
  CHART_FONT,
  CHART_SIZE,
  computeChartSpec,
  formatTick,
  type ReferenceLine,
} from "./chart-spec.ts";

// This module loads chart.js and the canvas binding: import it dynamically, only when a chart is drawn.

export interface RenderChartPngOptions {
  /** @default "en" */
  lang?: Lang;
  /** Device pixels per CSS pixel. @default 2 */
  scale?: number;
}

/** Rasterises one report chart to PNG bytes with chart.js on @napi-rs/canvas. */
export function renderChartPng(chart: Chart, options: RenderChartPngOptions = {}): Uint8Array {
  setUp();
  const canvas = createCanvas(CHART_SIZE.width, CHART_SIZE.height);
  const spec = computeChartSpec(chart, options.lang ?? "en");
  const config = {
    ...spec,
    options: { ...spec.options, devicePixelRatio: options.scale ?? 2, scales: withLogTicks(spec.options) },
    plugins: [WHITE_BACKGROUND, REFERENCE_PLUGIN],
  } as unknown as ChartConfiguration;
  const instance = new ChartJs(canvas as unknown as ConstructorParameters<typeof ChartJs>[0], config);
  const png = canvas.toBuffer("image/png");
  instance.destroy();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

// --- internal ---

let ready = false;

function setUp(): void {
  if (ready) return;
  const require = createRequire(import.meta.url);
  GlobalFonts.registerFromPath(require.resolve("source-han-sans-cn/SourceHanSansCN-Regular.otf"), CHART_FONT);
  ChartJs.register(...registerables);
  ChartJs.defaults.font.family = CHART_FONT;
  ChartJs.defaults.color = "#222";
  ready = true;
}

/** Log axes get plain byte-friendly tick labels (`1 Ki`, `64 Mi`) instead of chart.js's scientific ones. */
function withLogTicks(options: Record<string, unknown>): Record<string, unknown> {
  const scales = options.scales as Record<string, Record<string, unknown>>;
  return Object.fromEntries(
    Object.entries(scales).map(([key, scale]) => [
      key,
      scale.type === "logarithmic"
        ? {
            ...scale,
            ...(scale.bytes === true ? { afterBuildTicks: powerOfTwoTicks } : {}),
            ticks: {
              ...(scale.ticks as object),
              autoSkip: false,
              maxRotation: 0,
              callback: (value: number | string) => logTick(Number(value), scale.bytes === true),
            },
          }
        : scale,
    ]),
  );
}

/** Message sizes are powers of two: tick at 2^k, every `step` exponents so about eight labels fit. */
function powerOfTwoTicks(scale: { min: number; max: number; ticks: Array<{ value: number }> }): void {
  const [low, high] = [Math.ceil(Math.log2(Math.max(scale.min, 1))), Math.floor(Math.log2(scale.max))];
  const step = Math.max(1, Math.ceil((high - low) / 8));
  const ticks: Array<{ value: number }> = [];
  for (let e = Math.ceil(low / step) * step; e <= high; e += step) ticks.push({ value: 2 ** e });
  scale.ticks = ticks;
}

/** Powers of two on byte axes; 1, 2 and 5 × 10^k elsewhere; no label between them. */
function logTick(value: number, bytes: boolean): string {
  if (bytes) return Number.isInteger(Math.log2(value)) ? formatTick(value) : "";
  const mantissa = Number((value / 10 ** Math.floor(Math.log10(value))).toPrecision(3));
  return mantissa === 1 || mantissa === 2 || mantissa === 5 ? formatTick(value) : "";
}

const WHITE_BACKGROUND: Plugin = {
  id: "whiteBackground",
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** Draws confidence whiskers over bars and dashed target lines with their labels. */
const REFERENCE_PLUGIN: Plugin = {
  id: "claimcheck",
  afterDatasetsDraw(chart, _args, options) {
    const { references = [], bounds = [] } = options as { references?: ReferenceLine[]; bounds?: BarBounds };
    const ctx = chart.ctx;
    ctx.save();
    drawBounds(chart, bounds);
    for (const line of references) drawReference(chart, line);
    ctx.restore();
  },
};

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

function drawReference(chart: ChartJs, line: ReferenceLine): void {
  const { ctx, chartArea } = chart;
  const scale = chart.scales[line.axis];
  if (scale === undefined) return;
  const at = scale.getPixelForValue(line.value);
  const inside =
    line.axis === "x"
      ? at >= chartArea.left && at <= chartArea.right
      : at >= chartArea.top && at <= chartArea.bottom;
  if (!inside) return;
  ctx.strokeStyle = "#c0392b";
  ctx.fillStyle = "#c0392b";
  ctx.lineWidth = 1.5;
  ctx.setLineDash([6, 4]);
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
  ctx.textAlign = line.axis === "x" ? "left" : "right";
  const width = ctx.measureText(line.label).width;
  // chart.js leaves its own baseline on the context: set ours so the label sits just above the line.
  ctx.textBaseline = "bottom";
  const [x, y] = line.axis === "x" ? [at + 4, chartArea.top + 18] : [chartArea.right - 4, at - 3];
  ctx.fillStyle = "rgba(255, 255, 255, 0.85)";
  ctx.fillRect(line.axis === "x" ? x - 2 : x - width - 2, y - 16, width + 4, 16);
  ctx.fillStyle = "#c0392b";
  ctx.fillText(line.label, x, y);
}
