import type { DeliverableKind } from "../model/topic.ts";
import type { DeliverableItem, DeliverableItemType } from "./deliverable-item.ts";

/**
 * Which item types count for which deliverable kind. A DOI is not a patent and a repository is not a
 * paper; an attestation counts for what it says it is (checked by the officer).
 */
export const DELIVERABLE_ACCEPTS: Record<DeliverableKind, readonly DeliverableItemType[]> = {
  paper: ["paper"],
  patent: ["patent"],
  "software-copyright": ["software-copyright"],
  "upstream-pr": ["pull-request"],
  code: ["repository", "pull-request", "software-archive"],
  docs: ["repository", "pull-request", "web-page", "paper", "software-archive"],
  prototype: ["repository", "pull-request", "web-page", "software-archive"],
  report: ["web-page", "paper", "repository", "software-archive"],
};

/** What to give for each kind, in the words of a finding. */
export const DELIVERABLE_WANTS: Record<DeliverableKind, string> = {
  paper: "a DOI or paper link (doi.org, arxiv.org, dl.acm.org, ieeexplore, openreview, usenix.org …)",
  patent:
    "a patent or application number (ZL202211157877.2, CN115251024A, PCT/CN2024/123456, US 11,234,567 B2 …)",
  "software-copyright":
    "a software copyright registration number (2019SR0800812) or certificate number (软著登字第0671096号)",
  "upstream-pr": "a pull/merge request, commit or mailing-list patch link in the upstream project",
  code: "a repository or pull request link, or a Zenodo/figshare DOI",
  docs: "a link to the documentation",
  prototype: "a repository or a link to the prototype",
  report: "a link to the report",
};

/** Whether `item` counts toward `kind`; `alone` when the requirement has no alternatives. */
export function acceptsItem(kind: DeliverableKind, item: DeliverableItem, alone: boolean): boolean {
  if (item.type !== "attestation") return DELIVERABLE_ACCEPTS[kind].includes(item.type);
  if (item.says.includes(kind)) return true;
  // A statement that names no registrable kind (paper, patent, copyright) counts for an artefact
  // (code, docs, prototype, report), and for a paper/patent/copyright only when nothing else is
  // asked: under "a paper or two patents" it must say which.
  const registrable = item.says.some((s) => REGISTRABLE.has(s));
  return !registrable && (alone || !REGISTRABLE.has(kind));
}

// --- internal ---

const REGISTRABLE = new Set<DeliverableKind>(["paper", "patent", "software-copyright"]);
