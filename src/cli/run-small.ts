import { readFile } from "node:fs/promises";
import { ClaimcheckError } from "../model/errors.ts";
import { formatLocation } from "../model/finding.ts";
import { ReportSchema } from "../model/report.ts";
import { REPORT_FORMATS, REPORTERS, type ReportFormat } from "../render/reporters.ts";
import type { CommandResult } from "./cli.ts";
import { describeTemplate, template } from "./commands/template.ts";
import { renderTopics, topics } from "./commands/topics.ts";
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
  const list = await topics(id);
  process.stdout.write(
    raw.json === true
      ? `${JSON.stringify(id === undefined ? list : list[0], null, 2)}\n`
      : renderTopics(list, id !== undefined),
  );
  return { exitCode: EXIT.pass };
}

export async function runTemplate(kind: string): Promise<CommandResult> {
  process.stdout.write(template(kind));
  process.stderr.write(describeTemplate(kind));
  return { exitCode: EXIT.pass };
}

export async function runReport(path: string, raw: Record<string, unknown>): Promise<CommandResult> {
  const format = (raw.format ?? "md") as string;
  if (!REPORT_FORMATS.includes(format as ReportFormat)) {
    throw new ClaimcheckError("E_USAGE", `--format must be one of ${REPORT_FORMATS.join(", ")}.`);
  }
  const report = ReportSchema.safeParse(JSON.parse(await readText(path)));
  if (!report.success) {
    throw new ClaimcheckError(
      "E_INPUT",
      `${path} is not a claimcheck report (${report.error.issues[0]?.path.join(".")}: ${report.error.issues[0]?.message}); pass the report.json that verify wrote.`,
    );
  }
  const output = await REPORTERS[format as ReportFormat](report.data);
  process.stdout.write(output);
  return { exitCode: EXIT.pass };
}

// --- internal ---

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (cause) {
    throw new ClaimcheckError("E_IO", `Cannot read ${path}; check the path.`, { cause });
  }
}
