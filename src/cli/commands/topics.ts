import { ClaimcheckError } from "../../model/errors.ts";
import { formatDeliverableSpecs, listDeliverableSpecs, type Topic } from "../../model/topic.ts";
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

/** Human listing for stderr-free stdout use: one line per topic, or the requirements of one. */
export function renderTopics(list: Topic[], detailed: boolean): string {
  if (!detailed)
    return `${list.map((t: Topic) => `${t.id.padEnd(4)} ${t.title.en} — ${t.title.zh} (${t.requirements.length} requirements)`).join("\n")}\n`;
  return `${list.map(renderTopic).join("\n\n")}\n`;
}

// --- internal ---

function renderTopic(topic: Topic): string {
  const rows = topic.requirements.map((r) => {
    if (r.kind === "deliverable")
      return `  ${r.id.padEnd(36)} deliverable: ${formatDeliverableSpecs(listDeliverableSpecs(r))}  [${r.provenance}]`;
    const symbol = { "<=": "≤", "<": "<", ">=": "≥", ">": ">", "==": "=" }[r.op];
    return `  ${r.id.padEnd(36)} ${r.metric} ${r.comparison === "none" ? "" : `${r.comparison} `}${symbol} ${r.value} ${r.unit}  [${r.provenance}; evidence: ${r.evidence.join(", ")}]`;
  });
  return [`${topic.id} ${topic.title.en} — ${topic.title.zh}`, ...rows].join("\n");
}
