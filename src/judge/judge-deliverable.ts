import { createFinding } from "../model/create-finding.ts";
import type { Finding } from "../model/finding.ts";
import type { DeliverableEvidence } from "../model/manifest.ts";
import type { MessageParam, MessageRef } from "../model/message.ts";
import type { RequirementResult } from "../model/report.ts";
import {
  type DeliverableRequirement,
  type DeliverableSpec,
  formatDeliverableSpecs,
  listDeliverableSpecs,
} from "../model/topic.ts";
import { acceptsItem, DELIVERABLE_WANTS } from "./deliverable-accepts.ts";
import { type DeliverableItem, parseDeliverableItem } from "./deliverable-item.ts";
import { deliverableSpecsRef, withReason } from "./reason-ref.ts";

/**
 * A deliverable is never auto-passed: without declared evidence it is `missing`. Each item is typed
 * by its form (a DOI is a paper, ZL… a patent, …/pull/… an upstream PR, an attestation what it says)
 * and counts only toward a kind that accepts its type; an alternative (`any_of`) is met when its
 * own items reach its count. An unreadable item makes the requirement `invalid`; too few matching
 * items `fail`. The officer confirms the items themselves; the report lists them.
 */
export function judgeDeliverable(
  requirement: DeliverableRequirement,
  declared?: DeliverableEvidence,
): RequirementResult {
  const items = declared === undefined ? [] : [declared.evidence].flat().map(parseDeliverableItem);
  const specs = listDeliverableSpecs(requirement);
  const wanted = formatDeliverableSpecs(specs);
  const base = {
    id: requirement.id,
    kind: "deliverable" as const,
    title: requirement.title,
    metric: null,
    target: null,
    measured: null,
    claimed: null,
    deliverable: {
      kind:
        specs.length === 1
          ? (specs[0] as DeliverableSpec).deliverable
          : specs
              .map(
                (s) => `${s.count}${s.count_max === undefined ? "" : `–${s.count_max}`} × ${s.deliverable}`,
              )
              .join(" or "),
      count: Math.min(...specs.map((s) => s.count)),
      evidence: items.map((item) => item.text),
    },
  };
  if (items.length === 0) {
    return withReason(
      {
        ...base,
        verdict: "missing",
        reason: `No evidence declared for ${wanted}; add it under \`deliverables:\` in claimcheck.yaml.`,
        findings: [],
      },
      "reason.deliverable_none",
      { wanted: deliverableSpecsRef(specs) },
    );
  }
  const unreadable = items.filter((item) => item.problem !== undefined);
  if (unreadable.length > 0) {
    return withReason(
      {
        ...base,
        verdict: "invalid",
        reason: `${unreadable.length} evidence item(s) cannot be checked.`,
        findings: unreadable.map((item) =>
          createFinding(
            item.problem?.code ?? "",
            "error",
            `${item.problem?.message}.`,
            undefined,
            item.problem?.params ?? {},
          ),
        ),
      },
      "reason.deliverable_unreadable",
      { n: unreadable.length },
    );
  }
  return { ...base, ...countItems(requirement.id, specs, items) };
}

// --- internal ---

/** The verdict from the items that match each alternative; items no alternative takes are findings. */
function countItems(
  id: string,
  specs: DeliverableSpec[],
  items: DeliverableItem[],
): Pick<RequirementResult, "verdict" | "reason" | "findings"> {
  const alone = specs.length === 1;
  const counted = specs.map((spec) => ({
    spec,
    n: items.filter((item) => acceptsItem(spec.deliverable, item, alone)).length,
  }));
  const met = counted.find(({ spec, n }) => n >= spec.count);
  const stray = items.filter((item) => !specs.some((spec) => acceptsItem(spec.deliverable, item, alone)));
  const findings = stray.map((item) => wrongType(id, specs, item, met === undefined ? "error" : "warning"));
  const tally = counted.map(({ spec, n }) => `${n} of ${formatDeliverableSpecs([spec])}`).join("; ");
  if (met === undefined) {
    return withReason(
      {
        verdict: "fail",
        reason: `Not enough matching items for ${formatDeliverableSpecs(specs)}: ${tally}.${stray.length > 0 ? ` ${stray.length} item(s) are of another type.` : ""}`,
        findings,
      },
      "reason.deliverable_too_few",
      {
        wanted: deliverableSpecsRef(specs),
        tally: counted
          .map(
            ({ spec, n }): MessageRef => ({
              key: "deliverable.tally",
              params: { n, spec: deliverableSpecsRef([spec]) },
            }),
          )
          .reduce((left, right) => ({ key: "deliverable.tally_and", params: { left, right } })),
        stray: stray.length,
      },
    );
  }
  const above = met.spec.count_max !== undefined && met.n > met.spec.count_max;
  return withReason(
    {
      verdict: "pass",
      reason: `${met.n} matching item(s) declared for ${formatDeliverableSpecs([met.spec])}${specs.length > 1 ? `, one of ${formatDeliverableSpecs(specs)}` : ""}${above ? ` (the seed asks ${met.spec.count}–${met.spec.count_max}; more is not a failure)` : ""}; the officer confirms each item.`,
      findings,
    },
    "reason.deliverable_met",
    {
      n: met.n,
      spec: deliverableSpecsRef([met.spec]),
      alternatives: specs.length > 1 ? deliverableSpecsRef(specs) : "none",
      asked: above ? `${met.spec.count}–${met.spec.count_max}` : "none",
    },
  );
}

function wrongType(
  id: string,
  specs: DeliverableSpec[],
  item: DeliverableItem,
  severity: "error" | "warning",
): Finding {
  const wants = specs.map((s) => `${s.deliverable}: ${DELIVERABLE_WANTS[s.deliverable]}`).join("; or ");
  const what =
    item.type === "attestation"
      ? `an attestation that does not say it is a ${specs.map((s) => s.deliverable).join(" or a ")}`
      : item.looksLike;
  const whatRef: MessageParam =
    item.type === "attestation"
      ? { key: "deliverable_looks.attestation_unsaid", params: { kinds: kindsRef(specs) }, text: what }
      : (item.looksLikeRef ?? what);
  return createFinding(
    "DELIVERABLE_WRONG_TYPE",
    severity,
    `"${item.text.slice(0, 60)}" looks like ${what}, but ${id} wants ${formatDeliverableSpecs(specs)}, so it does not count here; give ${wants} — or a signed attestation that says which it is.`,
    undefined,
    {
      text: item.text.slice(0, 60),
      what: whatRef,
      id,
      format_deliverable_specs: deliverableSpecsRef(specs),
      wants: joinRefs(
        specs.map((s) => ({
          key: "deliverable_wants.kind",
          params: {
            kind: { key: `deliverable.${s.deliverable}`, text: s.deliverable },
            wants: { key: `deliverable_wants.${s.deliverable}`, text: DELIVERABLE_WANTS[s.deliverable] },
          },
        })),
        "deliverable_wants.or",
      ),
    },
  );
}

/** `paper or a patent`: the kinds an attestation should name, each a catalog word. */
function kindsRef(specs: DeliverableSpec[]): MessageRef {
  return joinRefs(
    specs.map((s) => ({ key: `deliverable.${s.deliverable}`, text: s.deliverable })),
    "deliverable_looks.or_a",
  );
}

function joinRefs(refs: MessageRef[], key: string): MessageRef {
  return refs.slice(1).reduce((left, right) => ({ key, params: { left, right } }), refs[0] as MessageRef);
}
