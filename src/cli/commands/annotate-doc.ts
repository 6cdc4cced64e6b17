import { readFile, writeFile } from "node:fs/promises";
import { ClaimcheckError } from "../../model/errors.ts";
import type { Report } from "../../model/report.ts";
import { annotatedDocumentPath, renderAnnotatedDocument } from "../../render/doc-claims-annotate.ts";

export interface AnnotateDocResult {
  /** Where the annotated copy was written: beside the document, `<name>.claimcheck.<ext>`. */
  path: string;
  annotated: number;
  unmatched: number;
}

/**
 * `claimcheck report report.json --annotate-doc docs/report.md`: writes `docs/report.claimcheck.md`,
 * the document with each claim mark followed by its verdict and measured value with bound.
 */
export async function annotateDoc(report: Report, document: string): Promise<AnnotateDocResult> {
  if (report.doc_claims === undefined) {
    throw new ClaimcheckError(
      "E_USAGE",
      "This report.json judged no report document; verify with claims_from (claimcheck.yaml) or --claims-from first, then annotate.",
    );
  }
  let text: string;
  try {
    text = await readFile(document, "utf8");
  } catch (cause) {
    throw new ClaimcheckError("E_IO", `Cannot read ${document}; pass the path of the report document.`, {
      cause,
    });
  }
  const rendered = renderAnnotatedDocument(text, document, report);
  const path = annotatedDocumentPath(document);
  await writeFile(path, rendered.text);
  return { path, annotated: rendered.annotated, unmatched: rendered.unmatched };
}
