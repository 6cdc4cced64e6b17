import type { Report, RequirementResult, Verdict } from "../model/report.ts";
import { label } from "./catalog/index.ts";
import { renderDocClaimsMarkdown } from "./doc-claims-markdown.ts";
import type { Lang } from "./i18n.ts";
import { methodText, reasonText, roleText, severityWord, t, verdictWord } from "./localize.ts";
import {
  formatMeasured,
  formatNumber,
  formatPart,
  formatPartMeasured,
  formatTarget,
  listFindings,
  VERDICT_ICON,
} from "./text-helpers.ts";
import { firstFindings } from "./weight-order.ts";

export interface RenderMarkdownOptions {
  /** Folder (relative to the Markdown file) holding the PNG charts `--charts` wrote. @default none */
  chartsDir?: string;
  /** Language of every sentence and label; ids, file names and units stay as they are. @default "en" */
  lang?: Lang;
}

/** Compact Markdown for pull-request comments and job summaries: verdict table first, details folded. */
export function renderMarkdown(report: Report, options: RenderMarkdownOptions = {}): string {
  const s = report.submission;
  const lang = options.lang ?? "en";
  const heading = t("md.heading", lang, {
    verdict: verdictWord(report.verdict, lang),
    topic: s.topic,
    title: s.topic_title[lang],
  });
  const lines = [
    `## ${VERDICT_ICON[report.verdict]} ${heading}`,
    "",
    `${t("md.team_line", lang, { team: escapeCell(s.team), counts: summaryCounts(report, lang) })} · claimcheck ${report.tool.version} · ${report.generatedAt}`,
    ...firstFindingLines(report, lang),
    "",
    t("md.table_head", lang),
    "|---|---|---|---|---|---|",
    ...report.requirements.flatMap((r) => [
      `| ${VERDICT_ICON[r.verdict]} | \`${r.id}\` ${escapeCell(r.title[lang])} | ${formatTarget(r, lang)}${r.target?.provenance === "program" ? " ¹" : ""} | ${formatMeasured(r, lang)} | ${r.claimed === null ? "—" : `${formatNumber(r.claimed.value)}${r.claimed.consistent ? "" : " ✗"}`} | **${verdictWord(r.verdict, lang)}** |`,
      ...partRows(r, lang),
    ]),
    "",
    t("md.program_note", lang),
    "",
    ...renderDocClaimsMarkdown(report, lang),
    ...details(report, lang),
    ...renderMarkdownDiff(report, lang),
    ...chartLinks(report, options.chartsDir, lang),
  ];
  return `${lines.join("\n")}\n`;
}

/** The file name `--charts` gives a chart's PNG. */
export function chartFileName(chartId: string): string {
  return `${chartId.replace(/[^A-Za-z0-9_.-]+/g, "-")}.png`;
}

// --- internal ---

/** One row per model or peer under a requirement judged in parts; the row above is the worst part or, for `aggregate: sum`, the total. */
function partRows(r: RequirementResult, lang: Lang): string[] {
  return (r.parts ?? []).map(
    (p) =>
      `| ${VERDICT_ICON[p.verdict]} | ↳ ${escapeCell(formatPart(p, lang))} | | ${formatPartMeasured(r, p, lang)} | | ${verdictWord(p.verdict, lang)} |`,
  );
}

