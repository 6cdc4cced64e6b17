import type { Report } from "../../model/report.ts";
import { REPORTERS, type Reporter } from "../../render/reporters.ts";
import type { SubmissionRecord } from "../../store/store.ts";
import { html, raw, type SafeHtml } from "./html.ts";
import {
  breakable,
  formatTime,
  PAGE_STYLE,
  type PageContext,
  renderHeader,
  renderPage,
  verdictBadge,
} from "./layout.ts";
import { pageText, withLang } from "./page-text.ts";

/**
 * The acceptance report as HTML: the `html` reporter when this build has one; otherwise the Markdown
 * report in a <pre>, with a note that says so.
 */
export async function renderReportHtml(report: Report, lang: PageContext["lang"] = "en"): Promise<string> {
  const reporter = (REPORTERS as Record<string, Reporter | undefined>).html;
  if (reporter !== undefined) {
    const out = await reporter(report, { lang });
    return typeof out === "string" ? out : new TextDecoder().decode(out);
  }
  const markdown = await REPORTERS.md(report);
  const body = html`<p class="muted" id="fallback-note">This build has no HTML reporter yet, so the Markdown report is shown as text.</p>
<pre style="white-space:pre-wrap">${markdown}</pre>`;
  const page = { lang, t: pageText(lang), url: "/" };
  return renderPage(page, { title: `Report ${report.submission.topic} ${report.submission.team}`, body });
}

export interface ReportPageOptions {
  record: SubmissionRecord;
  /** The report with the waivers applied. */
  report: Report;
  /** Whether the waiver form is shown (a signed-in officer). */
  officer: boolean;
  /** A line above the waiver form: the waiver just made, or why the last one was refused. */
  notice?: { kind: "ok" | "error"; text: string };
}

/**
 * `GET /submissions/:id`: the acceptance report in the page's language with a bar on top (back to the
 * dashboard, submission id and upload time, the language switch) and, below it, the waivers and the
 * officer's waiver form, a plain HTML form because the page runs no script.
 */
export async function renderReportPage(page: PageContext, options: ReportPageOptions): Promise<string> {
  const report = await renderReportHtml(options.report, page.lang);
  const top = html`<div class="page-only"><style>${raw(PAGE_STYLE + BAR_STYLE)}</style>${renderHeader(page)}${renderBar(page, options.record)}</div>`;
  const bottom = renderWaivers(page, options);
  return insertBeforeBodyEnd(insertAfterBody(report, top.value), bottom.value);
}

// --- internal ---

const BAR_STYLE = `
.report-bar { display:flex; flex-wrap:wrap; gap:4px 18px; align-items:baseline; margin:10px 0 4px; font-size:14px; }
.report-bar code { overflow-wrap:normal; }
#waivers { margin-top:28px; border-top:2px solid #d5d9e0; padding-top:8px; }
#waivers ul { padding-left:18px; } #waivers li { margin:4px 0; overflow-wrap:anywhere; }
#waivers label { display:block; font-weight:600; margin:10px 0 4px; }
#waivers select, #waivers textarea { font:inherit; width:100%; max-width:560px; padding:6px 8px; border:1px solid #d1d9e0; border-radius:6px; }
#waivers button { font:inherit; margin-top:10px; padding:7px 18px; border-radius:6px; border:1px solid #0550ae; background:#0969da; color:#fff; font-weight:600; }
.notice-ok { color:#1a7f37; font-weight:600; } .notice-error { color:#cf222e; font-weight:600; }
@media print { .page-only { display:none !important; } }
`;

function renderBar(page: PageContext, record: SubmissionRecord): SafeHtml {
  const { t, lang } = page;
  return html`<nav class="report-bar" id="report-bar"><a id="back-link" href="${withLang(`/topics/${record.topic}`, lang)}">${t("page.report.back", { topic: record.topic })}</a>
<span>${t("page.report.submission")} <code id="submission-id">${breakable(record.id)}</code></span>
<span>${t("page.report.uploaded")} <time id="submission-time" datetime="${record.createdAt}">${t("page.time.utc", { time: formatTime(record.createdAt) })}</time></span>
<a href="#waivers">${t("page.waiver.heading")}</a>
<a href="/api/submissions/${record.id}">${t("page.report.json")}</a></nav>`;
}

function renderWaivers(page: PageContext, options: ReportPageOptions): SafeHtml {
  const { t, lang } = page;
  const { record, report } = options;
  const before = new Map(record.report.requirements.map((r) => [r.id, r.verdict]));
  const waived = [...new Map(record.waivers.map((w) => [w.requirement, w])).values()];
  const list =
    waived.length === 0
      ? html`<p class="muted">${t("page.waiver.none")}</p>`
      : html`<ul id="waived-list">${waived.map(
          (w) =>
            html`<li data-requirement="${w.requirement}">${verdictBadge("waived", t)} <code>${breakable(w.requirement)}</code> — ${t("page.waiver.by", { officer: w.officer, date: w.createdAt.slice(0, 10), before: t(`page.verdict.${before.get(w.requirement) ?? "missing"}`) })}: «${w.reason}»</li>`,
        )}</ul>`;
  const notice =
    options.notice === undefined
      ? ""
      : html`<p id="waiver-notice" class="notice-${options.notice.kind}" role="status">${options.notice.text}</p>`;
  const open = report.requirements.filter((r) => r.verdict !== "pass" && r.verdict !== "waived");
  const form = !options.officer
    ? html`<p class="muted">${t("page.waiver.signin")} <a href="${withLang(`/signin?next=${encodeURIComponent(`/submissions/${record.id}`)}`, lang)}">${t("page.signin.submit")}</a></p>`
    : open.length === 0
      ? html`<p class="muted">${t("page.waiver.nothing")}</p>`
      : html`<form method="post" id="waiver-form" action="${withLang(`/submissions/${record.id}/waivers`, lang)}">
<h3>${t("page.waiver.form")}</h3>
<label for="waive-requirement">${t("page.waiver.requirement")}</label>
<select id="waive-requirement" name="requirement">${open.map((r) => html`<option value="${r.id}">${r.id} (${t(`page.verdict.${r.verdict}`)})</option>`)}</select>
<label for="waive-reason">${t("page.waiver.reason")}</label>
<textarea id="waive-reason" name="reason" rows="3" minlength="3" maxlength="2000" required></textarea>
<button type="submit" id="waive-submit">${t("page.waiver.submit")}</button></form>`;
  return html`<section id="waivers" class="page-only"><h2>${t("page.waiver.heading")}</h2>${notice}${list}${form}</section>`;
}

function insertBeforeBodyEnd(document: string, markup: string): string {
  const end = document.lastIndexOf("</body>");
  return end < 0 ? `${document}${markup}` : `${document.slice(0, end)}${markup}\n${document.slice(end)}`;
}

function insertAfterBody(document: string, markup: string): string {
  const match = /<body[^>]*>/.exec(document);
  if (match === null) return `${markup}${document}`;
  const end = match.index + match[0].length;
  return `${document.slice(0, end)}\n${markup}${document.slice(end)}`;
}
