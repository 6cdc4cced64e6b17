import type { Chart } from "../../model/report.ts";
import type { Lang } from "../i18n.ts";
import { CHART_FONT } from "./chart-style.ts";
import { formatChartText } from "./chart-text.ts";

/** `1.5k`-free tick text: plain numbers with at most 4 significant digits. */
export function formatTick(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e9 && abs % 2 ** 30 === 0) return `${abs / 2 ** 30} Gi`;
  if (abs >= 1e6 && abs % 2 ** 20 === 0) return `${abs / 2 ** 20} Mi`;
  if (abs >= 1024 && abs % 1024 === 0 && abs < 1e6) return `${abs / 1024} Ki`;
  return String(Number(value.toPrecision(4)));
}

/** A unit after a number: none, ` %` or ` GB/s`. */
export function formatUnitSuffix(unit: string): string {
  return unit === "" ? "" : unit === "%" ? " %" : ` ${unit}`;
}

/** An axis title in one language: the catalog's text when the report carries a key, else its label. */
export function computeAxis(
  spec: Chart["x"],
  lang: Lang,
  type: "linear" | "logarithmic",
): Record<string, unknown> {
  const label =
    spec.text === undefined ? spec.label[lang] : formatChartText(spec.text, lang, spec.label[lang]);
  return {
    type,
    title: {
      display: true,
      text: `${label}${spec.unit === "" ? "" : ` (${spec.unit})`}`,
      font: { family: CHART_FONT, size: 12 },
    },
    ticks: { font: { family: CHART_FONT, size: 11 } },
    // Read by png.ts: a log axis of message sizes is labelled in powers of two, a percentile axis in 90 %, 99 %, …
    bytes: spec.unit === "B" || spec.unit === "bytes",
    percentile: spec.scale === "percentile",
  };
}
