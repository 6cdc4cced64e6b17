import type { MessageRef } from "../model/message.ts";

/**
 * A sentence the measure stage writes: its catalog key and values, with the English it stores as
 * `text`. Metrics build the English and the ref side by side, because `render` (which holds the
 * catalog) depends on this stage, not the other way round.
 */
export type Sentence = MessageRef & { text: string };

/** A sentence as a param of another: key and values only, so its English is not stored twice. */
export function nested(sentence: MessageRef): MessageRef {
  return sentence.params === undefined
    ? { key: sentence.key }
    : { key: sentence.key, params: sentence.params };
}

/** A role word as a param: `role.baseline` when the catalog has it, else the role as written. */
export function roleRef(role: string): MessageRef {
  return { key: `role.${role}`, text: role };
}

/** `first; second; …`: sentences joined as a method joins its clauses. */
export function joinClauses(first: Sentence, rest: Sentence[]): Sentence {
  return rest.reduce<Sentence>(
    (text, clause) => ({
      key: "clause.then",
      params: { text: nested(text), clause: nested(clause) },
      text: `${text.text}; ${clause.text}`,
    }),
    first,
  );
}
