import type { Finding } from "../model/finding.ts";
import type { Submission } from "../model/manifest.ts";
import type { Report, Verdict } from "../model/report.ts";
import type { Topic } from "../model/topic.ts";
import { addDocumentClaims, type DocumentText, readDocumentMarks } from "./doc-claim-marks.ts";
import { applyDocClaims } from "./doc-claims.ts";
import { computeSubmissionVerdict, countVerdicts } from "./verdict-order.ts";

interface WithDocuments {
  topic: Topic;
  submission: Submission;
  documents?: DocumentText[];
}

/**
 * Verifies with the claims of the deliverable documents too: a requirement only the document states
 * is measured under its first mark's conditions, then every mark is judged at its line. A mark that
 * cannot be read makes the submission `invalid` (exit 3, like any unreadable input) without counting
 * as a requirement.
 */
export function withDocumentClaims<T extends WithDocuments>(
  options: T,
  verify: (options: T) => Report,
): Report {
  if (options.documents === undefined || options.documents.length === 0) return verify(options);
  const read = readDocumentMarks(options.topic, options.documents);
  const report = verify({ ...options, submission: addDocumentClaims(options.submission, read.marks) });
  const applied = applyDocClaims({
    requirements: report.requirements,
    marks: read.marks,
    submission: options.submission,
  });
  const markFindings = read.marks.flatMap((m) => (m.finding === undefined ? [] : [m.finding]));
  const findings: Finding[] = [...report.findings, ...markFindings, ...read.findings];
  const verdicts = applied.requirements.map((r) => r.verdict);
  const unreadable: Verdict[] = [...markFindings, ...read.findings].some((f) => f.severity === "error")
    ? ["invalid"]
    : [];
  return {
    ...report,
    verdict: computeSubmissionVerdict([...verdicts, ...unreadable]),
    counts: countVerdicts(verdicts),
    requirements: applied.requirements,
    findings,
    doc_claims: applied.docClaims,
  };
}