/** An invalid submission names what to fix before the table, so the fix is on the first screen. */
function firstFindingLines(report: Report, lang: Lang): string[] {
  if (report.verdict !== "invalid") return [];
  const { shown, total } = firstFindings(report, lang);
  return [
    "",
    t("md.first_findings", lang, { shown: shown.length, n: total }),
    "",
    ...shown.map(
      (f) =>
        `- **${severityWord(f.severity, lang)}** \`${f.code}\`${f.where === "" ? "" : ` \`${escapeCell(f.where)}\``}: ${escapeCell(f.message)}`,
    ),
  ];
}

function chartLinks(report: Report, dir: string | undefined, lang: Lang): string[] {
  const charts = report.charts ?? [];
  if (dir === undefined || charts.length === 0) return [];
  return [
    "",
    `<details><summary>${t("md.charts", lang)}</summary>`,
    "",
    ...charts.map(
      (c) => `![${escapeCell(c.title[lang])}](${dir.replace(/\/+$/, "")}/${chartFileName(c.id)})`,
    ),
    "",
    "</details>",
  ];
}

function renderMarkdownDiff(report: Report, lang: Lang): string[] {
  const diff = report.diff;
  if (diff === undefined) return [];
  const v = (verdict: Verdict | null) => (verdict === null ? "—" : verdictWord(verdict, lang));
  const rows = [
    ...diff.requirements.map(
      (r) =>
        `| \`${r.id}\` | ${v(r.verdict.from)} ${formatNumber(r.measured.from)} | ${v(r.verdict.to)} ${formatNumber(r.measured.to)} |`,
    ),
    ...diff.inputs.map(
      (i) =>
        `| ${t("md.input_change", lang, { role: escapeCell(roleText(i.role, lang)) })} | \`${escapeCell(i.path.from ?? "—")}\` ${i.sha256.from?.slice(0, 12) ?? ""} | \`${escapeCell(i.path.to ?? "—")}\` ${i.sha256.to?.slice(0, 12) ?? ""} |`,
    ),
  ];
  return [
    "",
    `<details open><summary>${t("md.changes", lang, { at: escapeCell(diff.previous.generatedAt), from: v(diff.verdict.from), to: v(diff.verdict.to) })}</summary>`,
    "",
    ...(rows.length === 0
      ? [t("md.nothing_changed", lang)]
      : [t("md.changes_head", lang), "|---|---|---|", ...rows]),
    "",
    "</details>",
  ];
}

function summaryCounts(report: Report, lang: Lang): string {
  return Object.entries(report.counts)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([verdict, n]) => `${n} ${verdictWord(verdict as Verdict, lang)}`)
    .join(lang === "en" ? ", " : "，");
}

function details(report: Report, lang: Lang): string[] {
  const reasons = report.requirements.map(
    (r) =>
      `- \`${r.id}\` **${verdictWord(r.verdict, lang)}**: ${escapeCell(reasonText(r, lang))}${r.measured === null ? "" : ` _(${escapeCell(methodText(r.measured, lang))}; n = ${r.measured.n}${r.measured.n_needed ? `; ${t("text.n_needed", lang, { n: r.measured.n_needed })}` : ""})_`}`,
  );
  const inputs = report.inputs.map(
    (i) =>
      `| ${roleText(i.role, lang)} | \`${escapeCell(i.path)}\` | ${i.format} (${label(`format_source.${i.format_source}`, lang)}) | ${i.rows} | \`${i.sha256.slice(0, 12)}…\` |`,
  );
  const findings = listFindings(report, lang).map(
    (f) =>
      `- **${severityWord(f.severity, lang)}** \`${f.code}\`${f.where === "" ? "" : ` ${t("md.at", lang)} \`${escapeCell(f.where)}\``}: ${escapeCell(f.message)}`,
  );
  return [
    `<details><summary>${t("md.why", lang)}</summary>`,
    "",
    ...reasons,
    "",
    "</details>",
    "",
    `<details><summary>${t("md.inputs", lang)}</summary>`,
    "",
    t("md.inputs_head", lang),
    "|---|---|---|---|---|",
    ...inputs,
    "",
    "</details>",
    ...(findings.length === 0
      ? []
      : [
          "",
          `<details><summary>${t("md.findings", lang, { n: findings.length })}</summary>`,
          "",
          ...findings,
          "",
          "</details>",
        ]),
  ];
}

/** Submitted text goes into a table cell: neutralize pipes, newlines and HTML. */
function escapeCell(text: string): string {
  return text.replace(
    /[|<>\n\r]/g,
    (c) => ({ "|": "\\|", "<": "&lt;", ">": "&gt;", "\n": " ", "\r": " " })[c] as string,
  );
}
