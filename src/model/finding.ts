import { z } from "zod";
import { MessageParamsSchema } from "./message.ts";

export const SeveritySchema = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof SeveritySchema>;

/** Where a finding points: the file's own line number (a CSV header is line 1) and the column name. */
export const LocationSchema = z.object({
  path: z.string(),
  line: z.int().min(1).optional(),
  column: z.string().optional(),
  /** 1-based character column in a text document (a claim mark in `docs/report.md`). */
  col: z.int().min(1).optional(),
});
export type Location = z.infer<typeof LocationSchema>;

export const FindingSchema = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]+$/),
  severity: SeveritySchema,
  message: z.string(),
  location: LocationSchema.optional(),
  /** The values `message` interpolates, so the catalog can render it in another language (optional: older reports have none). */
  params: MessageParamsSchema.optional(),
  /**
   * The catalog key of `message` when it is not the code's own sentence: a line that stands for the
   * findings of one code over the reader's limit (`finding.more_rows`). @default the code
   */
  message_key: z.string().optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

// The builders live in a module without zod, so the streaming CSV reader (and its worker thread)
// can create findings without loading the schema library.
export { createFinding, formatLocation } from "./create-finding.ts";
