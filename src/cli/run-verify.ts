import { dirname, join, relative } from "node:path";
import { ClaimcheckError } from "../model/errors.ts";
import { renderSummary } from "../render/summary.ts";
import type { CommandResult } from "./cli.ts";
import { verify } from "./commands/verify.ts";
import { exitCodeForVerdict } from "./exit-codes.ts";
import { parseCliOptions, VerifyCliSchema } from "./options.ts";
import {
  checkOutDirectory,
  renderFormat,
  withBaselineReport,
  writeCharts,
  writeReports,
} from "./write-report.ts";

/** `claimcheck verify`: the shell around `verify()` — options in, files and exit code out. */
export async function runVerify(raw: Record<string, unknown>): Promise<CommandResult> {
  const options = parseCliOptions(VerifyCliSchema, raw);
  if (options.charts && options.out === undefined) {
    throw new ClaimcheckError("E_USAGE", "--charts writes PNG files next to the report: add --out <dir>.");
  }
  if (options.out !== undefined) await checkOutDirectory(options.out);
  const files = pickDefined({
    candidate: options.candidate,
    baseline: options.baseline,
    memory: options.memory,
    qrels: options.qrels,
  });
  const formats = pickDefined({ candidate: options.candidateFormat, baseline: options.baselineFormat });
  const verified = await verify({
    ...pickDefined({
      manifest: options.manifest,
      topic: options.topic,
      confidence: options.confidence,
      seed: options.seed,
    }),
    system: pickDefined({ link: options.link, in_network_reduction: options.inNetworkReduction }),
    files,
    formats,
    ...(options.only === undefined ? {} : { only: options.only }),
    ...(options.claimsFrom === undefined ? {} : { claimsFrom: options.claimsFrom }),
  });
  const report = await withBaselineReport(verified, options.baselineReport);
  process.stderr.write(renderSummary(report, options.lang));
  const render = {
    lang: options.lang,
    // Annotation paths are relative to the repository root: the manifest's folder from here.
    root: options.manifest === undefined ? "" : relative(process.cwd(), dirname(options.manifest)),
    ...(options.charts ? { chartsDir: "charts" } : {}),
  };
  if (options.out !== undefined) {
    if (options.charts) await writeCharts(report, join(options.out, "charts"), options.lang);
    await writeReports(report, options.out, render);
  }
  if (options.format !== undefined) process.stdout.write(await renderFormat(report, options.format, render));
  return { exitCode: exitCodeForVerdict(report.verdict, options.strict) };
}

// --- internal ---

function pickDefined<T extends Record<string, unknown>>(
  record: T,
): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
