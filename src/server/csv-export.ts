import type { Topic } from "../model/topic.ts";
import type { DashboardSubmission } from "./pages/dashboard-page.ts";

/** `\s` covers the blanks spreadsheets skip, the ideographic space U+3000 and no-break space included. */
const FORMULA_START = /^(?:[\t\r\n]|\s*[=+\-@])/;

const HEADER = [
  "submission",
  "team",
  "created_at",
  "submission_verdict",
  "requirement",
  "verdict",
  "measured",
  "low",
  "high",
  "unit",
  "claimed",
  "reason",
];

/**
 * `GET /topics/:id/export.csv`: one row per submission and requirement, the submissions the caller may
 * see, oldest first. Text a team wrote (team names, reasons quoting their files) is made safe for
 * spreadsheets: see `escapeCsvCell`.
 */
export function renderDashboardCsv(topic: Topic, submissions: readonly DashboardSubmission[]): string {
  const rows: unknown[][] = [HEADER];
  for (const s of submissions) {
    for (const r of s.report.requirements) {
      if (!topic.requirements.some((t) => t.id === r.id)) continue;
      const m = r.measured;
      rows.push([
        s.id,
        s.team,
        s.createdAt,
        s.report.verdict,
        r.id,
        r.verdict,
        m?.value,
        m?.low,
        m?.high,
        r.target?.unit,
        r.claimed?.value,
        r.reason,
      ]);
    }
  }
  // CRLF and a BOM: what spreadsheet programs expect, so Chinese team names open correctly.
  return `\ufeff${rows.map((row) => row.map(escapeCsvCell).join(",")).join("\r\n")}\r\n`;
}

/**
 * One CSV cell. Numbers stay numbers. Text that a spreadsheet could run as a formula gets a leading `'`,
 * so it shows as text: OWASP's `=`, `+`, `-`, `@` also after leading blanks (Excel and LibreOffice trim
 * them: " =1+1" computes), and any text starting with a tab, CR or LF (a quoted "\n=…" cell is a
 * formula once the line break is dropped). Then the cell is quoted when it holds a comma, a quote or a
 * line break.
 */
export function escapeCsvCell(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
