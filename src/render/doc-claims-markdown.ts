import type { Report } from "../model/report.ts";
import { messages } from "./catalog/doc-claims.ts";
import { formatDocClaimMeasured, formatDocClaimWhere } from "./doc-claims-text.ts";
import { VERDICT_ICON } from "./text-helpers.ts";

/**
 * The report's section on the claims marked in the deliverable document: one row per mark with its
 * line, what it states, what was measured and its verdict. Nothing when no document was gated.
 */
export function renderDocClaimsMarkdown(report: Report): string[] {
  const claims = report.doc_claims;
  if (claims === undefined) return [];
  const label = (id: string) => messages[`label.${id}`]?.en ?? id;
  const rows = claims.map(
    (c) =>
      `| ${VERDICT_ICON[c.verdict]} | \`${escapeCell(formatDocClaimWhere(c))}\` | \`${escapeCell(c.requirement)}\` | ${escapeCell(c.text)} | ${formatDocClaimMeasured(c)} | **${c.verdict}**${c.finding === undefined ? "" : ` \`${c.finding}\``} |`,
  );
  return [
    `### ${label("doc_claims")} (${claims.length})`,
    "",
    ...(claims.length === 0
      ? ["No claim marks were found."]
      : [
          `| | ${label("doc_where")} | Requirement | ${label("doc_stated")} | ${label("doc_measured")} | ${label("doc_verdict")} |`,
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
