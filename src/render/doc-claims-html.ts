import type { Report } from "../model/report.ts";
import { messages } from "./catalog/doc-claims.ts";
import { formatDocClaimMeasured, formatDocClaimWhere } from "./doc-claims-text.ts";
import { breakable, h, type Markup } from "./html-escape.ts";
import { renderBadge } from "./html-sections.ts";
import type { Lang } from "./i18n.ts";

/** The HTML report's section on the claims marked in the deliverable document; empty without one. */
export function renderDocClaimsHtml(report: Report, lang: Lang): Markup {
  const claims = report.doc_claims;
  if (claims === undefined) return h``;
  const label = (id: string) => messages[`label.${id}`]?.[lang] ?? id;
  const rows = claims.map(
    (c) =>
      h`<tr><td class="loc" data-label="${label("doc_where")}"><code>${breakable(formatDocClaimWhere(c))}</code></td><td data-label="ID"><code>${breakable(c.requirement)}</code></td><td data-label="${label("doc_stated")}">${c.text}</td><td class="nowrap" data-label="${label("doc_measured")}">${formatDocClaimMeasured(c)}</td><td data-label="${label("doc_verdict")}">${renderBadge(c.verdict, lang)}${c.finding === undefined ? "" : h`<br><code>${breakable(c.finding)}</code>`}</td></tr>`,
  );
  return h`<section id="doc-claims"><h2>${label("doc_claims")} (${claims.length})</h2><table class="cards"><thead><tr><th>${label("doc_where")}</th><th>ID</th><th>${label("doc_stated")}</th><th>${label("doc_measured")}</th><th>${label("doc_verdict")}</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}
