import type { Verdict } from "../model/report.ts";
import { h, type Markup } from "./html-escape.ts";
import { type Lang, UI_TEXT, VERDICT_TEXT } from "./i18n.ts";

/** Plain symbols, not emoji: they print in every font, and the text label carries the meaning anyway. */
export const VERDICT_SYMBOL: Record<Verdict, string> = {
  pass: "✓",
  fail: "✗",
  inconclusive: "?",
  missing: "○",
  invalid: "⊘",
  waived: "–",
  reported: "#",
};

export function renderBadge(verdict: Verdict, lang: Lang): Markup {
  return h`<span class="badge ${verdict}">${VERDICT_SYMBOL[verdict]} ${VERDICT_TEXT[verdict][lang]}</span>`;
}

/** The HTML report's headings in one language. */
export function uiText(lang: Lang): Record<keyof typeof UI_TEXT, string> {
  return Object.fromEntries(Object.entries(UI_TEXT).map(([k, v]) => [k, v[lang]])) as Record<
    keyof typeof UI_TEXT,
    string
  >;
}
