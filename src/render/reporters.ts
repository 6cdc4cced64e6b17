import type { Report } from "../model/report.ts";
import { renderJson } from "./json.ts";
import { renderMarkdown } from "./markdown.ts";

/** A reporter turns the canonical report into one output format; it never writes files. */
export type Reporter = (report: Report) => string | Uint8Array | Promise<string | Uint8Array>;

export const REPORTERS = {
  json: renderJson,
  md: renderMarkdown,
} satisfies Record<string, Reporter>;

export type ReportFormat = keyof typeof REPORTERS;

export const REPORT_FORMATS = Object.keys(REPORTERS) as ReportFormat[];
