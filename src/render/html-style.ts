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
tr, tbody.requirement, figure, .glance li, .banner { break-inside: avoid; page-break-inside: avoid; }
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
figcaption { font-size: 12px; color: #555; }
.sev-error { color: var(--fail); font-weight: 700; } .sev-warning { color: var(--inconclusive); font-weight: 700; }
.sign { margin-top: 28px; border-top: 1px solid #999; padding-top: 6px; color: #555; min-height: 40px; }
@page { size: A4; margin: 14mm 12mm; }
/* A phone: the five requirement columns fit 390 px only when the short no-wrap pieces may wrap. */
@media (max-width: 560px) { table.requirements .prov, table.requirements .nowrap { white-space: normal; } table.requirements th, table.requirements td { padding: 4px 3px; } }
@media print { body { max-width: none; padding: 0; } h2 { margin-top: 16px; } a { color: inherit; text-decoration: none; } }
`;
