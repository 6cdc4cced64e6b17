import { parse } from "yaml";
import { ClaimcheckError } from "./errors.ts";
import { type Topic, TopicSchema } from "./topic.ts";

/** Parses and validates one topic file. */
export function parseTopic(text: string, path: string): Topic {
  const result = TopicSchema.safeParse(parse(text));
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ClaimcheckError(
    "E_INPUT",
    `${path}: ${issue?.path.join(".")}: ${issue?.message}; fix the topic file.`,
  );
}
