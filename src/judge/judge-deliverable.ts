import { createFinding } from "../model/finding.ts";
import type { DeliverableEvidence } from "../model/manifest.ts";
import type { RequirementResult } from "../model/report.ts";
import type { DeliverableRequirement } from "../model/topic.ts";

/**
 * A deliverable is never auto-passed: without declared evidence it is `missing`; with fewer items
 * than the topic asks it fails; each item must look like a DOI, URL, patent/application number or an
 * attestation sentence. The officer confirms the items themselves; the report lists them.
 */
export function judgeDeliverable(
  requirement: DeliverableRequirement,
  declared?: DeliverableEvidence,
): RequirementResult {
  const items = declared === undefined ? [] : [declared.evidence].flat().map((s) => s.trim());
  const base = {
    id: requirement.id,
    kind: "deliverable" as const,
    title: requirement.title,
    metric: null,
    target: null,
    measured: null,
    claimed: null,
    deliverable: { kind: requirement.deliverable, count: requirement.count, evidence: items },
  };
  const wanted = `${requirement.count}${requirement.count_max === undefined ? "" : `–${requirement.count_max}`} ${requirement.deliverable}${requirement.venue === undefined ? "" : ` (${requirement.venue})`}`;
  if (items.length === 0) {
    return {
      ...base,
      verdict: "missing",
      reason: `No evidence declared for ${wanted}; add it under \`deliverables:\` in claimcheck.yaml.`,
      findings: [],
    };
  }
  const malformed = items.filter((item) => !looksLikeEvidence(item));
  if (malformed.length > 0) {
    const findings = malformed.map((item) =>
      createFinding(
        "DELIVERABLE_EVIDENCE_UNREADABLE",
        "error",
        `"${item.slice(0, 60)}" is not a DOI, URL, patent number or attestation sentence; give one of those.`,
      ),
    );
    return {
      ...base,
      verdict: "invalid",
      reason: `${malformed.length} evidence item(s) cannot be checked.`,
      findings,
    };
  }
  if (items.length < requirement.count) {
    return { ...base, verdict: "fail", reason: `${items.length} of the ${wanted} declared.`, findings: [] };
  }
  return {
    ...base,
    verdict: "pass",
    reason: `${items.length} item(s) declared for ${wanted}; the officer confirms each link.`,
    findings: [],
  };
}

// --- internal ---

const DOI = /^(doi:|https?:\/\/(dx\.)?doi\.org\/)?10\.\d{4,9}\/\S+$/i;
const URL_LIKE = /^https?:\/\/[^\s/]+\.[^\s]+$/i;
// CN/US/EP/WO publication and application numbers, e.g. CN114567890A, CN202310123456.7, US 11,234,567 B2.
const PATENT = /^(CN|US|EP|WO|JP|KR)\s?[\d,./]{6,}\s?[A-Z]?\d?$/i;

function looksLikeEvidence(item: string): boolean {
  if (DOI.test(item) || URL_LIKE.test(item) || PATENT.test(item)) return true;
  // An attestation is a sentence, not a placeholder: at least a few words (or Chinese characters).
  return item.length >= 12 && !/^(todo|tbd|n\/a|none|pending)\b/i.test(item);
}
