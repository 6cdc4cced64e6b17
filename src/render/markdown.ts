import type { Report, RequirementResult } from "../model/report.ts";
import { renderDocClaimsMarkdown } from "./doc-claims-markdown.ts";
import {
  formatMeasured,
  formatNumber,
  formatPart,
  formatPartMeasured,
  formatTarget,
  listFindings,
  VERDICT_ICON,
} from "./text-helpers.ts";

export interface RenderMarkdownOptions {
  /** Folder (relative to the Markdown file) holding the PNG charts `--charts` wrote. @default none */
  chartsDir?: string;
}

/** Compact Markdown for pull-request comments and job summaries: verdict table first, details folded. */
export function renderMarkdown(report: Report, options: RenderMarkdownOptions = {}): string {
  const s = report.submission;
  const lines = [
    `## ${VERDICT_ICON[report.verdict]} claimcheck: ${report.verdict} — topic ${s.topic} ${s.topic_title.en}`,
    "",
    `Team **${escapeCell(s.team)}** · ${summaryCounts(report)} · claimcheck ${report.tool.version} · ${report.generatedAt}`,
    "",
    "| | Requirement | Target | Measured [bound] | Claimed | Verdict |",
    "|---|---|---|---|---|---|",
    ...report.requirements.flatMap((r) => [
      `| ${VERDICT_ICON[r.verdict]} | \`${r.id}\` ${escapeCell(r.title.en)} | ${formatTarget(r)}${r.target?.provenance === "program" ? " ¹" : ""} | ${formatMeasured(r)} | ${r.claimed === null ? "—" : `${formatNumber(r.claimed.value)}${r.claimed.consistent ? "" : " ✗"}`} | **${r.verdict}** |`,
      ...partRows(r),
    ]),
    "",
    "¹ program default: the seed gives no number; the program office owns this value.",
    "",
    ...renderDocClaimsMarkdown(report),
    ...details(report),
    ...renderMarkdownDiff(report),
    ...chartLinks(report, options.chartsDir),
  ];
  return `${lines.join("\n")}\n`;
}

/** The file name `--charts` gives a chart's PNG. */
export function chartFileName(chartId: string): string {
  return `${chartId.replace(/[^A-Za-z0-9_.-]+/g, "-")}.png`;
}

// --- internal ---

/** One row per model or peer under a requirement judged in parts; the row above is the worst part or, for `aggregate: sum`, the total. */
function partRows(r: RequirementResult): string[] {
  return (r.parts ?? []).map(
    (p) =>
      `| ${VERDICT_ICON[p.verdict]} | ↳ ${escapeCell(formatPart(p))} | | ${formatPartMeasured(r, p)} | | ${p.verdict} |`,
  );
}

function chartLinks(report: Report, dir: string | undefined): string[] {
  const charts = report.charts ?? [];
  if (dir === undefined || charts.length === 0) return [];
  return [
    "",
    "<details><summary>Charts</summary>",
    "",
    ...charts.map((c) => `![${escapeCell(c.title.en)}](${dir.replace(/\/+$/, "")}/${chartFileName(c.id)})`),
    "",
    "</details>",
  ];
}

function renderMarkdownDiff(report: Report): string[] {
  const diff = report.diff;
  if (diff === undefined) return [];
  const rows = [
    ...diff.requirements.map(
      (r) =>
        `| \`${r.id}\` | ${r.verdict.from ?? "—"} ${formatNumber(r.measured.from)} | ${r.verdict.to ?? "—"} ${formatNumber(r.measured.to)} |`,
    ),
    ...diff.inputs.map(
      (i) =>
        `| input ${escapeCell(i.role)} | \`${escapeCell(i.path.from ?? "—")}\` ${i.sha256.from?.slice(0, 12) ?? ""} | \`${escapeCell(i.path.to ?? "—")}\` ${i.sha256.to?.slice(0, 12) ?? ""} |`,
    ),
  ];
  return [
    "",
    `<details open><summary>Changes since the previous report (${escapeCell(diff.previous.generatedAt)}): ${diff.verdict.from} → ${diff.verdict.to}</summary>`,
    "",
    ...(rows.length === 0 ? ["Nothing changed."] : ["| | Previous | Now |", "|---|---|---|", ...rows]),
    "",
    "</details>",
  ];
}

function summaryCounts(report: Report): string {
  return Object.entries(report.counts)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([verdict, n]) => `${n} ${verdict}`)
    .join(", ");
}

function details(report: Report): string[] {
  const reasons = report.requirements.map(
    (r) =>
      `- \`${r.id}\` **${r.verdict}**: ${escapeCell(r.reason)}${r.measured === null ? "" : ` _(${escapeCell(r.measured.method)}; n = ${r.measured.n}${r.measured.n_needed ? `; n needed ≈ ${r.measured.n_needed}` : ""})_`}`,
  );
  const inputs = report.inputs.map(
    (i) =>
      `| ${i.role} | \`${escapeCell(i.path)}\` | ${i.format} (${i.format_source}) | ${i.rows} | \`${i.sha256.slice(0, 12)}…\` |`,
  );
  const findings = listFindings(report).map(
    (f) =>
      `- **${f.severity}** \`${f.code}\`${f.where === "" ? "" : ` at \`${escapeCell(f.where)}\``}: ${escapeCell(f.message)}`,
  );
  return [
    "<details><summary>Why each verdict</summary>",
    "",
    ...reasons,
    "",
    "</details>",
    "",
    "<details><summary>Inputs</summary>",
    "",
    "| Role | File | Format | Rows | SHA-256 |",
    "|---|---|---|---|---|",
    ...inputs,
    "",
    "</details>",
    ...(findings.length === 0
      ? []
      : ["", `<details><summary>Findings (${findings.length})</summary>`, "", ...findings, "", "</details>"]),
  ];
}

/** Submitted text goes into a table cell: neutralize pipes, newlines and HTML. */
function escapeCell(text: string): string {
  return text.replace(
    /[|<>\n\r]/g,
    (c) => ({ "|": "\\|", "<": "&lt;", ">": "&gt;", "\n": " ", "\r": " " })[c] as string,
  );
}
