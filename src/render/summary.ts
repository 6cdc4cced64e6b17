import type { Report } from "../model/report.ts";
import {
  formatMeasured,
  formatPart,
  formatPartMeasured,
  formatTarget,
  listFindings,
} from "./text-helpers.ts";

/** The few lines a person reads on stderr after `verify`. */
export function renderSummary(report: Report): string {
  const width = Math.max(...report.requirements.map((r) => r.id.length), 10);
  const rows = report.requirements.map((r) =>
    [
      `  ${r.verdict.padEnd(12)} ${r.id.padEnd(width)}  ${formatTarget(r).padEnd(22)} ${formatMeasured(r)}`,
      ...(r.parts ?? []).map(
        (p) => `    ${p.verdict.padEnd(12)} ↳ ${formatPart(p)}: ${formatPartMeasured(r, p)}`,
      ),
      `  ${"".padEnd(12)} ${r.reason}`,
    ].join("\n"),
  );
  const findings = listFindings(report)
    .slice(0, 10)
    .map((f) => `  ${f.severity} ${f.code}${f.where === "" ? "" : ` ${f.where}`}: ${f.message}`);
  const more = listFindings(report).length - findings.length;
  return [
    `claimcheck: topic ${report.submission.topic}, team ${report.submission.team}: ${report.verdict.toUpperCase()}`,
    ...report.inputs.map(
      (i) => `  input ${i.role}: ${i.path} (${i.format}, ${i.format_source}; ${i.rows} rows)`,
    ),
    ...rows,
    ...(findings.length === 0 ? [] : ["findings:", ...findings]),
    ...(more > 0 ? [`  … and ${more} more (see the report)`] : []),
    "",
  ].join("\n");
}
