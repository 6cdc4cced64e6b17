import { formatLocation } from "../model/create-finding.ts";
import type { Report, RequirementPart, RequirementResult, Verdict } from "../model/report.ts";
import { h, type Markup } from "./html-escape.ts";
import { type Lang, UI_TEXT, VERDICT_TEXT } from "./i18n.ts";
import {
  formatMeasured,
  formatNumber,
  formatPartMeasured,
  formatTarget,
  listFindings,
} from "./text-helpers.ts";

/** Plain symbols, not emoji: they print in every font, and the text label carries the meaning anyway. */
const VERDICT_ICON: Record<Verdict, string> = {
  pass: "✓",
  fail: "✗",
  inconclusive: "?",
  missing: "○",
  invalid: "⊘",
  waived: "–",
  reported: "#",
};

/** Findings shown in the table; the rest are counted (the JSON has them all). */
const MAX_FINDINGS = 200;

export function renderBadge(verdict: Verdict, lang: Lang): Markup {
  return h`<span class="badge ${verdict}">${VERDICT_ICON[verdict]} ${VERDICT_TEXT[verdict][lang]}</span>`;
}

/** The verdict banner and the list of every requirement that did not pass, with its reason. */
export function renderGlance(report: Report, lang: Lang): Markup {
  const t = text(lang);
  const open = report.requirements.filter(
    (r) => r.verdict !== "pass" && r.verdict !== "waived" && r.verdict !== "reported",
  );
  const counts = Object.entries(report.counts)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([verdict, n]) => `${n} ${VERDICT_TEXT[verdict as Verdict][lang]}`)
    .join(" · ");
  return h`<div class="banner ${report.verdict}" id="verdict"><span class="big">${VERDICT_ICON[report.verdict]} ${VERDICT_TEXT[report.verdict][lang]}</span><span>${t.submissionVerdict}: ${report.verdict} — ${counts}</span></div>
<section id="glance"><h2>${t.failedAtGlance}</h2>${
    open.length === 0
      ? h`<p>${t.allPassed}</p>`
      : h`<ul class="glance">${open.map((r) => h`<li>${renderBadge(r.verdict, lang)} <code>${r.id}</code> ${r.title[lang]}: ${r.reason}</li>`)}</ul>`
  }</section>`;
}

export function renderSubmission(report: Report, lang: Lang): Markup {
  const t = text(lang);
  const s = report.submission;
  const system = Object.entries(flatten(s.system)).map(([k, v]) => h`<dt>${k}</dt><dd>${v}</dd>`);
  return h`<section id="submission"><h2>${t.team} · ${t.system}</h2><dl class="facts">
<dt>${t.topic}</dt><dd>${s.topic} ${s.topic_title[lang]}</dd>
<dt>${t.team}</dt><dd>${s.team}</dd>${system}
<dt>${t.mode}</dt><dd>${s.mode}</dd>
<dt>${t.generated}</dt><dd>${report.generatedAt}</dd>
<dt>${t.tool}</dt><dd>claimcheck ${report.tool.version}</dd></dl></section>`;
}

