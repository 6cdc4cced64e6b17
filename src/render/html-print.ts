import { createHash } from "node:crypto";
import type { Report } from "../model/report.ts";
import { h, type Markup } from "./html-escape.ts";
import { type Lang, UI_TEXT } from "./i18n.ts";
import { t } from "./localize.ts";

/**
 * The id a printed page names: `submission.id` when the server stored one, else the first 12 hex
 * digits of the SHA-256 of the topic, the team and the SHA-256 of every input (one per line, sorted).
 * It names what was submitted, so it is the same whether the report is rendered at verify time or
 * later from its JSON, and any reader can recompute it from the inputs table.
 */
export function submissionId(report: Report): string {
  const id = (report.submission as { id?: unknown }).id;
  if (typeof id === "string" && id !== "") return id;
  const lines = [
    report.submission.topic,
    report.submission.team,
    ...report.inputs.map((i) => i.sha256).sort(),
  ];
  return createHash("sha256").update(lines.join("\n")).digest("hex").slice(0, 12);
}

/**
 * Running header and footer of every printed page, as CSS `@page` margin boxes: Chromium draws them
 * since version 131 (headless Chromium's `page.pdf()` and the browser's own print dialog alike), with
 * `counter(page)` / `counter(pages)` for "page x of y". `displayHeaderFooter` templates would only work
 * through a `--pdf` command, not when an officer prints the HTML file, so the CSS is the one way.
 */
export function renderPrintCss(report: Report, lang: Lang): string {
  const s = report.submission;
  const head = `${UI_TEXT.topic[lang]} ${s.topic} · ${UI_TEXT.team[lang]} ${s.team}`;
  const id = `${t("html.submission_id", lang)} ${submissionId(report)}`;
  const page =
    lang === "zh"
      ? `"第 " counter(page) " 页，共 " counter(pages) " 页"`
      : `"page " counter(page) " of " counter(pages)`;
  return `@page { @top-left { content: ${cssString(head)}; font: 9px sans-serif; color: #555; }
  @top-right { content: ${cssString(id)}; font: 9px monospace; color: #555; }
  @bottom-left { content: ${cssString(`${UI_TEXT.title[lang]} · ${s.topic} · ${s.team}`)}; font: 9px sans-serif; color: #555; }
  @bottom-right { content: ${page}; font: 9px sans-serif; color: #555; } }`;
}

/** Name, role, date and signature lines for the program officer and the team lead. */
export function renderSignOff(lang: Lang): Markup {
  const line = (key: string) => h`<div class="sign-line"><span>${t(key, lang)}</span></div>`;
  const party = (key: string) =>
    h`<div class="sign-party"><h3>${t(key, lang)}</h3>${line("html.sign_name")}${line("html.sign_role")}${line("html.sign_date")}${line("html.sign_signature")}</div>`;
  return h`<section id="sign-off" class="sign"><h2>${t("html.sign_off", lang)}</h2><div class="sign-grid">${party("html.sign_officer")}${party("html.sign_team")}</div></section>`;
}

// --- internal ---

/** A CSS string literal: quotes, backslashes and line breaks escaped, `<` kept out of the style element. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, "\\$&").replace(/[\n\r<]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}
