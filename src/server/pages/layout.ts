import type { Verdict } from "../../model/report.ts";
import type { Lang } from "../../render/i18n.ts";
import { html, raw, type SafeHtml } from "./html.ts";
import { type PageText, withLang } from "./page-text.ts";

/** What every page needs to know about the request: its language, its address and who is signed in. */
export interface PageContext {
  lang: Lang;
  t: PageText;
  /** Path and query of the page, for the language switch. */
  url: string;
  /** The signed-in role as a phrase ("program officer", "team X"), when a session is open. */
  who?: string;
}

export interface PageOptions {
  title: string;
  body: SafeHtml;
  /** Same-origin script paths; nothing is loaded from another host. */
  scripts?: string[];
}

/** The shell of every page: inline CSS, system fonts with CJK fallbacks, no external resources. */
export function renderPage(page: PageContext, { title, body, scripts = [] }: PageOptions): string {
  return `<!doctype html>\n${
    html`<html lang="${page.lang === "zh" ? "zh-CN" : "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · claimcheck</title>
<style>${raw(STYLE)}</style>
</head>
<body>
${renderHeader(page)}
<main>${body}</main>
${scripts.map((src) => html`<script src="${src}"></script>`)}
</body>
</html>`.value
  }\n`;
}

/** The top bar: brand, topics, upload, sign-in state and the language switch. */
export function renderHeader(page: PageContext): SafeHtml {
  const { t, lang } = page;
  const signin = withLang(`/signin?next=${encodeURIComponent(stripLang(page.url))}`, lang);
  return html`<header class="site"><a class="brand" href="${withLang("/topics", lang)}">claimcheck</a><nav>
<a href="${withLang("/topics", lang)}">${t("page.nav.topics")}</a>
<a href="${withLang("/", lang)}">${t("page.nav.upload")}</a>
<a href="${signin}" id="signin-link">${page.who === undefined ? t("page.nav.signin") : t("page.nav.signedIn", { who: page.who })}</a>
<a href="${switchLang(page.url, lang === "en" ? "zh" : "en")}" id="lang-switch" hreflang="${lang === "en" ? "zh-CN" : "en"}" title="${t("page.nav.langName")}">${t("page.nav.lang")}</a>
</nav></header>`;
}

export const VERDICT_COLOR: Record<Verdict, string> = {
  pass: "#1a7f37",
  fail: "#cf222e",
  inconclusive: "#9a6700",
  missing: "#6e7781",
  invalid: "#8250df",
  waived: "#0969da",
  reported: "#0550ae",
};

export function verdictBadge(verdict: Verdict, t: PageText): SafeHtml {
  return html`<span class="badge" style="background:${VERDICT_COLOR[verdict]}">${t(`page.verdict.${verdict}`)}</span>`;
}

/**
 * Text that may wrap after its separators (`/`, `-`, `_`, `:`, a `.` not inside a number) and nowhere else, so a long
 * requirement id or file name breaks into readable pieces on a phone instead of letter by letter.
 */
export function breakable(text: string): SafeHtml {
  return html`${text.split(/(?<=[/\-_:]|\.(?=\D))/).map((piece, i) => (i === 0 ? html`${piece}` : html`<wbr>${piece}`))}`;
}

/** A table that may be wider than a phone: it scrolls inside its box, and a caption says so. */
export function scrollBox(t: PageText, table: SafeHtml): SafeHtml {
  return html`<div class="scroll" role="region" tabindex="0"><p class="scroll-note">${t("page.scroll")}</p>${table}</div>`;
}

/** `2026-08-01 10:00` — a stored ISO time as the pages show it (UTC). */
export function formatTime(iso: string): string {
  return iso.slice(0, 16).replace("T", " ");
}

/** Content-Security-Policy for our own pages: same-origin scripts only, inline styles allowed. */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** The pages' stylesheet, also inlined into the report page for its top bar. */
export const PAGE_STYLE = `
header.site { display:flex; flex-wrap:wrap; gap:4px 20px; align-items:baseline; padding:10px 16px; border-bottom:1px solid #d1d9e0; background:#f6f8fa;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
header.site .brand { font-weight:700; color:#1f2328; text-decoration:none; font-size:17px; }
header.site nav { display:flex; flex-wrap:wrap; gap:2px 16px; min-width:0; }
header.site nav a { color:#0969da; text-decoration:none; overflow-wrap:anywhere; }
`;

// --- internal ---

function stripLang(url: string): string {
  const parsed = new URL(url, "http://page.invalid");
  parsed.searchParams.delete("lang");
  return `${parsed.pathname}${parsed.search}`;
}

function switchLang(url: string, lang: Lang): string {
  return withLang(stripLang(url), lang);
}

