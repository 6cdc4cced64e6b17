import { createFinding } from "../model/create-finding.ts";
import type { Attestation, DeliverableEvidence } from "../model/manifest.ts";
import type { RequirementResult } from "../model/report.ts";
import type { DeliverableRequirement } from "../model/topic.ts";

/**
 * A deliverable is never auto-passed: without declared evidence it is `missing`; with fewer items
 * than the topic asks it fails; each item must look like a DOI, URL or patent/application number, or
 * be an attestation that names who attests (a bare sentence is accountable to nobody). The officer
 * confirms the items themselves; the report lists them.
 */
export function judgeDeliverable(
  requirement: DeliverableRequirement,
  declared?: DeliverableEvidence,
): RequirementResult {
  const declaredItems = declared === undefined ? [] : [declared.evidence].flat().map(readItem);
  const items = declaredItems.map((item) => item.text);
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
  const malformed = declaredItems.filter((item) => !item.checkable).map((item) => item.text);
  if (malformed.length > 0) {
    const findings = malformed.map((item) =>
      createFinding(
        "DELIVERABLE_EVIDENCE_UNREADABLE",
        "error",
        `"${item.slice(0, 60)}" is not a DOI, URL or patent number; give one of those, or write it as { attestation: "…", attested_by: "name, role" } so someone answers for it.`,
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
// A Chinese software copyright registration number (计算机软件著作权登记号), e.g. 2025SR0123456, with
// the software's name around it.
const SOFTWARE_COPYRIGHT = /(^|[^\dA-Z])\d{4}SR\d{6,8}($|[^\d])/i;

/** An item as the report lists it ("statement — attested by name" for an attestation), and whether it can be checked. */
function readItem(item: string | Attestation): { text: string; checkable: boolean } {
  if (typeof item !== "string") {
    const statement = item.attestation.trim();
    const by = item.attested_by.trim();
    return {
      text: `${statement} — attested by ${by}${item.date === undefined ? "" : `, ${item.date}`}`,
      checkable: statement.length >= 12 && !isPlaceholder(statement) && by.length >= 2 && !isPlaceholder(by),
    };
  }
  const text = item.trim();
  return {
    text,
    checkable: [DOI, URL_LIKE, PATENT, SOFTWARE_COPYRIGHT].some((pattern) => pattern.test(text)),
  };
}

function isPlaceholder(text: string): boolean {
  return /^(todo|tbd|n\/a|none|pending)\b/i.test(text);
}
