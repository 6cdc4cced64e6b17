// The server's pages escape with the same tagged template as the HTML report: one escaping rule for
// everything claimcheck renders.
import { escapeHtml, h, Markup } from "../../render/html-escape.ts";

export { escapeHtml, h as html, Markup as SafeHtml };

/** Inserts trusted markup (e.g. a reporter's own HTML) without escaping. */
export function raw(markup: string): Markup {
  return new Markup(markup);
}
