import type { Finding } from "../model/finding.ts";
import type { ChartText } from "../model/report.ts";

/**
 * The lines of a file that carry an error finding, and whether some error points at no line (a
 * whole-file problem). Charts leave those rows out: an invalid row must not draw the picture (a
 * hand-typed 99 999 ms TTFT would stretch every axis) when it was not allowed to decide a verdict.
 */
export interface ErrorRows {
  lines: Set<number>;
  wholeFile: boolean;
}

export function computeErrorRows(findings: Finding[], path: string): ErrorRows {
  const lines = new Set<number>();
  let wholeFile = false;
  for (const finding of findings) {
    if (finding.severity !== "error" || (finding.location !== undefined && finding.location.path !== path))
      continue;
    const line = finding.location?.line;
    if (line === undefined) wholeFile = true;
    else lines.add(line);
  }
  return { lines, wholeFile };
}

/**
 * The role as catalog params: `candidate-llama3b` → role `candidate`, part `llama3b`; the GPU
 * timelines `memory` and `baseline-memory` are the candidate's and the baseline's.
 */
export function computeRoleText(given: string, extra: Record<string, string | number> = {}): ChartText {
  const role = MEMORY_ROLES[given] ?? given;
  const match = /^(candidate|baseline)-(.+)$/.exec(role);
  if (match !== null)
    return { key: "chart.series.role_part", params: { role: match[1] as string, part: match[2] as string } };
  const key =
    "ranks" in extra
      ? "chart.series.role_ranks"
      : "gpu" in extra
        ? "chart.series.role_gpu"
        : "chart.series.role";
  return { key, params: { role, ...extra } };
}

const MEMORY_ROLES: Record<string, string> = { memory: "candidate", "baseline-memory": "baseline" };

/** Four significant digits, whole units from 1000 up (11 391 ms, not 11 390): what a chart label needs. */
export function roundLabel(value: number): number {
  return Math.abs(value) >= 1000 ? Math.round(value) : Number(value.toPrecision(4));
}
