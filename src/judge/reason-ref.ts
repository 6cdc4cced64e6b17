import type { Finding } from "../model/finding.ts";
import type { MessageParam, MessageRef } from "../model/message.ts";
import type { RequirementResult } from "../model/report.ts";
import type { DeliverableSpec } from "../model/topic.ts";

/**
 * Stores a reason's catalog key and values beside its English sentence, so a report renders the
 * reason in any language (`render/catalog/reasons.ts` holds the texts).
 */
export function withReason<T extends Pick<RequirementResult, "reason">>(
  result: T,
  key: string,
  params: Record<string, MessageParam>,
): T & { reason_key: string; reason_params: Record<string, MessageParam> } {
  return { ...result, reason_key: key, reason_params: params };
}

/** A requirement result's reason as a message that another reason can quote. */
export function reasonRef(
  result: Pick<RequirementResult, "reason" | "reason_key" | "reason_params">,
): MessageRef {
  return result.reason_key === undefined
    ? { key: "reason.text", params: { text: result.reason }, text: result.reason }
    : { key: result.reason_key, params: result.reason_params ?? {}, text: result.reason };
}

/** A finding as a message a reason can quote: its code is its catalog key. */
export function findingRef(finding: Finding): MessageRef {
  const key = finding.message_key ?? finding.code;
  return finding.params === undefined
    ? { key, text: finding.message }
    : { key, params: finding.params, text: finding.message };
}

/**
 * `1–2 paper (CCF-A) or 2 patent` as a message: each alternative names its kind by catalog key
 * (`deliverable.paper`), so the kind is translated and the counts and venue stay as they are.
 */
export function deliverableSpecsRef(specs: readonly DeliverableSpec[]): MessageRef {
  const refs = specs.map(specRef);
  return refs
    .slice(1)
    .reduce<MessageRef>(
      (left, right) => ({ key: "deliverable.or", params: { left, right } }),
      refs[0] ?? { key: "reason.text", params: { text: "" } },
    );
}

// --- internal ---

function specRef(spec: DeliverableSpec): MessageRef {
  const count = `${spec.count}${spec.count_max === undefined ? "" : `–${spec.count_max}`}`;
  const kind: MessageRef = { key: `deliverable.${spec.deliverable}`, text: spec.deliverable };
  return spec.venue === undefined
    ? { key: "deliverable.spec", params: { count, kind } }
    : { key: "deliverable.spec_venue", params: { count, kind, venue: spec.venue } };
}
