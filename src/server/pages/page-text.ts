import { IntlMessageFormat } from "intl-messageformat";
import { messages } from "../../render/catalog/server.ts";
import type { Lang } from "../../render/i18n.ts";

/** Formats one page sentence of the catalog in the page's language. */
export type PageText = (id: string, params?: Record<string, string | number>) => string;

/** The sentences of `src/render/catalog/server.ts` in `lang`; an id the catalog lacks is a bug, so it throws. */
export function pageText(lang: Lang): PageText {
  return (id, params) => {
    const key = `${lang}\u0000${id}`;
    let format = FORMATS.get(key);
    if (format === undefined) {
      const entry = messages[id];
      if (entry === undefined) throw new Error(`The page catalog has no message "${id}".`);
      // Tags stay text: a message may name an HTML element or a `<placeholder>` of a command line.
      format = new IntlMessageFormat(entry[lang], LOCALE[lang], undefined, { ignoreTag: true });
      FORMATS.set(key, format);
    }
    return String(format.format(params));
  };
}

/**
 * The page's language: `?lang=en|zh` when given (the switch's links carry it), else the browser's first
 * preference when it is Chinese, else English.
 */
export function pickLang(url: string, acceptLanguage: string | null): Lang {
  const asked = new URL(url).searchParams.get("lang");
  if (asked === "en" || asked === "zh") return asked;
  const first = (acceptLanguage ?? "").split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("zh") ? "zh" : "en";
}

/** `path` with `lang=<lang>` added to its query, so a link keeps the page's language. */
export function withLang(path: string, lang: Lang): string {
  return `${path}${path.includes("?") ? "&" : "?"}lang=${lang}`;
}

// --- internal ---

const LOCALE: Record<Lang, string> = { en: "en", zh: "zh-CN" };

const FORMATS = new Map<string, IntlMessageFormat>();
