import { z } from "zod";

export const SeveritySchema = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof SeveritySchema>;

/** Where a finding points: the file's own line number (a CSV header is line 1) and the column name. */
export const LocationSchema = z.object({
  path: z.string(),
  line: z.int().min(1).optional(),
  column: z.string().optional(),
});
export type Location = z.infer<typeof LocationSchema>;

export const FindingSchema = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]+$/),
  severity: SeveritySchema,
  message: z.string(),
  location: LocationSchema.optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

/** Builds a finding; `location` is left out when unknown so reports stay compact. */
export function createFinding(
  code: string,
  severity: Severity,
  message: string,
  location?: Location,
): Finding {
  return location === undefined ? { code, severity, message } : { code, severity, message, location };
}

/** Renders a location the way editors and CI annotations read it: `path:line (column)`. */
export function formatLocation(location: Location): string {
  const line = location.line === undefined ? "" : `:${location.line}`;
  const column = location.column === undefined ? "" : ` (column ${location.column})`;
  return `${location.path}${line}${column}`;
}
