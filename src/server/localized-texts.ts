import type { Finding } from "../model/finding.ts";
import type { Report } from "../model/report.ts";
import type { Lang } from "../render/i18n.ts";
import { findingText, reasonText } from "../render/localize.ts";

/** The sentences of a JSON answer in one language, for a page script that has no message catalog. */
export interface LocalizedTexts {
  lang: Lang;
  /** Each requirement's reason, by requirement id. */
  reasons: Record<string, string>;
  /** Each finding of the answer's `findings`, in the same order. */
  findings: string[];
}

/**
 * The language a JSON answer adds its sentences in (`?lang=zh`), or undefined when none is asked:
 * the report JSON itself always keeps the English with its keys and params.
 */
export function askedLang(url: string): Lang | undefined {
  const lang = new URL(url).searchParams.get("lang");
  return lang === "zh" || lang === "en" ? lang : undefined;
}

/** `texts` for an answer holding a report and/or findings, rendered from their catalog keys. */
export function localizedTexts(
  lang: Lang,
  report: Report | undefined,
  findings: readonly Finding[] = [],
): { texts: LocalizedTexts } {
  const reasons = Object.fromEntries((report?.requirements ?? []).map((r) => [r.id, reasonText(r, lang)]));
  return { texts: { lang, reasons, findings: findings.map((f) => findingText(f, lang)) } };
}
