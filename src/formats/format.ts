import type { EvidenceFile, EvidenceKind, ParsedEvidence } from "../model/evidence.ts";

/** The first bytes of a file, decoded, which is all a detector may look at. */
export interface DetectInput {
  path: string;
  /** Up to the first 64 KiB of the file, decoded as UTF-8 with any BOM removed. */
  head: string;
}

/**
 * One input format: a tool's native output or a canonical CSV kind.
 * `detect` returns a confidence in [0, 1] (0 = certainly not this format); `parse` never throws for
 * bad content — it returns findings with locations — and throws `ClaimcheckError("E_INPUT")` only
 * when nothing at all can be read.
 */
export interface FormatAdapter {
  id: string;
  title: string;
  kind: EvidenceKind;
  detect(input: DetectInput): number;
  parse(file: EvidenceFile): ParsedEvidence;
}
