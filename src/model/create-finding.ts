import type { Finding, Location, Severity } from "./finding.ts";
import type { MessageParam } from "./message.ts";

/**
 * Builds a finding; `location` is left out when unknown so reports stay compact. `params` are the
 * values the English `message` interpolates: the catalog entry named by `code` renders them in any
 * language, while `message` stays for readers of older reports.
 */
export function createFinding(
  code: string,
  severity: Severity,
  message: string,
  location?: Location,
  params?: Record<string, MessageParam>,
): Finding {
  const finding: Finding =
    location === undefined ? { code, severity, message } : { code, severity, message, location };
  if (params !== undefined) finding.params = params;
  return finding;
}

/**
 * Renders a location the way editors and CI annotations read it: `path:line[:col] (column)`.
 * `columnWord` is a pattern with `{column}` for another language (`{column} 列`).
 */
export function formatLocation(location: Location, columnWord = "column {column}"): string {
  const line =
    location.line === undefined
      ? ""
      : `:${location.line}${location.col === undefined ? "" : `:${location.col}`}`;
  const column = location.column === undefined ? "" : ` (${columnWord.replace("{column}", location.column)})`;
  return `${location.path}${line}${column}`;
}
