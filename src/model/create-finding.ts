import type { Finding, Location, Severity } from "./finding.ts";

/** Builds a finding; `location` is left out when unknown so reports stay compact. */
export function createFinding(
  code: string,
  severity: Severity,
  message: string,
  location?: Location,
  params?: Record<string, string | number>,
): Finding {
  const finding: Finding =
    location === undefined ? { code, severity, message } : { code, severity, message, location };
  return params === undefined ? finding : { ...finding, params };
}

/** Renders a location the way editors and CI annotations read it: `path:line (column)`. */
export function formatLocation(location: Location): string {
  const line = location.line === undefined ? "" : `:${location.line}`;
  const column = location.column === undefined ? "" : ` (column ${location.column})`;
  return `${location.path}${line}${column}`;
}