const STYLE = `${PAGE_STYLE}
:root { --fg:#1f2328; --muted:#59636e; --line:#d1d9e0; --bg:#f6f8fa; --accent:#0969da; --bad:#cf222e; }
* { box-sizing: border-box; }
body { margin:0; color:var(--fg); background:#fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
main { max-width:1080px; margin:0 auto; padding:20px 24px 48px; }
h1 { font-size:24px; margin:8px 0 16px; overflow-wrap:anywhere; } h2 { font-size:18px; margin:24px 0 8px; }
a { color:var(--accent); }
code { overflow-wrap:normal; }
.muted { color:var(--muted); }
.badge { display:inline-block; color:#fff; border-radius:4px; padding:1px 8px; font-weight:600; font-size:13px; white-space:nowrap; }
.badge.big { font-size:20px; padding:4px 14px; }
table { border-collapse:collapse; width:100%; margin:8px 0 16px; }
th, td { border:1px solid var(--line); padding:4px 8px; text-align:left; vertical-align:top; font-size:14px; }
th { background:var(--bg); font-weight:600; } th .muted { font-weight:400; }
label { display:block; font-weight:600; margin:12px 0 4px; }
input[type=password], input[type=text], select, textarea { font:inherit; padding:6px 8px; border:1px solid var(--line); border-radius:6px; width:100%; max-width:520px; }
button { font:inherit; padding:7px 18px; border-radius:6px; border:1px solid #1a7f37; background:#1f883d; color:#fff; font-weight:600; cursor:pointer; }
button.secondary { background:#fff; color:var(--fg); border-color:var(--line); padding:2px 10px; font-weight:400; }
#drop { border:2px dashed var(--line); border-radius:8px; padding:24px; text-align:center; color:var(--muted); margin:8px 0; }
#drop.over { border-color:var(--accent); background:#ddf4ff; }
#drop input[type=file] { max-width:100%; }
#requirements td:last-child { min-width:12em; }
#file-list select { width:auto; max-width:100%; }
.sheet { font: 13px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace; width:auto; }
.sheet th.rownum, .sheet td.rownum { background:var(--bg); color:var(--muted); text-align:right; }
.sheet td.bad { background:#ffebe9; outline:2px solid var(--bad); outline-offset:-2px; }
.sheet tr.badrow td { background:#fff8f7; }
.sheet tr.gap td { background:#fff; color:var(--muted); text-align:center; border-left:none; border-right:none; }
.error { color:var(--bad); }
.errors li { margin:2px 0; overflow-wrap:anywhere; }
.scroll { overflow-x:auto; max-width:100%; }
.scroll-note { display:none; margin:0 0 4px; color:var(--muted); font-size:13px; }
.cell .value { display:block; font-variant-numeric:tabular-nums; white-space:nowrap; }
.cell .bound { color:var(--muted); font-size:12px; white-space:nowrap; }
.nowrap { white-space:nowrap; }
ul.topics { list-style:none; padding:0; margin:0; }
li.topic { border-bottom:1px solid var(--line); padding:6px 0 10px; }
li.topic h2 { margin:6px 0 2px; font-size:17px; }
li.topic p { margin:0 0 4px; }
ul.teams { list-style:none; padding:0; margin:4px 0; display:flex; flex-wrap:wrap; gap:4px 18px; }
.metric-pick a, .metric-pick strong { display:inline-block; margin:0 12px 4px 0; }
.chart-figure { margin:8px 0; }
.chart-figure figcaption { font-weight:600; margin-bottom:6px; }
.chart { border:1px solid var(--line); border-radius:8px; background:#fff; width:100%; min-width:560px; max-width:760px; height:auto; display:block; }
.legend { list-style:none; padding:0; margin:6px 0; display:flex; flex-wrap:wrap; gap:4px 16px; font-size:13px; }
.legend span { display:inline-block; width:14px; height:3px; vertical-align:middle; margin-right:6px; }
@media (max-width: 700px) {
  main { padding:12px 12px 40px; }
  h1 { font-size:20px; }
  .scroll-note { display:block; }
  #drop { padding:16px 8px; }
  /* The chosen files become cards: the name on its own line, then size, role and remove. */
  #file-list thead { display:none; }
  #file-list tr { display:grid; grid-template-columns:auto 1fr auto; gap:4px 8px; align-items:center; border:1px solid var(--line); border-radius:6px; padding:4px; margin-bottom:6px; }
  #file-list td { border:none; padding:0 4px; }
  #file-list td:first-child { grid-column:1 / -1; font-weight:600; }
  #file-list select { width:100%; }
  /* The verdict's requirement rows become cards: id and title, then verdict and value, then the reason. */
  #requirements thead { display:none; }
  #requirements tr { display:grid; grid-template-columns:auto 1fr; gap:4px 10px; align-items:center; border:1px solid var(--line); border-radius:6px; padding:6px 4px; margin-bottom:8px; }
  #requirements td { border:none; padding:0 4px; }
  #requirements td:first-child, #requirements td:last-child { grid-column:1 / -1; min-width:0; overflow-wrap:anywhere; }
}
`;
