import type { Report, ReportDiff } from "../model/report.ts";

/**
 * What changed between a previous report and this one: the submission verdict, each requirement's
 * verdict and measured value, and each input's path and SHA-256. Only changes are listed.
 */
export function compareReports(previous: Report, current: Report): ReportDiff {
  return {
    previous: {
      generatedAt: previous.generatedAt,
      version: previous.tool.version,
      verdict: previous.verdict,
    },
    verdict: { from: previous.verdict, to: current.verdict },
    requirements: union(previous.requirements, current.requirements, (r) => r.id)
      .map(([id, before, after]) => ({
        id,
        verdict: { from: before?.verdict ?? null, to: after?.verdict ?? null },
        measured: { from: before?.measured?.value ?? null, to: after?.measured?.value ?? null },
      }))
      .filter((r) => r.verdict.from !== r.verdict.to || r.measured.from !== r.measured.to),
    inputs: union(previous.inputs, current.inputs, (i) => i.role)
      .map(([role, before, after]) => ({
        role,
        path: { from: before?.path ?? null, to: after?.path ?? null },
        sha256: { from: before?.sha256 ?? null, to: after?.sha256 ?? null },
      }))
      .filter((i) => i.path.from !== i.path.to || i.sha256.from !== i.sha256.to),
  };
}

// --- internal ---

/** Pairs items of two lists by key, in the order of the current list, then the removed ones. */
function union<T>(
  before: T[],
  after: T[],
  key: (item: T) => string,
): Array<[string, T | undefined, T | undefined]> {
  const old = new Map(before.map((item) => [key(item), item]));
  const now = new Map(after.map((item) => [key(item), item]));
  const keys = [...now.keys(), ...[...old.keys()].filter((k) => !now.has(k))];
  return keys.map((k) => [k, old.get(k), now.get(k)]);
}
