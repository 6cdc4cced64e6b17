import type { Report } from "../model/report.ts";
import { messages } from "./catalog/doc-claims.ts";
import { formatDocClaimMeasured, formatDocClaimWhere } from "./doc-claims-text.ts";
import type { Lang } from "./i18n.ts";
import { verdictWord } from "./localize.ts";
import { VERDICT_ICON } from "./text-helpers.ts";

/**
 * The report's section on the claims marked in the deliverable document: one row per mark with its
 * line, what it states, what was measured and its verdict. Nothing when no document was gated.
 */
export function renderDocClaimsMarkdown(report: Report, lang: Lang = "en"): string[] {
  const claims = report.doc_claims;
  if (claims === undefined) return [];
  const label = (id: string) => messages[`label.${id}`]?.[lang] ?? id;
  const rows = claims.map(
    (c) =>
      `| ${VERDICT_ICON[c.verdict]} | \`${escapeCell(formatDocClaimWhere(c))}\` | \`${escapeCell(c.requirement)}\` | ${escapeCell(c.text)} | ${formatDocClaimMeasured(c)} | **${lang === "en" ? c.verdict : verdictWord(c.verdict, lang)}**${c.finding === undefined ? "" : ` \`${c.finding}\``} |`,
  );
  return [
    `### ${label("doc_claims")} (${claims.length})`,
    "",
    ...(claims.length === 0
      ? [label("doc_none")]
      : [
          `| | ${label("doc_where")} | ${label("doc_requirement")} | ${label("doc_stated")} | ${label("doc_measured")} | ${label("doc_verdict")} |`,
          "|---|---|---|---|---|---|",
          ...rows,
        ]),
    "",
  ];
}

// --- internal ---

function escapeCell(text: string): string {
  return text.replace(
    /[|<>`\n\r]/g,
    (c) => ({ "|": "\\|", "<": "&lt;", ">": "&gt;", "`": "'", "\n": " ", "\r": " " })[c] as string,
  );
}
