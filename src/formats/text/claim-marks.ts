import type { ClaimMarksResult } from "../../model/doc-claim.ts";
import { parseLatexClaimMarks } from "./claim-marks-latex.ts";
import { parseMarkdownClaimMarks } from "./claim-marks-markdown.ts";

/** The claim marks of a deliverable document, read as LaTeX for `.tex`/`.ltx` files and as Markdown otherwise. */
export function parseClaimMarks(text: string, path: string): ClaimMarksResult {
  return /\.(tex|ltx)$/i.test(path) ? parseLatexClaimMarks(text, path) : parseMarkdownClaimMarks(text, path);
}
