import { parseEvidence } from "../formats/parse-evidence.ts";
import type { EvidenceFile } from "../model/evidence.ts";
import type { Finding } from "../model/finding.ts";
import { checkPlausibility } from "./plausibility.ts";
import type { VerifiedInput } from "./verify-submission.ts";

/** One submitted file, in memory, with its role and hash (computed at the edge). */
export interface SubmittedFile {
  role: string;
  file: EvidenceFile;
  sha256: string;
  /** Declared format id; detected from the content when absent. */
  format?: string;
}

/** Parses one file and adds its plausibility findings: the read → parse → validate stages for one input. */
export function prepareInput({ role, file, sha256, format }: SubmittedFile): VerifiedInput {
  const parsed = parseEvidence(file, format);
  const findings: Finding[] = [...parsed.findings, ...checkPlausibility(file.path, parsed)];
  const { detected, ...evidence } = parsed;
  return {
    role,
    path: file.path,
    sha256,
    bytes: file.bytes.length,
    format: parsed.format,
    format_source: detected.source,
    rows: parsed.rows,
    parsed: { ...evidence, findings },
  };
}
