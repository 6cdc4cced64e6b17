import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { compareReports } from "../judge/compare-reports.ts";
import { ClaimcheckError } from "../model/errors.ts";
import { type Report, ReportSchema } from "../model/report.ts";
import type { Lang } from "../render/i18n.ts";
import { chartFileName } from "../render/markdown.ts";
import { REPORTERS, type RenderOptions, type ReportFormat } from "../render/reporters.ts";

/** The files `--out` writes, by format. */
export const OUT_FILES: Array<[ReportFormat, string]> = [
  ["json", "report.json"],
  ["md", "report.md"],
  ["html", "report.html"],
  ["junit", "junit.xml"],
];

/** Renders one format as text (every reporter returns text today; bytes are decoded as UTF-8). */
export async function renderFormat(
  report: Report,
  format: ReportFormat,
  options: RenderOptions,
): Promise<string> {
  const out = await (
    REPORTERS[format] as (r: Report, o: RenderOptions) => string | Uint8Array | Promise<string | Uint8Array>
  )(report, options);
  return typeof out === "string" ? out : new TextDecoder().decode(out);
}

/**
 * `--out` names a directory, existing or to be made. A file in its place is a usage error (exit 3)
 * that says so, checked before verification so nobody waits for a run that cannot be written.
 */
export async function checkOutDirectory(dir: string): Promise<void> {
  const usage = `--out takes a directory (claimcheck writes ${OUT_FILES.map(([, name]) => name).join(", ")} into it)`;
  try {
    if ((await stat(dir)).isDirectory()) return;
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return;
    if (code === "ENOTDIR")
      throw new ClaimcheckError("E_USAGE", `${usage}, but part of ${dir} is a file; pass a directory path.`);
    throw new ClaimcheckError(
      "E_IO",
      `Cannot use ${dir} for --out (${code}); check the path and its permissions.`,
      {
        cause,
      },
    );
  }
  throw new ClaimcheckError(
    "E_USAGE",
    `${usage}, but ${dir} is a file; pass a directory instead, e.g. --out reports/ (it is created when missing).`,
  );
}

/** Writes the `OUT_FILES` into `dir` and logs each path on stderr. */
export async function writeReports(report: Report, dir: string, options: RenderOptions): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [format, name] of OUT_FILES) {
    await writeFile(join(dir, name), await renderFormat(report, format, options));
    process.stderr.write(`${format} report written to ${join(dir, name)}\n`);
  }
}

/** Writes every chart of the report as a PNG into `dir` (chart.js loads only here). */
export async function writeCharts(report: Report, dir: string, lang: Lang): Promise<void> {
  const charts = report.charts ?? [];
  if (charts.length === 0) return;
  const { renderChartPng } = await import("../render/charts/png.ts");
  await mkdir(dir, { recursive: true });
  for (const chart of charts) {
    await writeFile(join(dir, chartFileName(chart.id)), renderChartPng(chart, { lang }));
  }
  process.stderr.write(`${charts.length} png charts written to ${dir}\n`);
}

/** Reads a report.json that verify wrote; `E_INPUT` when it is not one. */
export async function readReport(path: string): Promise<Report> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    throw new ClaimcheckError("E_IO", `Cannot read ${path}; check the path.`, { cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new ClaimcheckError("E_INPUT", `${path} is not JSON; pass the report.json that verify wrote.`, {
      cause,
    });
  }
  const report = ReportSchema.safeParse(json);
  if (!report.success) {
    throw new ClaimcheckError(
      "E_INPUT",
      `${path} is not a claimcheck report (${report.error.issues[0]?.path.join(".")}: ${report.error.issues[0]?.message}); pass the report.json that verify wrote.`,
    );
  }
  return report.data;
}

/** The report with `diff` set against a previous report, when `--baseline-report` names one. */
export async function withBaselineReport(report: Report, previous: string | undefined): Promise<Report> {
  return previous === undefined
    ? report
    : { ...report, diff: compareReports(await readReport(previous), report) };
}
