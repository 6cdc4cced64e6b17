import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { renderJson } from "../render/json.ts";
import { renderMarkdown } from "../render/markdown.ts";
import { renderSummary } from "../render/summary.ts";
import type { CommandResult } from "./cli.ts";
import { verify } from "./commands/verify.ts";
import { exitCodeForVerdict } from "./exit-codes.ts";
import { parseCliOptions, VerifyCliSchema } from "./options.ts";

/** `claimcheck verify`: the shell around `verify()` — options in, files and exit code out. */
export async function runVerify(raw: Record<string, unknown>): Promise<CommandResult> {
  const options = parseCliOptions(VerifyCliSchema, raw);
  const files = pickDefined({
    candidate: options.candidate,
    baseline: options.baseline,
    memory: options.memory,
    qrels: options.qrels,
  });
  const formats = pickDefined({ candidate: options.candidateFormat, baseline: options.baselineFormat });
  const report = await verify({
    ...pickDefined({
      manifest: options.manifest,
      topic: options.topic,
      confidence: options.confidence,
      seed: options.seed,
    }),
    files,
    formats,
    ...(options.only === undefined ? {} : { only: options.only }),
  });
  process.stderr.write(renderSummary(report));
  if (options.out !== undefined) {
    await mkdir(options.out, { recursive: true });
    await writeFile(join(options.out, "report.json"), renderJson(report));
    await writeFile(join(options.out, "report.md"), renderMarkdown(report));
    process.stderr.write(
      `json report written to ${join(options.out, "report.json")}\nmd report written to ${join(options.out, "report.md")}\n`,
    );
  }
  if (options.format === "json") process.stdout.write(renderJson(report));
  if (options.format === "md") process.stdout.write(renderMarkdown(report));
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
