import type { Report } from "../model/report.ts";

/** The canonical report, pretty-printed with a trailing newline so files diff cleanly. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
