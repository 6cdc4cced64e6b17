import type { z } from "zod";

/**
 * Replaces each "Invalid input" of a union by the issues of the branch the input came closest to,
 * so `{ attestation: "…" }` without `attested_by` says that, not that it is neither a string nor an
 * attestation. The closest branch is the one whose shallowest issue lies deepest: an object that
 * lacks one key beats a string that is not a string at all. Paths are made absolute.
 */
export function flattenUnionIssues(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== "invalid_union" || issue.errors.length === 0) return [issue];
    const branches = issue.errors.map((branch) =>
      flattenUnionIssues(branch.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }))),
    );
    const depth = (branch: z.core.$ZodIssue[]) =>
      Math.min(...branch.map((inner) => inner.path.length + (inner.code === "invalid_type" ? 0 : 0.5)));
    const closest = branches.reduce((best, branch) => (depth(branch) > depth(best) ? branch : best));
    // No branch got past the union's own value: keep the union's issue, which names the position.
    return depth(closest) <= issue.path.length ? [issue] : closest;
  });
}
