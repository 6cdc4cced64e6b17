/** The report's only stylesheet: system fonts with a CJK fallback, A4 print rules, verdict colours. */
export const REPORT_CSS = `
:root { --pass: #1e7b34; --fail: #b42318; --inconclusive: #a15c07; --missing: #5f6670; --invalid: #6b21a8; --waived: #475569; --reported: #0f5e9c; --line: #d5d9e0; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 210mm; padding: 16px 20px 40px; color: #1a1d21; background: #fff; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
h1 { font-size: 22px; margin: 0 0 2px; }
h2 { font-size: 17px; margin: 22px 0 8px; padding-bottom: 3px; border-bottom: 2px solid var(--line); break-after: avoid; }
.subtitle { color: #555; margin: 0 0 12px; }
code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: 12px; }
.hash { word-break: break-all; }
table { width: 100%; border-collapse: collapse; margin: 4px 0 8px; }
th, td { text-align: left; vertical-align: top; padding: 5px 6px; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
th { background: #f3f4f6; font-weight: 600; font-size: 13px; }
/* Rows, figures and sign-off lines stay whole; sections may break, so no page is left half empty. */
tr, figure, .glance li, .banner, .sign-party { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0; }
dl.facts dt { color: #555; } dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.badge { display: inline-block; padding: 1px 7px; border-radius: 4px; color: #fff; font-weight: 700; font-size: 12px; white-space: nowrap; }
.banner { display: flex; align-items: center; gap: 14px; padding: 12px 16px; border-radius: 8px; color: #fff; margin: 10px 0 6px; }
.banner .big { font-size: 26px; font-weight: 800; letter-spacing: 0.5px; }
.pass { background: var(--pass); } .fail { background: var(--fail); } .inconclusive { background: var(--inconclusive); }
.missing { background: var(--missing); } .invalid { background: var(--invalid); } .waived { background: var(--waived); } .reported { background: var(--reported); }
tr.row-fail td:first-child, tr.row-invalid td:first-child { border-left: 4px solid var(--fail); }
tr.row-inconclusive td:first-child, tr.row-missing td:first-child { border-left: 4px solid var(--inconclusive); }
tr.detail td { border-bottom: 1px solid var(--line); background: #fafafa; font-size: 13px; color: #333; }
.glance { margin: 6px 0; padding-left: 18px; }
.glance li { margin: 3px 0; }
.prov { font-size: 11px; color: #555; border: 1px solid var(--line); border-radius: 3px; padding: 0 4px; white-space: nowrap; }
.mismatch { color: var(--fail); font-weight: 700; }
.muted { color: #666; }
.nowrap, .num, .badge { white-space: nowrap; } .num { text-align: right; }
.loc { min-width: 9em; }
table.requirements th:nth-child(1) { width: 36%; } table.requirements th:nth-child(2) { width: 22%; }
table.requirements th:nth-child(3) { width: 17%; } table.requirements th:nth-child(4) { width: 12%; }
figure { margin: 10px 0 16px; }
figure img { width: 100%; max-width: 720px; height: auto; border: 1px solid var(--line); }
figcaption { font-size: 12px; color: #555; max-width: 720px; }
.chart-note { display: block; margin-top: 3px; color: #444; }
.sev-error { color: var(--fail); font-weight: 700; } .sev-warning { color: var(--inconclusive); font-weight: 700; }
.sign { margin-top: 28px; break-before: auto; }
.sign-grid { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; }
.sign-party h3 { font-size: 14px; margin: 0 0 6px; }
.sign-line { border-bottom: 1px solid #999; height: 34px; display: flex; align-items: flex-end; color: #555; font-size: 12px; }
.first { border: 2px solid var(--invalid); border-radius: 8px; padding: 4px 12px 6px; margin: 8px 0; }
.first h2 { border: 0; margin-top: 6px; }
.first ul { margin: 4px 0; padding-left: 18px; }
.glance a { color: inherit; }
@page { size: A4; margin: 14mm 12mm; }
/* A phone: the five requirement columns fit 390 px only when the short no-wrap pieces may wrap. */
/* A phone: every table of rows becomes stacked cards, each cell headed by its column's name. */
@media (max-width: 560px) {
  body { padding: 10px 10px 30px; }
  .banner { flex-wrap: wrap; gap: 4px 12px; }
  table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; width: 100%; }
  table.cards thead { display: none; }
  table.cards tr { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 8px; padding: 4px 8px; }
  table.cards tbody.requirement { margin: 0 0 12px; }
  table.cards tbody.requirement tr { margin: 0; border-radius: 0; }
  table.cards tbody.requirement tr:first-child { border-radius: 6px 6px 0 0; }
  table.cards tbody.requirement tr.detail { border-top: 0; border-radius: 0 0 6px 6px; }
  table.cards td { border: 0; padding: 2px 0; }
  /* Target, measured, claimed and verdict side by side in two columns under the requirement's title. */
  table.cards tbody.requirement tr:not(.detail) { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 2px 12px; }
  table.cards tbody.requirement tr:not(.detail) > td:first-child { grid-column: 1 / -1; }
  table.cards td[data-label]::before { content: attr(data-label); display: block; font-size: 11px; color: #666; }
  table.cards td.empty { display: none; }
  table.cards .nowrap { white-space: normal; }
  /* The target source is one box: on its own line when it does not fit beside the target, never split. */
  table.cards .prov { white-space: normal; display: inline-block; }
  tr.row-fail td:first-child, tr.row-invalid td:first-child, tr.row-inconclusive td:first-child, tr.row-missing td:first-child { border-left: 0; }
  table.cards tr.row-fail, table.cards tr.row-invalid { border-left: 4px solid var(--fail); }
  table.cards tr.row-inconclusive, table.cards tr.row-missing { border-left: 4px solid var(--inconclusive); }
  .sign-grid { grid-template-columns: 1fr; }
  dl.facts { grid-template-columns: minmax(0, max-content) minmax(0, 1fr); }
}
@media print { body { max-width: none; padding: 0; } h2 { margin-top: 16px; } a { color: inherit; text-decoration: none; }
  /* Three charts to an A4 page instead of two and a third of a page left blank; labels stay about 7 pt. */
  figure { margin: 6px 0 10px; } figure img { max-width: 540px; } }
`;
