import type { EvidenceFile } from "../../model/evidence.ts";
import type { QualityEvidence } from "../../model/quality.ts";
import type { FormatAdapter } from "../format.ts";

/** A format adapter whose parse result carries the quality tables (typed for callers and tests). */
export interface QualityAdapter extends FormatAdapter {
  parse(file: EvidenceFile): QualityEvidence;
}
