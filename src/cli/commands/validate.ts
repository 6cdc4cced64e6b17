import { resolve } from "node:path";
import type { Finding } from "../../model/finding.ts";
import { readVerifiedInput } from "./read-input.ts";

export interface ValidateOptions {
  file: string;
  /** Format id; detected from the content when absent. */
  format?: string;
}

export interface ValidateResult {
  path: string;
  format: string;
  format_source: "declared" | "detected";
  kind: string;
  rows: number;
  valid: boolean;
  findings: Finding[];
}

/** Parses one file and runs the schema and plausibility checks; `valid` is false on any error finding. */
export async function validate(options: ValidateOptions): Promise<ValidateResult> {
  const input = await readVerifiedInput("candidate", resolve(options.file), options.file, options.format);
  return {
    path: input.path,
    format: input.format,
    format_source: input.format_source,
    kind: input.parsed.kind,
    rows: input.rows,
    valid: !input.parsed.findings.some((f) => f.severity === "error"),
    findings: input.parsed.findings,
  };
}
