import { createFinding } from "../model/create-finding.ts";
import type { Finding } from "../model/finding.ts";

/** One column of a canonical CSV kind, as `claimcheck template` prints it and the parser checks it. */
export interface ColumnSpec {
  name: string;
  required: boolean;
  unit: string;
  description: string;
}

/** Maps header names to column indexes and reports required columns that are absent. */
export function resolveColumns(
  header: string[],
  specs: readonly ColumnSpec[],
  path: string,
): { index: Map<string, number>; findings: Finding[] } {
  const index = new Map<string, number>();
  const findings: Finding[] = [];
  header.forEach((name, i) => {
    const key = name.trim().toLowerCase();
    if (index.has(key)) {
      findings.push(
        createFinding("CSV_DUPLICATE_COLUMN", "error", `Column "${key}" appears twice; keep one of them.`, {
          path,
          line: 1,
          column: key,
        }),
      );
      return;
    }
    index.set(key, i);
  });
  for (const spec of specs) {
    if (spec.required && !index.has(spec.name)) {
      findings.push(
        createFinding(
          "CSV_MISSING_COLUMN",
          "error",
          `Required column "${spec.name}" (${spec.description}) is missing from the header; add it (\`claimcheck template\` prints the full header).`,
          { path, line: 1, column: spec.name },
        ),
      );
    }
  }
  return { index, findings };
}

/** Collects findings of one code up to a limit, then counts the rest, so a broken million-row file stays readable. */
export class FindingCollector {
  readonly findings: Finding[] = [];
  #counts = new Map<string, number>();
  #limit: number;

  constructor(limit = 20) {
    this.#limit = limit;
  }

  add(finding: Finding): void {
    const count = (this.#counts.get(finding.code) ?? 0) + 1;
    this.#counts.set(finding.code, count);
    if (count <= this.#limit) this.findings.push(finding);
  }

  /** The findings, plus one summary finding per code that went over the limit. */
  finish(path: string): Finding[] {
    const out = [...this.findings];
    for (const [code, count] of this.#counts) {
      if (count > this.#limit) {
        const first = this.findings.find((f) => f.code === code);
        out.push(
          createFinding(
            code,
            first?.severity ?? "error",
            `${count - this.#limit} more rows have the same problem (${count} in all); only the first ${this.#limit} are listed.`,
            { path },
          ),
        );
      }
    }
    return out;
  }
}
