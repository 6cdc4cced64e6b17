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
  /**
   * Optional streaming parse for big files: the same result as `parse`, from the file's bytes in
   * chunks that may end anywhere (and may be reused once the next one is asked for). Returns
   * undefined when the file needs `parse` after all (e.g. a dialect the fast path does not read).
   */
  parseChunks?(path: string, chunks: Iterable<Uint8Array>, size: number): ParsedEvidence | undefined;
}
