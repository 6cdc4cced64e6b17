import type { Report } from "../model/report.ts";
import { renderAnnotations } from "./annotations.ts";
import { renderHtml } from "./html.ts";
import type { Lang } from "./i18n.ts";
import { renderJson } from "./json.ts";
import { renderJunit } from "./junit.ts";
import { renderMarkdown } from "./markdown.ts";

/** Options a reporter may read; each ignores the ones it has no use for. */
export interface RenderOptions {
  /** Language of the summary, Markdown, HTML, annotations and charts. @default "en" */
  lang?: Lang;
  /** Folder of the submission relative to the repository root, for annotation file paths. @default "" */
  root?: string;
  /** Folder (relative to the Markdown file) holding PNG charts that `--charts` wrote. @default none */
  chartsDir?: string;
}

/** A reporter turns the canonical report into one output format; it never writes files. */
export type Reporter = (
  report: Report,
  options?: RenderOptions,
) => string | Uint8Array | Promise<string | Uint8Array>;

export const REPORTERS = {
  json: renderJson,
  md: renderMarkdown,
  html: renderHtml,
  junit: renderJunit,
  annotations: renderAnnotations,
} satisfies Record<string, Reporter>;

export type ReportFormat = keyof typeof REPORTERS;

export const REPORT_FORMATS = Object.keys(REPORTERS) as ReportFormat[];
