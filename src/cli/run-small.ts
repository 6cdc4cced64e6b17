import { formatLocation } from "../model/create-finding.ts";
import type { CommandResult } from "./cli.ts";
import { validate } from "./commands/validate.ts";
import { EXIT } from "./exit-codes.ts";

export async function runValidate(file: string, raw: Record<string, unknown>): Promise<CommandResult> {
  const result = await validate({ file, ...(typeof raw.format === "string" ? { format: raw.format } : {}) });
  if (raw.json === true) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  process.stderr.write(
    `${result.path}: ${result.format} (${result.format_source}), ${result.rows} rows, ${result.valid ? "valid" : "INVALID"}\n`,
  );
  for (const f of result.findings) {
    process.stderr.write(
      `  ${f.severity} ${f.code}${f.location === undefined ? "" : ` ${formatLocation(f.location)}`}: ${f.message}\n`,
    );
  }
  return { exitCode: result.valid ? EXIT.pass : EXIT.invalid };
}

export async function runTopics(
  id: string | undefined,
  raw: Record<string, unknown>,
): Promise<CommandResult> {
  // Each command imports what only it needs, so `validate` does not load the topic catalog's YAML.
  const { describeTopic, renderTopics, topics } = await import("./commands/topics.ts");
  const list = await topics(id);
  process.stdout.write(
    raw.json === true
      ? `${JSON.stringify(id === undefined ? list : describeTopic(list[0] as (typeof list)[number]), null, 2)}\n`
      : renderTopics(list, id !== undefined),
  );
  return { exitCode: EXIT.pass };
}

export async function runTemplate(kind: string): Promise<CommandResult> {
  const { describeTemplate, template } = await import("./commands/template.ts");
  process.stdout.write(template(kind));
  process.stderr.write(describeTemplate(kind));
  return { exitCode: EXIT.pass };
}

export async function runReport(path: string, raw: Record<string, unknown>): Promise<CommandResult> {
  // The reporters (HTML, charts) load only here, so `validate` and `topics` start fast.
  const { readReport, renderFormat, withBaselineReport, writeCharts } = await import("./write-report.ts");
  const { parseCliOptions, ReportCliSchema } = await import("./options.ts");
  const options = parseCliOptions(ReportCliSchema, raw);
  const report = await withBaselineReport(await readReport(path), options.baselineReport);
  if (options.charts !== undefined) await writeCharts(report, options.charts, options.lang);
  if (options.annotateDoc !== undefined) {
    const done = await (await import("./commands/annotate-doc.ts")).annotateDoc(report, options.annotateDoc);
    process.stderr.write(
      `annotated document written to ${done.path} (${done.annotated} marks; ${done.unmatched} not in the report)\n`,
    );
    // The copy is the output asked for; a report on stdout only when a format was asked for too.
    if (raw.format === undefined) return { exitCode: EXIT.pass };
  }
  const output = await renderFormat(report, options.format, {
    lang: options.lang,
    ...(options.root === undefined ? {} : { root: options.root }),
    ...(options.charts === undefined ? {} : { chartsDir: options.charts }),
  });
  process.stdout.write(output);
  return { exitCode: EXIT.pass };
}
