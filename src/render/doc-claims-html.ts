import type { Report } from "../model/report.ts";
import { messages } from "./catalog/doc-claims.ts";
import { formatDocClaimMeasured, formatDocClaimWhere } from "./doc-claims-text.ts";
import { h, type Markup } from "./html-escape.ts";
import { renderBadge } from "./html-sections.ts";
import type { Lang } from "./i18n.ts";

/** The HTML report's section on the claims marked in the deliverable document; empty without one. */
export function renderDocClaimsHtml(report: Report, lang: Lang): Markup {
  const claims = report.doc_claims;
  if (claims === undefined) return h``;
  const label = (id: string) => messages[`label.${id}`]?.[lang] ?? id;
  const rows = claims.map(
    (c) =>
      h`<tr><td class="loc"><code>${formatDocClaimWhere(c)}</code></td><td><code>${c.requirement}</code></td><td>${c.text}</td><td class="nowrap">${formatDocClaimMeasured(c)}</td><td>${renderBadge(c.verdict, lang)}${c.finding === undefined ? "" : h`<br><code>${c.finding}</code>`}</td></tr>`,
  );
  return h`<section id="doc-claims"><h2>${label("doc_claims")} (${claims.length})</h2><table><thead><tr><th>${label("doc_where")}</th><th>ID</th><th>${label("doc_stated")}</th><th>${label("doc_measured")}</th><th>${label("doc_verdict")}</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}
