import { parseClaimMarks } from "../formats/text/claim-marks.ts";
import type { DocClaim, Report } from "../model/report.ts";
import { formatDocClaimMeasured } from "./doc-claims-text.ts";
import { VERDICT_ICON } from "./text-helpers.ts";

export interface AnnotatedDocument {
  text: string;
  /** Marks that got their verdict; a mark the report does not know (the document changed since) gets none. */
  annotated: number;
  unmatched: number;
}

/**
 * A copy of a deliverable document with each claim mark followed by its verdict and the measured
 * value with its bound, so an author reads the check where the number is written. The marks are
 * found with the same parser `verify` used and matched to the report's by line and column.
 */
export function renderAnnotatedDocument(text: string, path: string, report: Report): AnnotatedDocument {
  const claims = claimsOf(report, path);
  const latex = /\.(tex|ltx)$/i.test(path);
  const marks = parseClaimMarks(text, path).marks;
  let out = "";
  let from = 0;
  let annotated = 0;
  for (const mark of marks) {
    const claim = claims.find((c) => c.line === mark.line && c.column === mark.column);
    if (claim === undefined) continue;
    out += text.slice(from, mark.end) + (latex ? latexNote(claim) : markdownNote(claim));
    from = mark.end;
    annotated++;
  }
  return { text: out + text.slice(from), annotated, unmatched: marks.length - annotated };
}

/** `docs/report.md` → `docs/report.claimcheck.md`: the copy sits beside the original, never over it. */
export function annotatedDocumentPath(path: string): string {
  const dot = path.lastIndexOf(".");
  const slash = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return dot > slash + 1 ? `${path.slice(0, dot)}.claimcheck${path.slice(dot)}` : `${path}.claimcheck`;
}

// --- internal ---

/**
 * The report's claims from this document: its path as the report wrote it ends the given one, or
 * the reverse; failing that, a copy elsewhere with the same file name, when only one document was
 * judged under that name.
 */
function claimsOf(report: Report, path: string): DocClaim[] {
  const given = normalize(path);
  const all = report.doc_claims ?? [];
  const same = all.filter((c) => {
    const shown = normalize(c.path);
    return given === shown || given.endsWith(`/${shown}`) || shown.endsWith(`/${given}`);
  });
  if (same.length > 0) return same;
  const named = all.filter((c) => baseName(c.path) === baseName(given));
  return new Set(named.map((c) => normalize(c.path))).size === 1 ? named : [];
}

function baseName(path: string): string {
  return normalize(path).split("/").pop() ?? path;
}

function normalize(path: string): string {
  return path.replace(/\\/g, "/").replace(/^\.\//, "");
}

function noteText(claim: DocClaim): string {
  const measured = formatDocClaimMeasured(claim);
  const finding = claim.finding === undefined ? "" : ` ${claim.finding}`;
  return `claimcheck: ${claim.verdict}${finding}${measured === "—" ? "" : `; measured ${measured}`}`;
}

function markdownNote(claim: DocClaim): string {
  return ` ⟦${VERDICT_ICON[claim.verdict]} ${noteText(claim).replace(/([\\`*_[\]<>])/g, "\\$1")}⟧`;
}

/** Plain ASCII in a TeX group, every special character escaped, so the copy still compiles. */
function latexNote(claim: DocClaim): string {
  const escaped = noteText(claim).replace(
    /[\\{}%$#&_^~]/g,
    (c) => ({ "\\": "\\textbackslash{}", "^": "\\^{}", "~": "\\~{}" })[c] ?? `\\${c}`,
  );
  return `\\,{\\small\\textbf{[${escaped}]}}`;
}
