import type { Report } from "../../model/report.ts";
import { REPORTERS, type Reporter } from "../../render/reporters.ts";
import { html } from "./html.ts";
import { renderPage } from "./layout.ts";

/**
 * The acceptance report as HTML: the `html` reporter when this build has one; otherwise the Markdown
 * report in a <pre>, with a note that says so.
 */
export async function renderReportHtml(report: Report): Promise<string> {
  const reporter = (REPORTERS as Record<string, Reporter | undefined>).html;
  if (reporter !== undefined) {
    const out = await reporter(report);
    return typeof out === "string" ? out : new TextDecoder().decode(out);
  }
  const markdown = await REPORTERS.md(report);
  const body = html`<p class="muted" id="fallback-note">This build has no HTML reporter yet, so the Markdown report is shown as text.</p>
<pre style="white-space:pre-wrap">${markdown}</pre>`;
  return renderPage({ title: `Report ${report.submission.topic} ${report.submission.team}`, body });
}
