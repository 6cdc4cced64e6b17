import type { Submission } from "../model/manifest.ts";
import type { Topic } from "../model/topic.ts";
import { checkModelFacts } from "./model-crosscheck.ts";
import { checkRoleUsage } from "./role-usage.ts";
import type { VerifiedInput } from "./verify-submission.ts";

/**
 * Checks that look across the submission's files before any requirement is judged: a role no
 * requirement reads (`ROLE_UNUSED`), a log of another model than the one declared (`MODEL_MISMATCH`).
 * Each finding is added to the file it points at, so an error there makes every requirement that
 * reads the file `invalid`, as any other input error does.
 */
export function addSubmissionChecks(
  topic: Topic,
  submission: Submission,
  inputs: readonly VerifiedInput[],
): VerifiedInput[] {
  const byRole = checkModelFacts(inputs, submission.system);
  for (const finding of checkRoleUsage(topic, inputs)) {
    const role = inputs.find((i) => i.path === finding.location?.path)?.role;
    if (role !== undefined) byRole.set(role, [...(byRole.get(role) ?? []), finding]);
  }
  return inputs.map((input) => {
    const extra = byRole.get(input.role);
    if (extra === undefined) return input;
    return { ...input, parsed: { ...input.parsed, findings: [...input.parsed.findings, ...extra] } };
  });
}
