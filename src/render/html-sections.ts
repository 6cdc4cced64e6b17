import type { Report, Verdict } from "../model/report.ts";
import { label } from "./catalog/index.ts";
import { renderBadge, uiText, VERDICT_SYMBOL } from "./html-badge.ts";
import { breakable, h, type Markup } from "./html-escape.ts";
import { colon, type Lang, VERDICT_TEXT } from "./i18n.ts";
import { fieldText, reasonText, roleText, t as say, severityWord } from "./localize.ts";
import { formatNumber, listFindings } from "./text-helpers.ts";
import { firstFindings, requirementAnchor, sortByWeight } from "./weight-order.ts";

export { renderBadge } from "./html-badge.ts";
export { renderDeliverables, renderRequirements } from "./html-requirements.ts";

/** Findings shown in the table; the rest are counted (the JSON has them all). */
const MAX_FINDINGS = 200;

/**
 * The verdict banner, the first findings of an invalid submission (what to fix, on the first screen),
 * and every requirement that did not pass in order of weight, each linked to its detail.
 */
export function renderGlance(report: Report, lang: Lang): Markup {
  const t = uiText(lang);
  const open = sortByWeight(report.requirements);
  const counts = Object.entries(report.counts)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([verdict, n]) => `${n} ${VERDICT_TEXT[verdict as Verdict][lang]}`)
    .join(" · ");
  return h`<div class="banner ${report.verdict}" id="verdict"><span class="big">${VERDICT_SYMBOL[report.verdict]} ${VERDICT_TEXT[report.verdict][lang]}</span><span>${t.submissionVerdict} — ${counts}</span></div>
${renderFirstFindings(report, lang)}<section id="glance"><h2>${t.failedAtGlance}</h2>${
    open.length === 0
      ? h`<p>${t.allPassed}</p>`
      : h`<ul class="glance">${open.map((r) => h`<li>${renderBadge(r.verdict, lang)} <a href="#${requirementAnchor(r.id)}"><code>${breakable(r.id)}</code></a> ${r.title[lang]}${colon(lang)}${reasonText(r, lang)}</li>`)}</ul>`
  }</section>`;
}

export function renderSubmission(report: Report, lang: Lang): Markup {
  const t = uiText(lang);
  const s = report.submission;
  const system = Object.entries(flatten(s.system)).map(
    ([k, v]) => h`<dt>${fieldText(k, lang)}</dt><dd>${breakable(v)}</dd>`,
  );
  return h`<section id="submission"><h2>${t.team} · ${t.system}</h2><dl class="facts">
<dt>${t.topic}</dt><dd>${s.topic} ${s.topic_title[lang]}</dd>
<dt>${t.team}</dt><dd>${s.team}</dd>${system}
<dt>${t.mode}</dt><dd>${label(`mode.${s.mode}`, lang)}</dd>
<dt>${t.generated}</dt><dd>${report.generatedAt}</dd>
<dt>${t.tool}</dt><dd>claimcheck ${report.tool.version}</dd></dl></section>`;
}