export function renderInputs(report: Report, lang: Lang): Markup {
  const t = text(lang);
  const rows = report.inputs.map(
    (i) =>
      h`<tr><td class="nowrap">${i.role}</td><td><code>${i.path}</code></td><td>${i.format} <span class="muted">(${i.format_source})</span></td><td class="num">${i.rows}</td><td class="mono hash">${i.sha256}</td></tr>`,
  );
  return h`<section id="inputs"><h2>${t.inputs}</h2><table><thead><tr><th>${t.role}</th><th>${t.file}</th><th>${t.format}</th><th>${t.rows}</th><th>SHA-256</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

export function renderRequirements(report: Report, lang: Lang): Markup {
  const t = text(lang);
  const rows = report.requirements
    .filter((r) => r.kind !== "deliverable")
    .map((r) => requirementRows(r, lang));
  return h`<section id="requirements"><h2>${t.requirements}</h2><table class="requirements"><thead><tr><th>${t.requirement}</th><th>${t.target}</th><th>${t.measured}</th><th>${t.claimed}</th><th>${t.verdict}</th></tr></thead>${rows}</table></section>`;
}

export function renderDeliverables(report: Report, lang: Lang): Markup {
  const t = text(lang);
  const rows = report.requirements
    .filter((r) => r.kind === "deliverable")
    .map(
      (r) =>
        h`<tr class="row-${r.verdict}"><td>${r.verdict === "pass" ? "☑" : "☐"} <code>${r.id}</code><br>${r.title[lang]}</td><td>${formatTarget(r)}</td><td>${(r.deliverable?.evidence ?? []).map((e) => h`<div class="mono">${e}</div>`)}<div class="muted">${r.reason}</div></td><td>${renderBadge(r.verdict, lang)}</td></tr>`,
    );
  if (rows.length === 0) return h``;
  return h`<section id="deliverables"><h2>${t.deliverables}</h2><table><thead><tr><th>${t.requirement}</th><th>${t.kind}</th><th>${t.evidence}</th><th>${t.verdict}</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

export function renderFindings(report: Report, lang: Lang): Markup {
  const t = text(lang);
  const all = listFindings(report);
  const rows = all
    .slice(0, MAX_FINDINGS)
    .map(
      (f) =>
        h`<tr><td class="sev-${f.severity} nowrap">${f.severity}</td><td class="nowrap"><code>${f.code}</code>${f.requirement === undefined ? "" : h`<br><span class="muted">${f.requirement}</span>`}</td><td class="loc"><code>${f.where}</code></td><td>${f.message}</td></tr>`,
    );
  const more = all.length - rows.length;
  return h`<section id="findings"><h2>${t.findings} (${all.length})</h2>${
    all.length === 0
      ? h`<p>${t.noFindings}</p>`
      : h`<table><thead><tr><th>${t.severity}</th><th>${t.code}</th><th>${t.location}</th><th>${t.message}</th></tr></thead><tbody>${rows}</tbody></table>`
  }${more > 0 ? h`<p class="muted">… +${more} (report.json)</p>` : ""}</section>`;
}

export function renderDiff(report: Report, lang: Lang): Markup {
  const diff = report.diff;
  if (diff === undefined) return h``;
  const t = text(lang);
  const v = (x: Verdict | null) => (x === null ? "—" : renderBadge(x, lang));
  const rows = [
    ...diff.requirements.map(
      (r) =>
        h`<tr><td><code>${r.id}</code></td><td>${v(r.verdict.from)} ${formatNumber(r.measured.from)}</td><td>${v(r.verdict.to)} ${formatNumber(r.measured.to)}</td></tr>`,
    ),
    ...diff.inputs.map(
      (i) =>
        h`<tr><td>${t.inputs}: ${i.role}</td><td class="mono hash">${i.path.from ?? "—"} ${i.sha256.from ?? ""}</td><td class="mono hash">${i.path.to ?? "—"} ${i.sha256.to ?? ""}</td></tr>`,
    ),
  ];
  return h`<section id="changes"><h2>${t.changes}</h2><p class="muted">${t.previous}: ${diff.previous.generatedAt}, claimcheck ${diff.previous.version} — ${v(diff.verdict.from)} → ${v(diff.verdict.to)}</p>${
    rows.length === 0
      ? h`<p>${t.noChanges}</p>`
      : h`<table><thead><tr><th></th><th>${t.previous}</th><th>${t.current}</th></tr></thead><tbody>${rows}</tbody></table>`
  }</section>`;
}

// --- internal ---

function text(lang: Lang): Record<keyof typeof UI_TEXT, string> {
  return Object.fromEntries(Object.entries(UI_TEXT).map(([k, v]) => [k, v[lang]])) as Record<
    keyof typeof UI_TEXT,
    string
  >;
}

function requirementRows(r: RequirementResult, lang: Lang): Markup {
  const t = text(lang);
  const provenance = r.target?.provenance === "program" ? t.program : t.seed;
  const claimed =
    r.claimed === null
      ? "—"
      : h`${formatNumber(r.claimed.value)}${r.claimed.consistent ? "" : h` <span class="mismatch">✗ ${t.claimMismatch}</span>`}${Object.entries(r.claimed.conditions ?? {}).map(([k, c]) => h`<div class="muted">${k}: ${String(c)}</div>`)}`;
  const m = r.measured;
  const method =
    m === null
      ? ""
      : h`<br><span class="muted">${t.method}: ${m.method}; n = ${m.n}${m.n_needed ? `; ${t.nNeeded} ≈ ${m.n_needed}` : ""}</span>`;
  const findings = r.findings.map(
    (f) =>
      h`<div><span class="sev-${f.severity}">${f.severity}</span> <code>${f.code}</code>${f.location === undefined ? "" : h` <code>${formatLocation(f.location)}</code>`}: ${f.message}</div>`,
  );
  return h`<tbody class="requirement"><tr class="row-${r.verdict}"><td><code>${r.id}</code><br>${r.title[lang]}</td><td>${formatTarget(r)} <span class="prov">${t.targetSource}: ${provenance}</span></td><td>${measuredCell(r)}</td><td>${claimed}</td><td>${renderBadge(r.verdict, lang)}</td></tr>${(r.parts ?? []).map((p) => partRow(r, p, lang))}
<tr class="detail row-${r.verdict}"><td colspan="5">${t.why}: ${r.reason}${method}${findings}</td></tr></tbody>`;
}

/** One row per model or peer under a requirement judged in parts, with the files it compared. */
function partRow(r: RequirementResult, p: RequirementPart, lang: Lang): Markup {
  const t = text(lang);
  const per = p.per === "peer" ? t.perPeer : p.per === "model" ? t.perModel : p.per;
  const roles = [p.roles.candidate, p.roles.baseline].filter((x) => x !== undefined).join(" vs ");
  const [value, bound] = formatPartMeasured(r, p).split(" [");
  return h`
<tr class="part row-${p.verdict}"><td colspan="2">↳ ${per} <code>${p.name}</code> <span class="muted">${roles}</span><br><span class="muted">${p.reason}</span></td><td><span class="nowrap">${value}</span>${bound === undefined ? "" : h`<br><span class="nowrap muted">[${bound}</span>`}</td><td></td><td>${renderBadge(p.verdict, lang)}</td></tr>`;
}

/** The value on one line and its bound under it, so numbers never break mid-way. */
function measuredCell(r: RequirementResult): Markup {
  const [value, bound] = formatMeasured(r).split(" [");
  return h`<span class="nowrap">${value}</span>${bound === undefined ? "" : h`<br><span class="nowrap muted">[${bound}</span>`}`;
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
