import { createFinding } from "../../model/create-finding.ts";
import type { Finding } from "../../model/finding.ts";
import { editDistance } from "./edit-distance.ts";

/** One column of a canonical CSV kind, as `claimcheck template` prints it and the parser checks it. */
export interface ColumnSpec {
  name: string;
  required: boolean;
  unit: string;
  description: string;
}

/**
 * Maps header names to column indexes and reports required columns that are absent (`findings`,
 * errors) and columns the kind does not have (`unknown`, warnings kept apart because readers skip
 * the rows of a header with findings). `alsoKnown` lists names a reader accepts besides the specs.
 */
export function resolveColumns(
  header: string[],
  specs: readonly ColumnSpec[],
  path: string,
  alsoKnown: readonly string[] = [],
): { index: Map<string, number>; findings: Finding[]; unknown: Finding[] } {
  const index = new Map<string, number>();
  const findings: Finding[] = [];
  header.forEach((name, i) => {
    const key = name.trim().toLowerCase();
    if (index.has(key)) {
      findings.push(
        createFinding(
          "CSV_DUPLICATE_COLUMN",
          "error",
          `Column "${key}" appears twice; keep one of them.`,
          {
            path,
            line: 1,
            column: key,
          },
          { key },
        ),
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
          { variant: "column_spec_1", name: spec.name, description: spec.description },
        ),
      );
    }
  }
  const known = [...specs.map((s) => s.name), ...alsoKnown];
  const unknown = [...index.keys()]
    .filter((key) => key !== "" && !known.includes(key))
    .map((key) => unknownColumn(key, specs, path));
  return { index, findings, unknown };
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
        const more = createFinding(
          code,
          first?.severity ?? "error",
          `${count - this.#limit} more rows have the same problem (${count} in all); only the first ${this.#limit} are listed.`,
          { path },
          { more: count - this.#limit, count, limit: this.#limit },
        );
        // The sentence is the same for every code, so it has its own catalog key.
        out.push({ ...more, message_key: "finding.more_rows" });
      }
    }
    return out;
  }
}

// --- internal ---

/**
 * A column the kind does not read is ignored, which hides a misspelt one ("ttft" for "ttft_ms")
 * behind a missing-column error or a silently absent optional column: name the closest known one.
 */
function unknownColumn(key: string, specs: readonly ColumnSpec[], path: string): Finding {
  const closest = specs.reduce((best, spec) =>
    editDistance(key, spec.name) < editDistance(key, best.name) ? spec : best,
  );
  return createFinding(
    "CSV_UNKNOWN_COLUMN",
    "warning",
    `Column "${key}" is not a column of this kind and is ignored; the closest known column is "${closest.name}" (${closest.description}). Rename it if that is what it holds, or drop it (\`claimcheck template\` prints the header).`,
    { path, line: 1, column: key },
    { key, name: closest.name, description: closest.description },
  );
}
