import type { Report } from "../model/report.ts";
import { label } from "./catalog/index.ts";
import type { Lang } from "./i18n.ts";
import { reasonText, roleText, severityWord, t, verdictWord } from "./localize.ts";
import {
  formatMeasured,
  formatPart,
  formatPartMeasured,
  formatTarget,
  listFindings,
} from "./text-helpers.ts";

/** The few lines a person reads on stderr after `verify`. */
export function renderSummary(report: Report, lang: Lang = "en"): string {
  const width = Math.max(...report.requirements.map((r) => r.id.length), 10);
  const rows = report.requirements.map((r) =>
    [
      `  ${pad(verdictWord(r.verdict, lang), 12)} ${r.id.padEnd(width)}  ${pad(formatTarget(r, lang), 22)} ${formatMeasured(r, lang)}`,
      ...(r.parts ?? []).map(
        (p) =>
          `    ${pad(verdictWord(p.verdict, lang), 12)} ↳ ${formatPart(p, lang)}: ${formatPartMeasured(r, p, lang)}`,
      ),
      `  ${"".padEnd(12)} ${reasonText(r, lang)}`,
    ].join("\n"),
  );
  const all = listFindings(report, lang);
  const findings = all
    .slice(0, 10)
    .map(
      (f) =>
        `  ${severityWord(f.severity, lang)} ${f.code}${f.where === "" ? "" : ` ${f.where}`}: ${f.message}`,
    );
  const more = all.length - findings.length;
  const verdict = lang === "en" ? report.verdict.toUpperCase() : verdictWord(report.verdict, lang);
  return [
    t("summary.head", lang, { topic: report.submission.topic, team: report.submission.team, verdict }),
    ...report.inputs.map(
      (i) =>
        `  ${t("summary.input", lang, { role: roleText(i.role, lang), path: i.path, format: i.format, source: label(`format_source.${i.format_source}`, lang), rows: i.rows })}`,
    ),
    ...rows,
    ...(findings.length === 0 ? [] : [t("summary.findings", lang), ...findings]),
    ...(more > 0 ? [`  ${t("summary.more", lang, { n: more })}`] : []),
    "",
  ].join("\n");
}

// --- internal ---

/** Pads to a width in terminal columns: a CJK character takes two. */
function pad(text: string, width: number): string {
  const columns = [...text].reduce((n, c) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);
  return text + " ".repeat(Math.max(0, width - columns));
}
