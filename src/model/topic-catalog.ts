import { parseYamlWithSchema } from "./parse-yaml.ts";
import { type Requirement, type Topic, TopicSchema } from "./topic.ts";

/** Parses and validates one topic file; problems carry their YAML line. */
export function parseTopic(text: string, path: string): Topic {
  return parseYamlWithSchema(text, path, TopicSchema, {
    code: "TOPIC",
    what: "topic file",
    schema: "schemas/topic.schema.json",
  });
}

/** The requirement with this id, in any topic. */
export function findRequirement(topics: readonly Topic[], id: string): Requirement | undefined {
  for (const topic of topics) {
    const found = topic.requirements.find((r) => r.id === id);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Rules the schema cannot express: ids unique and prefixed by their topic, a seed quote for every
 * `seed` requirement, a rationale for every `program` one, a baseline role for every relative target.
 */
export function checkCatalog(topics: readonly Topic[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const topic of topics) {
    for (const r of topic.requirements) {
      if (seen.has(r.id)) problems.push(`${r.id}: duplicate requirement id`);
      seen.add(r.id);
      if (!r.id.startsWith(`${topic.id}/`)) problems.push(`${r.id}: not prefixed by its topic ${topic.id}`);
      if (r.provenance === "seed" && r.seed_quote === undefined)
        problems.push(`${r.id}: seed provenance without seed_quote`);
      if (r.provenance === "program" && r.rationale === undefined)
        problems.push(`${r.id}: program provenance without rationale`);
      if (r.kind !== "deliverable" && r.comparison !== "none" && r.baseline === undefined)
        problems.push(`${r.id}: relative target without a baseline role`);
    }
  }
  return problems;
}
