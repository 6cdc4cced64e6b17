import { parseClaimMarks } from "../formats/text/claim-marks.ts";
import { editDistance } from "../formats/text/edit-distance.ts";
import { createFinding } from "../model/create-finding.ts";
import type { ClaimMark } from "../model/doc-claim.ts";
import type { Finding } from "../model/finding.ts";
import type { Claim, Submission } from "../model/manifest.ts";
import type { TargetRequirement, Topic } from "../model/topic.ts";
import { parseConditionValue, parseStatedValue, type StatedValue } from "./doc-claim-value.ts";

/** A deliverable document's text, with its path as the report shows it (relative to the manifest). */
export interface DocumentText {
  path: string;
  text: string;
}

/** One mark, read against the topic: a stated value in the requirement's unit, or why not. */
export interface ReadMark {
  mark: ClaimMark;
  requirement?: TargetRequirement;
  stated?: StatedValue;
  conditions?: Claim["conditions"];
  /** Why the mark cannot be judged (unknown requirement, unreadable number, wrong unit). */
  finding?: Finding;
}

/** Every document's marks read against the topic, plus findings on documents and marks that are no marks. */
export interface ReadDocuments {
  marks: ReadMark[];
  findings: Finding[];
}

/** Parses each document's claim marks and reads each against the topic's requirements. */
export function readDocumentMarks(topic: Topic, documents: readonly DocumentText[]): ReadDocuments {
  const marks: ReadMark[] = [];
  const findings: Finding[] = [];
  for (const document of documents) {
    const parsed = parseClaimMarks(document.text, document.path);
    marks.push(...parsed.marks.map((mark) => readMark(topic, mark)));
    findings.push(
      ...parsed.broken.map((b) =>
        createFinding(
          "DOC_CLAIM_UNREADABLE",
          "error",
          `${b.text} is not a claim mark: write \\claim{<requirement>}{<number>}{<unit>}, e.g. \\claim{${firstTarget(topic)}}{-8.5}{\\%}.`,
          { path: document.path, line: b.line, col: b.column },
          { file: document.path, line: b.line, text: b.text, example: firstTarget(topic) },
        ),
      ),
    );
    if (parsed.marks.length === 0 && parsed.broken.length === 0) findings.push(noMarks(document.path, topic));
  }
  return { marks, findings };
}

/**
 * The claims the judge measures with: the manifest's, and for a requirement only the document states,
 * its first statement there (its conditions choose what is measured, e.g. `min_bytes`).
 */
export function addDocumentClaims(submission: Submission, marks: readonly ReadMark[]): Submission {
  const claimed = new Set(submission.claims.map((c) => c.requirement));
  const added: Claim[] = [];
  for (const read of marks) {
    if (read.stated === undefined || read.requirement === undefined || claimed.has(read.requirement.id))
      continue;
    claimed.add(read.requirement.id);
    const claim: Claim = { requirement: read.requirement.id, value: read.stated.value };
    if (read.conditions !== undefined) claim.conditions = read.conditions;
    added.push(claim);
  }
  return added.length === 0 ? submission : { ...submission, claims: [...submission.claims, ...added] };
}

// --- internal ---

function readMark(topic: Topic, mark: ClaimMark): ReadMark {
  const where = { path: mark.path, line: mark.line, col: mark.column };
  const requirement = topic.requirements.find((r) => r.id === mark.requirement);
  if (requirement === undefined || requirement.kind !== "target") {
    const known = requirement !== undefined;
    const closest = closestTarget(topic, mark.requirement);
    return {
      mark,
      finding: createFinding(
        known ? "DOC_CLAIM_NOT_A_TARGET" : "DOC_CLAIM_UNKNOWN_REQUIREMENT",
        "error",
        known
          ? `${mark.requirement} is a deliverable (papers, patents, code), which has no number to check; list it under deliverables in claimcheck.yaml and remove the mark.`
          : `Topic ${topic.id} has no requirement "${mark.requirement}"${closest === undefined ? "" : `; did you mean ${closest}?`} \`claimcheck topics ${topic.id}\` lists the ids.`,
        where,
        {
          file: mark.path,
          line: mark.line,
          requirement: mark.requirement,
          topic: topic.id,
          closest: closest ?? "none",
        },
      ),
    };
  }
  const stated = parseStatedValue(mark.text, requirement.unit);
  if ("problem" in stated)
    return { mark, requirement, finding: unreadable(mark, requirement, stated.written) };
  const conditions = Object.entries(mark.conditions);
  return conditions.length === 0
    ? { mark, requirement, stated }
    : {
        mark,
        requirement,
        stated,
        conditions: Object.fromEntries(conditions.map(([k, v]) => [k, parseConditionValue(v)])),
      };
}

function unreadable(mark: ClaimMark, requirement: TargetRequirement, written: string | undefined): Finding {
  const where = { path: mark.path, line: mark.line, col: mark.column };
  const unit = requirement.unit === "%" ? "%" : requirement.unit;
  if (written !== undefined) {
    return createFinding(
      "DOC_CLAIM_UNIT_MISMATCH",
      "error",
      `"${mark.text}" is in ${written}, but ${requirement.id} is measured in ${unit}; state the value in ${unit} (e.g. "${requirement.value} ${unit}").`,
      where,
      { file: mark.path, line: mark.line, text: mark.text, written, requirement: requirement.id, unit },
    );
  }
  return createFinding(
    "DOC_CLAIM_UNREADABLE",
    "error",
    `"${mark.text}" is not a number claimcheck can compare; write one number with its unit inside the brackets, e.g. [${requirement.value} ${unit}]{claim="${requirement.id}"}.`,
    where,
    { file: mark.path, line: mark.line, text: mark.text, example: requirement.id },
  );
}

function noMarks(path: string, topic: Topic): Finding {
  return createFinding(
    "DOC_CLAIM_NONE",
    "warning",
    `${path} holds no claim mark, so none of its numbers is checked; mark each claimed number, e.g. [-8.5 %]{claim="${firstTarget(topic)}"} (README: "Gate your report").`,
    { path, line: 1 },
    { file: path, example: firstTarget(topic) },
  );
}

function firstTarget(topic: Topic): string {
  return topic.requirements.find((r) => r.kind === "target")?.id ?? `${topic.id}/…`;
}

/** The target id one or two edits away (a typo), if one is that close. */
function closestTarget(topic: Topic, id: string): string | undefined {
  const ranked = topic.requirements
    .filter((r) => r.kind === "target")
    .map((r) => ({ id: r.id, distance: editDistance(r.id, id) }))
    .sort((a, b) => a.distance - b.distance);
  const best = ranked[0];
  return best !== undefined && best.distance <= Math.max(2, Math.floor(id.length / 5)) ? best.id : undefined;
}
