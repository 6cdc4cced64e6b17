import { hasThreshold, toMeasuredView } from "../../judge/judge-reported.ts";
import { listRequirementRoles } from "../../judge/role-usage.ts";
import { ClaimcheckError } from "../../model/errors.ts";
import {
  formatDeliverableSpecs,
  listDeliverableSpecs,
  type Requirement,
  type Topic,
} from "../../model/topic.ts";
import { readTopics } from "../../read/read-topics.ts";

/** All topics, or the one named. */
export async function topics(id?: string): Promise<Topic[]> {
  const all = await readTopics();
  if (id === undefined) return all;
  const topic = all.find((t) => t.id === id);
  if (topic === undefined)
    throw new ClaimcheckError("E_USAGE", `Unknown topic "${id}"; run \`claimcheck topics\` for the list.`);
  return [topic];
}

/** What a requirement reads from a submission: the evidence roles and kinds (none for a deliverable). */
export interface RequirementReads {
  roles: string[];
  evidence: string[];
}

/** A topic as `topics <id> --json` prints it: every requirement with the roles and kinds it reads. */
export function describeTopic(topic: Topic): Omit<Topic, "requirements"> & {
  requirements: Array<Requirement & { reads: RequirementReads }>;
} {
  return { ...topic, requirements: topic.requirements.map((r) => ({ ...r, reads: readsOf(r) })) };
}

/** Human listing for stderr-free stdout use: one line per topic, or the requirements of one. */
export function renderTopics(list: Topic[], detailed: boolean): string {
  if (!detailed)
    return `${list.map((t: Topic) => `${t.id.padEnd(4)} ${t.title.en} — ${t.title.zh} (${t.requirements.length} requirements)`).join("\n")}\n`;
  return `${list.map(renderTopic).join("\n\n")}\n`;
}

// --- internal ---

function readsOf(requirement: Requirement): RequirementReads {
  if (requirement.kind === "deliverable") return { roles: [], evidence: [] };
  const measured = requirement.kind === "target" ? requirement : toMeasuredView(requirement);
  return { roles: listRequirementRoles(measured), evidence: [...requirement.evidence] };
}

function renderTopic(topic: Topic): string {
  const rows = topic.requirements.map((r) => {
    if (r.kind === "deliverable")
      return `  ${r.id.padEnd(36)} deliverable: ${formatDeliverableSpecs(listDeliverableSpecs(r))}  [${r.provenance}]`;
    const m = r.kind === "target" ? r : toMeasuredView(r);
    const symbol = { "<=": "≤", "<": "<", ">=": "≥", ">": ">", "==": "=" }[m.op];
    const threshold =
      r.kind === "reported" && !hasThreshold(r) ? `reported in ${r.unit}` : `${symbol} ${m.value} ${r.unit}`;
    return `  ${r.id.padEnd(36)} ${r.metric} ${r.comparison === "none" ? "" : `${r.comparison} `}${threshold}  [${r.provenance}; evidence: ${r.evidence.join(", ")}]${perPart(m)}\n  ${"".padEnd(36)} reads roles: ${listRequirementRoles(m).join(", ")}`;
  });
  return [`${topic.id} ${topic.title.en} — ${topic.title.zh}`, ...rows].join("\n");
}

function perPart(requirement: Extract<Requirement, { kind: "target" }>): string {
  if (requirement.per === undefined) return "";
  return requirement.aggregate === "sum"
    ? ` per ${requirement.per}: the ${requirement.per}s' sum is judged`
    : ` per ${requirement.per}: every ${requirement.per} must pass`;
}
