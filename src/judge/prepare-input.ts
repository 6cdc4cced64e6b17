import { parseEvidence } from "../formats/parse-evidence.ts";
import { createFinding } from "../model/create-finding.ts";
import type { EvidenceFile } from "../model/evidence.ts";
import type { Finding } from "../model/finding.ts";
import { checkPlausibility } from "./plausibility.ts";
import { checkSummaryAgainstRows } from "./summary-check.ts";
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
  return prepareParsedInput(role, file.path, sha256, file.bytes.length, parseEvidence(file, format));
}

/** The validate stage for a file already parsed (a big file is parsed while it streams in). */
export function prepareParsedInput(
  role: string,
  path: string,
  sha256: string,
  bytes: number,
  parsed: ReturnType<typeof parseEvidence>,
): VerifiedInput {
  const findings: Finding[] = [
    ...parsed.findings,
    ...withoutRepeats(checkPlausibility(path, parsed), parsed.findings),
    ...checkSummaryAgainstRows(path, parsed),
  ];
  if (parsed.rows === 0 && !findings.some((f) => f.severity === "error")) findings.push(noRows(path));
  const { detected, ...evidence } = parsed;
  return {
    role,
    path,
    sha256,
    bytes,
    format: parsed.format,
    format_source: detected.source,
    rows: parsed.rows,
    parsed: { ...evidence, findings },
  };
}

// --- internal ---

/** A cell the parser already rejected reads as empty; don't report it a second time as missing. */
function withoutRepeats(plausibility: Finding[], parsing: Finding[]): Finding[] {
  const key = (f: Finding) => `${f.location?.line}:${f.location?.column}`;
  const rejected = new Set(parsing.filter((f) => f.location?.column !== undefined).map(key));
  return plausibility.filter((f) => f.code !== "SERVING_MISSING_VALUE" || !rejected.has(key(f)));
}

/** A file that parsed but holds nothing to measure must not pass as valid evidence. */
function noRows(path: string): Finding {
  return createFinding(
    "EVIDENCE_NO_ROWS",
    "error",
    "The file was read but holds no results (no requests, samples or scores); submit the complete output of the run.",
    { path, line: 1 },
    {},
  );
}
