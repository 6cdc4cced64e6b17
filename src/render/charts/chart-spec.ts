import type { Chart } from "../../model/report.ts";
import type { Lang } from "../i18n.ts";
import { computeBarSpec } from "./bar-spec.ts";
import { wrapCaption } from "./chart-caption.ts";
import { computeBands, computeMarkerPoints, computeReferenceLines } from "./chart-overlays.ts";
import { CAPTION_FONT_PX, CAPTION_LINE_PX, CHART_FONT, CHART_SIZE } from "./chart-style.ts";
import { formatChartText } from "./chart-text.ts";
import { computeLineSpec } from "./line-spec.ts";

/** A chart.js configuration as plain data; the plugins that read `claimcheck` options live in chart-plugins.ts. */
export interface ChartSpec {
  type: "line" | "bar";
  data: { labels?: Array<string | string[]>; datasets: Array<Record<string, unknown>> };
  options: Record<string, unknown>;
  /** CSS pixel height: taller than CHART_SIZE by the caption's lines. */
  height: number;
}

export interface ComputeChartSpecOptions {
  /**
   * Draw the caption under the chart. The HTML report prints it as text beside the image instead,
   * where it stays readable on a phone and selectable. @default true
   */
  caption?: boolean;
}

/** Builds the chart.js configuration of one report chart, in one language. Pure. */
export function computeChartSpec(chart: Chart, lang: Lang, options: ComputeChartSpecOptions = {}): ChartSpec {
  const sentences = options.caption === false ? [] : (chart.caption ?? []);
  const caption = wrapCaption(
    sentences.map((t) => formatChartText(t, lang)),
    CHART_SIZE.width - 24,
    CAPTION_FONT_PX,
  );
  const common = {
    responsive: false,
    animation: false,
    devicePixelRatio: 1,
    font: { family: CHART_FONT },
    // A margin at the sides, so the caption and the axis title do not start at the image's edge.
    layout: { padding: { left: 10, right: 10 } },
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
        references: computeReferenceLines(chart, lang),
        markers: computeMarkerPoints(chart, lang),
        bands: computeBands(chart, lang),
      },
    },
  };
  const height = CHART_SIZE.height + caption.length * CAPTION_LINE_PX;
  if (chart.type === "bars") return { ...computeBarSpec(chart, lang, common), height };
  return { ...computeLineSpec(chart, lang, common), height };
}
