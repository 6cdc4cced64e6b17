import { IntlMessageFormat } from "intl-messageformat";
import type { ChartText } from "../../model/report.ts";
import { messages } from "../catalog/charts.ts";
import type { Lang } from "../i18n.ts";

/**
 * A chart sentence in one language, from its catalog key and params. ICU MessageFormat (through
 * intl-messageformat) because chart text needs plurals ("1 row" / "3 rows") and `select` on a role
 * or verdict; compiled messages are cached, a chart draws the same few many times.
 * A key the catalog does not know, or params that do not fit it (a report from another version),
 * render as `fallback`.
 */
export function formatChartText(text: ChartText, lang: Lang, fallback = text.key): string {
  const entry = messages[text.key];
  if (entry === undefined) return fallback;
  const cacheKey = `${lang}\u0000${text.key}`;
  let format = COMPILED.get(cacheKey);
  if (format === undefined) {
    format = new IntlMessageFormat(entry[lang], LOCALES[lang]);
    COMPILED.set(cacheKey, format);
  }
  try {
    return String(format.format(text.params ?? {}));
  } catch {
    // A report whose params do not fit the message (written by another version): its own text, not a crash.
    return fallback;
  }
}

// --- internal ---

const LOCALES: Record<Lang, string> = { en: "en", zh: "zh-CN" };
const COMPILED = new Map<string, IntlMessageFormat>();
