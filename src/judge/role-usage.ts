import { editDistance } from "../formats/text/edit-distance.ts";
import { findEvidence } from "../measure/find-evidence.ts";
import type { MeasureInput } from "../measure/metric.ts";
import { createFinding } from "../model/create-finding.ts";
import type { EvidenceKind, ParsedEvidence } from "../model/evidence.ts";
import type { Finding } from "../model/finding.ts";
import type { TargetRequirement, Topic } from "../model/topic.ts";
import { listMeasuredRequirements } from "./judge-reported.ts";
import { planParts } from "./requirement-parts.ts";

/** One submitted file with its role, as the usage check sees it. */
export interface RoleEvidence {
  role: string;
  path: string;
  parsed: ParsedEvidence;
}

/**
 * The role names a requirement reads, for `claimcheck topics` and for suggestions: its own role
 * (default `candidate`) and baseline, the conventional name of a kind read by name (`memory`,
 * `models`, `qrels`), and `candidate-<model>`/`baseline-<peer>` where the topic judges per part.
 */
export function listRequirementRoles(requirement: TargetRequirement): string[] {
  const candidate = requirement.role ?? "candidate";
  const base = requirement.baseline;
  const own = requirement.evidence.map((kind) => NAMED_KINDS[kind] ?? candidate);
  const roles = [...own, ...(base === undefined ? [] : [base])];
  if (requirement.per === "model")
    roles.push(`${candidate}-<model>`, ...(base === undefined ? [] : [`${base}-<model>`]));
  if (requirement.per === "peer" && base !== undefined) roles.push(`${base}-<peer>`);
  return [...new Set(roles)];
}

/**
 * A warning for every file no requirement of the topic reads (a role `task` where 2.1 reads
 * `tasks`): it would otherwise be ignored without a word. The message names the roles the topic
 * reads, closest to the unused one first.
 */
export function checkRoleUsage(topic: Topic, inputs: readonly RoleEvidence[]): Finding[] {
  const targets = listMeasuredRequirements(topic.requirements);
  const read = new Set(targets.flatMap((r) => computeRolesRead(r, inputs)));
  const known = [...new Set(targets.flatMap(listRequirementRoles))];
  return inputs
    .filter((input) => !read.has(input.role))
    .map((input) => {
      const closest = [...known].sort((a, b) => editDistance(input.role, a) - editDistance(input.role, b));
      const reads =
        closest.length === 0
          ? "reads no evidence file"
          : `reads ${closest.map((r) => `\`${r}\``).join(", ")}`;
      return createFinding(
        "ROLE_UNUSED",
        "warning",
        `No requirement of topic ${topic.id} reads the ${input.parsed.kind} file under role \`${input.role}\`, so it was not judged; the topic ${reads} (closest first). Rename the role in claimcheck.yaml's evidence, or drop the file.`,
        { path: input.path },
        {
          id: topic.id,
          kind: input.parsed.kind,
          role: input.role,
          reads:
            closest.length === 0
              ? { key: "role_usage.reads_none", text: reads }
              : {
                  key: "role_usage.reads",
                  params: { roles: closest.map((r) => `\`${r}\``).join(", ") },
                  text: reads,
                },
        },
      );
    });
}

/** The roles one requirement reads from these files, resolved as its metric resolves them. */
export function computeRolesRead(requirement: TargetRequirement, inputs: readonly RoleEvidence[]): string[] {
  const plans = planParts(
    requirement,
    inputs.map((i) => ({ role: i.role, kind: i.parsed.kind, path: i.path })),
  );
  const partRoles = plans?.flatMap((p) => [p.candidate, p.baseline]).filter((r) => r !== undefined) ?? [];
  const evidence = Object.fromEntries(inputs.map((i) => [i.role, i.parsed]));
  const roleOf = new Map(inputs.map((i) => [i.parsed, i.role]));
  const read = requirement.evidence.flatMap((kind) => {
    const ofKind = inputs.filter((i) => i.parsed.kind === kind);
    if (NAMED_KINDS[kind] !== undefined) return ofKind.map((i) => i.role);
    if (plans !== undefined) return [];
    const sides = resolveSides(requirement, kind, evidence).map((e) => roleOf.get(e));
    const prefixed = PREFIX_READ_KINDS.has(kind)
      ? ofKind.filter((i) => isPrefixed(i.role, requirement.baseline))
      : [];
    return [...sides, ...prefixed.map((i) => i.role)];
  });
  return [...new Set([...partRoles, ...read])].filter((r): r is string => r !== undefined);
}

// --- internal ---

/**
 * Kinds a metric finds by a fixed role name or as the only file of the kind, not through the
 * requirement's role: `memory` (measure/system/memory-metrics.ts, utilization-metrics.ts), `models`
 * (measure/system/model-metrics.ts), `qrels` (measure/quality/retrieval-metrics.ts). Any file of these kinds is read.
 */
const NAMED_KINDS: Partial<Record<EvidenceKind, string>> = {
  "gpu-memory": "memory",
  models: "models",
  "retrieval-qrels": "qrels",
};

/** Kinds whose baseline side reads `<baseline>` and every `<baseline>-<name>` (1.1: one homogeneous run per accelerator type; measure/training/training-metrics.ts). */
const PREFIX_READ_KINDS: ReadonlySet<EvidenceKind> = new Set(["training-throughput"]);

function isPrefixed(role: string, prefix: string | undefined): boolean {
  return prefix !== undefined && (role === prefix || role.startsWith(`${prefix}-`));
}

function resolveSides(
  requirement: TargetRequirement,
  kind: EvidenceKind,
  evidence: Record<string, ParsedEvidence>,
): ParsedEvidence[] {
  const input: MeasureInput = {
    evidence,
    system: { accelerators: [], software: {} },
    confidence: 0.95,
    seed: 0,
    percentileMethod: "linear",
    comparison: requirement.comparison,
    conditions: {},
  };
  if (requirement.role !== undefined) input.candidateRole = requirement.role;
  if (requirement.baseline !== undefined) input.baselineRole = requirement.baseline;
  const sides = [findEvidence(input, kind, "candidate")];
  if (requirement.baseline !== undefined) sides.push(findEvidence(input, kind, "baseline"));
  return sides.filter((e) => e !== undefined);
}
