import type { MessageRef } from "../model/message.ts";

/**
 * An evidence role as a nested message: `baseline` renders as 基线 in Chinese; a role the team named
 * itself (`sota`) has no catalog entry and stays as written.
 */
export function roleRef(role: string): MessageRef {
  return { key: `role.${role}`, text: role };
}