export function renderInputs(report: Report, lang: Lang): Markup {
  const t = uiText(lang);
  const rows = report.inputs.map(
    (i) =>
      h`<tr><td class="nowrap" data-label="${t.role}">${roleText(i.role, lang)}</td><td data-label="${t.file}"><code>${breakable(i.path)}</code></td><td data-label="${t.format}">${breakable(i.format)} <span class="muted">(${label(`format_source.${i.format_source}`, lang)})</span></td><td class="num" data-label="${t.rows}">${i.rows}</td><td class="mono hash" data-label="SHA-256">${i.sha256}</td></tr>`,
  );
  return h`<section id="inputs"><h2>${t.inputs}</h2><table class="cards"><thead><tr><th>${t.role}</th><th>${t.file}</th><th>${t.format}</th><th>${t.rows}</th><th>SHA-256</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

export function renderFindings(report: Report, lang: Lang): Markup {
  const t = uiText(lang);
  const all = listFindings(report, lang);
  const rows = all
    .slice(0, MAX_FINDINGS)
    .map(
      (f) =>
        h`<tr><td class="sev-${f.severity} nowrap" data-label="${t.severity}">${severityWord(f.severity, lang)}</td><td class="nowrap" data-label="${t.code}"><code>${f.code}</code>${f.requirement === undefined ? "" : h`<br><span class="muted">${breakable(f.requirement)}</span>`}</td><td class="loc" data-label="${t.location}"><code>${breakable(f.where)}</code></td><td data-label="${t.message}">${f.message}</td></tr>`,
    );
  const more = all.length - rows.length;
  return h`<section id="findings"><h2>${t.findings} (${all.length})</h2>${
    all.length === 0
      ? h`<p>${t.noFindings}</p>`
      : h`<table class="cards"><thead><tr><th>${t.severity}</th><th>${t.code}</th><th>${t.location}</th><th>${t.message}</th></tr></thead><tbody>${rows}</tbody></table>`
  }${more > 0 ? h`<p class="muted">… +${more} (report.json)</p>` : ""}</section>`;
}

export function renderDiff(report: Report, lang: Lang): Markup {
  const diff = report.diff;
  if (diff === undefined) return h``;
  const t = uiText(lang);
  const v = (x: Verdict | null) => (x === null ? "—" : renderBadge(x, lang));
  const rows = [
    ...diff.requirements.map(
      (r) =>
        h`<tr><td><code>${breakable(r.id)}</code></td><td>${v(r.verdict.from)} ${formatNumber(r.measured.from)}</td><td>${v(r.verdict.to)} ${formatNumber(r.measured.to)}</td></tr>`,
    ),
    ...diff.inputs.map(
      (i) =>
        h`<tr><td>${t.inputs}${colon(lang)}${roleText(i.role, lang)}</td><td class="mono hash">${i.path.from ?? "—"} ${i.sha256.from ?? ""}</td><td class="mono hash">${i.path.to ?? "—"} ${i.sha256.to ?? ""}</td></tr>`,
    ),
  ];
  return h`<section id="changes"><h2>${t.changes}</h2><p class="muted">${t.previous}${colon(lang)}${diff.previous.generatedAt}, claimcheck ${diff.previous.version} — ${v(diff.verdict.from)} → ${v(diff.verdict.to)}</p>${
    rows.length === 0
      ? h`<p>${t.noChanges}</p>`
      : h`<table><thead><tr><th></th><th>${t.previous}</th><th>${t.current}</th></tr></thead><tbody>${rows}</tbody></table>`
  }</section>`;
}

// --- internal ---

function renderFirstFindings(report: Report, lang: Lang): Markup {
  if (report.verdict !== "invalid") return h``;
  const { shown, total } = firstFindings(report, lang);
  if (shown.length === 0) return h``;
  return h`<section id="first-findings" class="first"><h2>${say("html.first_findings", lang, { shown: shown.length, n: total })}</h2><ul>${shown.map(
    (f) =>
      h`<li><span class="sev-${f.severity}">${severityWord(f.severity, lang)}</span> <code>${f.code}</code>${f.where === "" ? "" : h` <code>${breakable(f.where)}</code>`}: ${f.message}</li>`,
  )}</ul><p class="muted"><a href="#findings">${uiText(lang).findings} (${total})</a></p></section>`;
}

function flatten(value: unknown, prefix = ""): Record<string, string> {
  if (value === null || typeof value !== "object") return { [prefix]: String(value) };
  if (Array.isArray(value) && value.every((v) => typeof v !== "object"))
    return { [prefix]: value.length === 0 ? "—" : value.join(", ") };
  return Object.assign(
    {},
    ...Object.entries(value).map(([k, v]) =>
      flatten(v, prefix === "" ? k : Array.isArray(value) ? `${prefix}[${k}]` : `${prefix}.${k}`),
    ),
  );
}
