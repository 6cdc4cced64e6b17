import { z } from "zod";

/**
 * A claim mark as written in a deliverable document: `[−8.5 %]{claim="1.2/ttft-p99-regression"}` in
 * Markdown, `\claim{1.2/ttft-p99-regression}{-8.5}{\%}` in LaTeX. Offsets are UTF-16 indices into the
 * document's text; `line` and `column` are 1-based, the way editors and CI annotations count.
 */
export interface ClaimMark {
  path: string;
  line: number;
  column: number;
  /** Where the mark starts and where it ends (after its closing `}`), so a copy can be annotated. */
  start: number;
  end: number;
  /** The requirement id the mark names, as written. */
  requirement: string;
  /** The stated number with its unit, as written (`−8.5 %`). */
  text: string;
  /** Every other attribute of the mark (`min_bytes="1GiB"`), as written. */
  conditions: Record<string, string>;
}

/** What reading one document gave: its marks and what could not be read as a mark. */
export interface ClaimMarksResult {
  marks: ClaimMark[];
  /** Marks that are broken as marks (a `\claim` without its three arguments); each has its line. */
  broken: Array<{ line: number; column: number; text: string }>;
}

/**
 * One claim of the deliverable document in the report: where it is, what it says, how it was judged.
 * Its `verdict` is added in `report.ts` (beside the verdict enum, so the two modules import one way):
 * `invalid` for a mark that names no target requirement or states no readable number; `fail` when it
 * disagrees with the recomputed value or with another statement of the same requirement; otherwise
 * the requirement's own verdict.
 */
export const DocClaimFieldsSchema = z.object({
  path: z.string(),
  line: z.int().min(1),
  column: z.int().min(1),
  requirement: z.string(),
  /** The number and unit as written in the document. */
  text: z.string(),
  /** The stated value in the requirement's unit; null when it could not be read. */
  value: z.number().nullable(),
  unit: z.string().nullable(),
  conditions: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  /** Whether the stated value agrees with the recomputed one; null when nothing was measured. */
  consistent: z.boolean().nullable(),
  measured: z
    .object({ value: z.number().nullable(), low: z.number().nullable(), high: z.number().nullable() })
    .nullable(),
  /** The code of the finding this mark raised, if any. */
  finding: z.string().optional(),
});
