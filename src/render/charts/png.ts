import { createRequire } from "node:module";
import { createCanvas, GlobalFonts } from "@napi-rs/canvas";
import { type ChartConfiguration, Chart as ChartJs, registerables } from "chart.js";
import type { Chart } from "../../model/report.ts";
import type { Lang } from "../i18n.ts";
import { formatTick } from "./chart-axis.ts";
import { CLAIMCHECK_PLUGIN, WHITE_BACKGROUND } from "./chart-plugins.ts";
import { computeChartSpec } from "./chart-spec.ts";
import { CHART_FONT, CHART_SIZE } from "./chart-style.ts";
import { computePercentileTicks, formatPercentileTick } from "./percentile-axis.ts";

// This module loads chart.js and the canvas binding: import it dynamically, only when a chart is drawn.

export interface RenderChartPngOptions {
  /** @default "en" */
  lang?: Lang;
  /** Device pixels per CSS pixel. @default 2 */
  scale?: number;
  /** Draw the caption sentences under the chart (the HTML report prints them as text). @default true */
  caption?: boolean;
}

/** Rasterises one report chart to PNG bytes with chart.js on @napi-rs/canvas. */
export function renderChartPng(chart: Chart, options: RenderChartPngOptions = {}): Uint8Array {
  setUp();
  const { height, ...spec } = computeChartSpec(chart, options.lang ?? "en", {
    caption: options.caption ?? true,
  });
  const canvas = createCanvas(CHART_SIZE.width, height);
  const config = {
    ...spec,
    options: { ...spec.options, devicePixelRatio: options.scale ?? 2, scales: withLogTicks(spec.options) },
    plugins: [WHITE_BACKGROUND, CLAIMCHECK_PLUGIN],
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

/**
 * Log axes get plain tick labels instead of chart.js's scientific ones: byte sizes (`1 Ki`, `64 Mi`),
 * percentiles (`99.9 %`) on the 1 − quantile axis, 1-2-5 × 10^k elsewhere.
 */
function withLogTicks(options: Record<string, unknown>): Record<string, unknown> {
  const scales = options.scales as Record<string, Record<string, unknown>>;
  return Object.fromEntries(
    Object.entries(scales).map(([key, scale]) => [
      key,
      scale.type !== "logarithmic"
        ? scale
        : scale.percentile === true
          ? {
              ...scale,
              min: 1,
              afterBuildTicks: percentileTicks,
              ticks: {
                ...(scale.ticks as object),
                autoSkip: false,
                maxRotation: 0,
                callback: (value: number | string) => formatPercentileTick(Number(value)),
              },
            }
          : {
              ...scale,
              ...(scale.bytes === true ? { afterBuildTicks: powerOfTwoTicks } : {}),
              ticks: {
                ...(scale.ticks as object),
                autoSkip: false,
                maxRotation: 0,
                callback: (value: number | string) => logTick(Number(value), scale.bytes === true),
              },
            },
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

/** 0 %, 50 %, 90 %, 99 %, … as far as the data reaches. */
function percentileTicks(scale: { max: number; ticks: Array<{ value: number }> }): void {
  scale.ticks = computePercentileTicks(scale.max).map((value) => ({ value }));
}

/** Powers of two on byte axes; 1, 2 and 5 × 10^k elsewhere; no label between them. */
function logTick(value: number, bytes: boolean): string {
  if (bytes) return Number.isInteger(Math.log2(value)) ? formatTick(value) : "";
  const mantissa = Number((value / 10 ** Math.floor(Math.log10(value))).toPrecision(3));
  return mantissa === 1 || mantissa === 2 || mantissa === 5 ? formatTick(value) : "";
}
