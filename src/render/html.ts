import type { Chart, Report } from "../model/report.ts";
import { formatChartText } from "./charts/chart-text.ts";
import { renderDocClaimsHtml } from "./doc-claims-html.ts";
import { h, Markup } from "./html-escape.ts";
import { renderPrintCss, renderSignOff, submissionId } from "./html-print.ts";
import {
  renderDeliverables,
  renderDiff,
  renderFindings,
  renderGlance,
  renderInputs,
  renderRequirements,
  renderSubmission,
} from "./html-sections.ts";
import { REPORT_CSS } from "./html-style.ts";
import { colon, type Lang, UI_TEXT } from "./i18n.ts";
import { t } from "./localize.ts";

export interface RenderHtmlOptions {
  /** Language of the UI strings and of topic and requirement titles. @default "en" */
  lang?: Lang;
}

/**
 * The acceptance report as one self-contained HTML file (no network, charts as PNG data URIs at 2×)
 * that prints to A4. Everything that came from the submission is escaped.
 */
export async function renderHtml(report: Report, options: RenderHtmlOptions = {}): Promise<string> {
  const lang = options.lang ?? "en";
  const s = report.submission;
  const other: Lang = lang === "en" ? "zh" : "en";
  const page = h`<!doctype html>
<html lang="${lang === "zh" ? "zh-CN" : "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>${UI_TEXT.title[lang]} — ${s.topic} — ${s.team}</title>
<style>${new Markup(REPORT_CSS)}
${new Markup(renderPrintCss(report, lang))}</style>
</head>
<body>
<header><h1>${UI_TEXT.title[lang]} · ${UI_TEXT.topic[lang]} ${s.topic} ${s.topic_title[lang]}</h1>
<p class="subtitle">${s.topic_title[other]} · ${UI_TEXT.team[lang]}${colon(lang)}${s.team} · <span class="mono">${t("html.submission_id", lang)} ${submissionId(report)}</span></p></header>
${renderGlance(report, lang)}
${renderSubmission(report, lang)}
${renderInputs(report, lang)}
${renderRequirements(report, lang)}
${renderDeliverables(report, lang)}${renderDocClaimsHtml(report, lang)}
${await renderCharts(report.charts ?? [], lang)}
${renderFindings(report, lang)}
${renderDiff(report, lang)}
${renderSignOff(lang)}
</body>
</html>
`;
  return page.value;
}

// --- internal ---

async function renderCharts(charts: Chart[], lang: Lang): Promise<Markup> {
  if (charts.length === 0) return h``;
  // chart.js and the canvas binding load only when a report has charts.
  const { renderChartPng } = await import("./charts/png.ts");
  const figures = charts.map((chart) => {
    // The caption is text under the image, not pixels in it: readable on a phone, crisp in print.
    const png = Buffer.from(renderChartPng(chart, { lang, scale: 2, caption: false })).toString("base64");
    const notes = (chart.caption ?? []).map(
      (c) => h`<span class="chart-note">${formatChartText(c, lang)}</span>`,
    );
    return h`<figure id="chart-${chart.id}"><img src="data:image/png;base64,${png}" width="720" height="340" alt="${chart.title[lang]}"><figcaption>${chart.title[lang]}${chart.requirement === undefined ? "" : h` — <code>${chart.requirement}</code>`}${notes}</figcaption></figure>`;
  });
  return h`<section id="charts"><h2>${UI_TEXT.charts[lang]}</h2>${figures}</section>`;
}
