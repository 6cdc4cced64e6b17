import type { Verdict } from "../../model/report.ts";
import { html, raw, type SafeHtml } from "./html.ts";

export interface PageOptions {
  title: string;
  body: SafeHtml;
  /** Same-origin script paths; nothing is loaded from another host. */
  scripts?: string[];
}

/** The shell of every page: inline CSS, system fonts with CJK fallbacks, no external resources. */
export function renderPage({ title, body, scripts = [] }: PageOptions): string {
  return `<!doctype html>\n${
    html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · claimcheck</title>
<style>${raw(STYLE)}</style>
</head>
<body>
<header><a class="brand" href="/">claimcheck</a><nav><a href="/">Upload 上传</a><a href="/api/topics">Topics API</a><a href="/openapi.json">OpenAPI</a></nav></header>
<main>${body}</main>
${scripts.map((src) => html`<script src="${src}"></script>`)}
</body>
</html>`.value
  }\n`;
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

export function verdictBadge(verdict: Verdict): SafeHtml {
  return html`<span class="badge" style="background:${VERDICT_COLOR[verdict]}">${verdict}</span>`;
}

/** Content-Security-Policy for our own pages: same-origin scripts only, inline styles allowed. */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

// --- internal ---

const STYLE = `
:root { --fg:#1f2328; --muted:#59636e; --line:#d1d9e0; --bg:#f6f8fa; --accent:#0969da; --bad:#cf222e; }
* { box-sizing: border-box; }
body { margin:0; color:var(--fg); background:#fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
header { display:flex; gap:24px; align-items:center; padding:10px 24px; border-bottom:1px solid var(--line); background:var(--bg); }
header .brand { font-weight:700; color:var(--fg); text-decoration:none; font-size:17px; }
nav a { margin-right:16px; color:var(--accent); text-decoration:none; }
main { max-width:1080px; margin:0 auto; padding:20px 24px 48px; }
h1 { font-size:24px; margin:8px 0 16px; } h2 { font-size:18px; margin:24px 0 8px; }
.muted { color:var(--muted); }
.badge { display:inline-block; color:#fff; border-radius:4px; padding:1px 8px; font-weight:600; font-size:13px; }
.badge.big { font-size:20px; padding:4px 14px; }
table { border-collapse:collapse; width:100%; margin:8px 0 16px; }
th, td { border:1px solid var(--line); padding:4px 8px; text-align:left; vertical-align:top; font-size:14px; }
th { background:var(--bg); font-weight:600; }
label { display:block; font-weight:600; margin:12px 0 4px; }
input[type=password], input[type=text], select { font:inherit; padding:6px 8px; border:1px solid var(--line); border-radius:6px; min-width:320px; }
button { font:inherit; padding:7px 18px; border-radius:6px; border:1px solid #1a7f37; background:#1f883d; color:#fff; font-weight:600; cursor:pointer; }
button.secondary { background:#fff; color:var(--fg); border-color:var(--line); padding:2px 10px; font-weight:400; }
#drop { border:2px dashed var(--line); border-radius:8px; padding:24px; text-align:center; color:var(--muted); margin:8px 0; }
#drop.over { border-color:var(--accent); background:#ddf4ff; }
.sheet { font: 13px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace; width:auto; }
.sheet th.rownum, .sheet td.rownum { background:var(--bg); color:var(--muted); text-align:right; }
.sheet td.bad { background:#ffebe9; outline:2px solid var(--bad); outline-offset:-2px; }
.sheet tr.badrow td { background:#fff8f7; }
.sheet tr.gap td { background:#fff; color:var(--muted); text-align:center; border-left:none; border-right:none; }
.error { color:var(--bad); }
.errors li { margin:2px 0; }
.scroll { overflow-x:auto; }
.chart-figure { margin:8px 0; }
.chart-figure figcaption { font-weight:600; margin-bottom:6px; }
.chart { border:1px solid var(--line); border-radius:8px; background:#fff; max-width:100%; height:auto; }
`;
