import type { Report, RequirementPart, RequirementResult } from "../model/report.ts";
import { label } from "./catalog/index.ts";
import { renderBadge, uiText } from "./html-badge.ts";
import { breakable, h, type Markup } from "./html-escape.ts";
import { colon, type Lang } from "./i18n.ts";
import { findingText, locationText, methodText, reasonText, roleText, severityWord } from "./localize.ts";
import { formatMeasured, formatNumber, formatPartMeasured, formatTarget } from "./text-helpers.ts";
import { requirementAnchor } from "./weight-order.ts";

/**
 * The target requirements, one `<tbody>` each (its row, its parts, its detail row). Each cell carries
 * its column heading in `data-label`, so at phone width the rows become stacked cards.
 */
export function renderRequirements(report: Report, lang: Lang): Markup {
  const t = uiText(lang);
  const rows = report.requirements
    .filter((r) => r.kind !== "deliverable")
    .map((r) => requirementRows(r, lang));
  return h`<section id="requirements"><h2>${t.requirements}</h2><table class="requirements cards"><thead><tr><th>${t.requirement}</th><th>${t.target}</th><th>${t.measured}</th><th>${t.claimed}</th><th>${t.verdict}</th></tr></thead>${rows}</table></section>`;
}

export function renderDeliverables(report: Report, lang: Lang): Markup {
  const t = uiText(lang);
  const rows = report.requirements
    .filter((r) => r.kind === "deliverable")
    .map(
      (r) =>
        h`<tr class="row-${r.verdict}" id="${requirementAnchor(r.id)}"><td data-label="${t.requirement}">${r.verdict === "pass" ? "☑" : "☐"} <code>${breakable(r.id)}</code><br>${r.title[lang]}</td><td data-label="${t.kind}">${formatTarget(r, lang)}</td><td data-label="${t.evidence}">${(r.deliverable?.evidence ?? []).map((e) => h`<div class="mono">${breakable(e)}</div>`)}<div class="muted">${reasonText(r, lang)}</div>${r.findings.map((f) => findingLine(f, lang))}</td><td data-label="${t.verdict}">${renderBadge(r.verdict, lang)}</td></tr>`,
    );
  if (rows.length === 0) return h``;
  return h`<section id="deliverables"><h2>${t.deliverables}</h2><table class="cards"><thead><tr><th>${t.requirement}</th><th>${t.kind}</th><th>${t.evidence}</th><th>${t.verdict}</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

// --- internal ---

function requirementRows(r: RequirementResult, lang: Lang): Markup {
  const t = uiText(lang);
  const provenance = r.target?.provenance === "program" ? t.program : t.seed;
  const claimed =
    r.claimed === null
      ? "—"
      : h`${formatNumber(r.claimed.value)}${r.claimed.consistent ? "" : h` <span class="mismatch">✗ ${t.claimMismatch}</span>`}${Object.entries(r.claimed.conditions ?? {}).map(([k, c]) => h`<div class="muted">${k}: ${String(c)}</div>`)}`;
  const m = r.measured;
  const method =
    m === null
      ? ""
      : h`<br><span class="muted">${t.method}${colon(lang)}${methodText(m, lang)}; n = ${m.n}${m.n_needed ? `; ${t.nNeeded} ≈ ${m.n_needed}` : ""}</span>`;
  const findings = r.findings.map((f) => findingLine(f, lang));
  return h`<tbody class="requirement" id="${requirementAnchor(r.id)}"><tr class="row-${r.verdict}"><td data-label="${t.requirement}"><code>${breakable(r.id)}</code><br>${r.title[lang]}</td><td data-label="${t.target}">${formatTarget(r, lang)} <span class="prov">${t.targetSource}${colon(lang)}${provenance}</span></td><td data-label="${t.measured}">${measuredCell(r, lang)}</td><td data-label="${t.claimed}">${claimed}</td><td data-label="${t.verdict}">${renderBadge(r.verdict, lang)}</td></tr>${(r.parts ?? []).map((p) => partRow(r, p, lang))}
<tr class="detail row-${r.verdict}"><td colspan="5">${t.why}${colon(lang)}${reasonText(r, lang)}${method}${findings}</td></tr></tbody>`;
}

function findingLine(f: RequirementResult["findings"][number], lang: Lang): Markup {
  return h`<div><span class="sev-${f.severity}">${severityWord(f.severity, lang)}</span> <code>${f.code}</code>${f.location === undefined ? "" : h` <code>${breakable(locationText(f.location, lang))}</code>`}: ${findingText(f, lang)}</div>`;
}

/** One row per model or peer under a requirement judged in parts, with the files it compared. */
function partRow(r: RequirementResult, p: RequirementPart, lang: Lang): Markup {
  const t = uiText(lang);
  const per = label(`per.${p.per}`, lang, p.per);
  const roles = [p.roles.candidate, p.roles.baseline]
    .filter((x) => x !== undefined)
    .map((x) => roleText(x, lang))
    .join(` ${label("text.vs", lang)} `);
  const [value, bound] = formatPartMeasured(r, p, lang).split(" [");
  return h`
<tr class="part row-${p.verdict}"><td colspan="2">↳ ${per} <code>${breakable(p.name)}</code> <span class="muted">${breakable(roles)}</span><br><span class="muted">${reasonText(p, lang)}</span></td><td data-label="${t.measured}"><span class="nowrap">${value}</span>${bound === undefined ? "" : h`<br><span class="nowrap muted">[${bound}</span>`}</td><td class="empty"></td><td data-label="${t.verdict}">${renderBadge(p.verdict, lang)}</td></tr>`;
}

/** The value on one line and its bound under it, so numbers never break mid-way. */
function measuredCell(r: RequirementResult, lang: Lang): Markup {
  const [value, bound] = formatMeasured(r, lang).split(" [");
  return h`<span class="nowrap">${value}</span>${bound === undefined ? "" : h`<br><span class="nowrap muted">[${bound}</span>`}`;
}
