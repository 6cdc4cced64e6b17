import { html } from "./html.ts";
import { type PageContext, renderPage } from "./layout.ts";
import { withLang } from "./page-text.ts";

/**
 * An error as a page a person reads (the API keeps its JSON): what happened, and where to go next.
 * `detail` replaces the status's usual sentence when the route knows better.
 */
export function renderErrorPage(page: PageContext, status: number, path: string, detail?: string): string {
  const { t, lang } = page;
  const kind = status === 404 || status === 401 || status === 403 ? String(status) : "other";
  const title = t(`page.error.${kind}.title`, { status });
  const body = html`<h1 id="error-title">${title}</h1>
<p id="error-detail">${detail ?? t(`page.error.${kind}.body`, { path, status })}</p>
<p><a href="${withLang("/topics", lang)}">${t("page.nav.topics")}</a> · <a href="${withLang("/", lang)}">${t("page.nav.upload")}</a></p>`;
  return renderPage(page, { title, body });
}
