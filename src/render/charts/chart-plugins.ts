import type { Plugin } from "chart.js";
import type { Band, BarBounds, MarkerPoint, ReferenceLine } from "./chart-overlays.ts";
import { drawBarTargets, drawBounds, drawValueLabels } from "./draw-bar-marks.ts";
import { drawBand, drawBandLabel, drawMarkers, drawReference } from "./draw-overlays.ts";
import type { LabelBox } from "./label-boxes.ts";

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
      bands = [],
      valueLabels = [],
      barTargets = [],
    } = options as ClaimcheckOptions;
    const ctx = chart.ctx;
    ctx.save();
    drawBarTargets(chart, barTargets);
    drawBounds(chart, bounds);
    // Labels drawn so far, so the judged markers' labels are placed off them.
    const taken: LabelBox[] = [];
    for (const band of bands) taken.push(...optional(drawBandLabel(chart, band)));
    references.forEach((line, i) => {
      taken.push(...optional(drawReference(chart, line, i)));
    });
    // After the target lines: a bar's value stays readable where a line crosses it.
    drawValueLabels(chart, valueLabels, bounds);
    drawMarkers(chart, markers, taken);
    ctx.restore();
  },
};

// --- internal ---

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}
