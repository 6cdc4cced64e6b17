import { createFinding, formatLocation } from "../model/create-finding.ts";
import type { Finding } from "../model/finding.ts";
import type { Claim, Submission } from "../model/manifest.ts";
import type { DocClaim, RequirementResult, Verdict } from "../model/report.ts";
import { createClaimFinding } from "./claim-check.ts";
import type { ReadMark } from "./doc-claim-marks.ts";
import { findingRef, withReason } from "./reason-ref.ts";

export interface ApplyDocClaimsOptions {
  requirements: RequirementResult[];
  marks: readonly ReadMark[];
  /** The manifest as the team wrote it, before the document's claims were added. */
  submission: Submission;
}

export interface ApplyDocClaimsResult {
  requirements: RequirementResult[];
  docClaims: DocClaim[];
}

/**
 * Judges every claim mark of the deliverable document against its requirement's recomputed value,
 * like a manifest claim, and against the other statements of the same requirement (the manifest's
 * claim, or the document's first mark): a disagreement fails the requirement with a finding at the
 * mark's line. A mark that could not be read is `invalid` and changes no requirement.
 */
export function applyDocClaims(options: ApplyDocClaimsOptions): ApplyDocClaimsResult {
  const byId = new Map(options.requirements.map((r) => [r.id, stripDocumentClaimFindings(r, options)]));
  const docClaims = options.marks.map((read) => {
    if (read.stated === undefined || read.requirement === undefined) return invalidClaim(read);
    const result = byId.get(read.requirement.id);
    const governing = governingClaim(read.requirement.id, options);
    const judged = judgeMark(read, result, governing, options.submission.claim_tolerance);
    if (result !== undefined && judged.finding !== undefined)
      byId.set(result.id, failWith(result, judged, read));
    return judged.claim;
  });
  return { requirements: options.requirements.map((r) => byId.get(r.id) ?? r), docClaims };
}

// --- internal ---

const CLAIM_CODES = new Set(["CLAIM_MISMATCH", "CLAIM_AS_FRACTION"]);

/**
 * A requirement the document alone claims was measured with its first mark as the claim; the judge's
 * unlocated mismatch finding is replaced by one per mark, at its line.
 */
function stripDocumentClaimFindings(
  result: RequirementResult,
  options: ApplyDocClaimsOptions,
): RequirementResult {
  const fromDocument =
    !options.submission.claims.some((c) => c.requirement === result.id) &&
    options.marks.some((m) => m.requirement?.id === result.id && m.stated !== undefined);
  if (!fromDocument) return result;
  const findings = result.findings.filter((f) => !(CLAIM_CODES.has(f.code) && f.location === undefined));
  // The judge's reason names the claim but not where it is written; `failWith` gives the mark's.
  return result.claimed?.consistent === false ? { ...result, findings, reason: "" } : { ...result, findings };
}

function governingClaim(
  id: string,
  options: ApplyDocClaimsOptions,
): { claim: Claim; where: string } | undefined {
  const manifest = options.submission.claims.find((c) => c.requirement === id);
  if (manifest !== undefined) return { claim: manifest, where: "claimcheck.yaml" };
  const first = options.marks.find((m) => m.requirement?.id === id && m.stated !== undefined);
  if (first?.stated === undefined) return undefined;
  const claim: Claim = { requirement: id, value: first.stated.value };
  if (first.conditions !== undefined) claim.conditions = first.conditions;
  return { claim, where: `${first.mark.path}:${first.mark.line}` };
}

interface JudgedMark {
  claim: DocClaim;
  finding?: Finding;
}

function judgeMark(
  read: ReadMark,
  result: RequirementResult | undefined,
  governing: { claim: Claim; where: string } | undefined,
  tolerance: number,
): JudgedMark {
  const stated = read.stated as NonNullable<ReadMark["stated"]>;
  const measured = result?.measured ?? null;
  const value = measured?.value ?? null;
  const consistent =
    value === null
      ? null
      : Math.abs(stated.value - value) <= Math.max(tolerance * Math.abs(value), stated.halfDigit) + 1e-12;
  const conflict = conflictWith(read, governing, tolerance);
  const mismatch =
    consistent === false
      ? located(
          createClaimFinding(
            { requirement: read.mark.requirement, value: stated.value },
            value as number,
            result?.target?.unit ?? "",
            tolerance,
          ),
          read,
        )
      : undefined;
  const finding = mismatch ?? conflict;
  const claim: DocClaim = {
    ...baseClaim(read),
    value: stated.value,
    unit: read.requirement?.unit ?? null,
    verdict: finding !== undefined ? "fail" : ((result?.verdict ?? "missing") as Verdict),
    consistent,
    measured: measured === null ? null : { value: measured.value, low: measured.low, high: measured.high },
  };
  if (read.conditions !== undefined) claim.conditions = read.conditions;
  if (finding !== undefined) claim.finding = finding.code;
  return finding === undefined ? { claim } : { claim, finding };
}

/** Another statement of the same requirement (the manifest's claim, the document's first mark) that says otherwise. */
function conflictWith(
  read: ReadMark,
  governing: { claim: Claim; where: string } | undefined,
  tolerance: number,
): Finding | undefined {
  const stated = read.stated as NonNullable<ReadMark["stated"]>;
  if (governing === undefined || governing.where === `${read.mark.path}:${read.mark.line}`) return undefined;
  const other = governing.claim;
  const allowed = Math.max(tolerance * Math.abs(other.value), stated.halfDigit, halfLastDigit(other.value));
  const valueAgrees = Math.abs(stated.value - other.value) <= allowed + 1e-12;
  const differing = Object.entries(read.conditions ?? {}).filter(
    ([key, value]) =>
      other.conditions?.[key] !== undefined && String(other.conditions[key]) !== String(value),
  );
  if (valueAgrees && differing.length === 0) return undefined;
  const what = valueAgrees
    ? `conditions ${differing.map(([k, v]) => `${k}=${v} (there: ${other.conditions?.[k]})`).join(", ")}`
    : `${stated.value} (there: ${other.value})`;
  const where = { path: read.mark.path, line: read.mark.line, col: read.mark.column };
  return createFinding(
    "DOC_CLAIM_CONFLICT",
    "error",
    `${formatLocation(where)} states ${read.mark.requirement} as ${what}, but ${governing.where} states it otherwise; one requirement has one claim: make the two agree.`,
    where,
    {
      file: read.mark.path,
      line: read.mark.line,
      requirement: read.mark.requirement,
      stated: what,
      other: governing.where,
    },
  );
}

/** The first reason to fail stays: a missed target, or the first mark that disagrees. */
function failWith(result: RequirementResult, judged: JudgedMark, read: ReadMark): RequirementResult {
  const finding = judged.finding as Finding;
  if (result.verdict === "fail" && result.reason !== "")
    return { ...result, verdict: "fail", findings: [...result.findings, finding] };
  const where = formatLocation(finding.location ?? { path: read.mark.path });
  return {
    ...result,
    ...withReason({ reason: `${where} disagrees: ${finding.message}` }, "reason.doc_disagrees", {
      where,
      finding: findingRef(finding),
    }),
    verdict: "fail",
    findings: [...result.findings, finding],
  };
}

function located(finding: Finding, read: ReadMark): Finding {
  return { ...finding, location: { path: read.mark.path, line: read.mark.line, col: read.mark.column } };
}

function invalidClaim(read: ReadMark): DocClaim {
  const claim: DocClaim = {
    ...baseClaim(read),
    value: null,
    unit: read.requirement?.unit ?? null,
    verdict: "invalid",
    consistent: null,
    measured: null,
  };
  if (read.finding !== undefined) claim.finding = read.finding.code;
  return claim;
}

function baseClaim(read: ReadMark): Pick<DocClaim, "path" | "line" | "column" | "requirement" | "text"> {
  const { path, line, column, requirement, text } = read.mark;
  return { path, line, column, requirement, text };
}

function halfLastDigit(value: number): number {
  const text = String(value);
  if (text.includes("e")) return 0;
  const decimals = text.includes(".") ? (text.split(".")[1] as string).length : 0;
  return 0.5 * 10 ** -decimals;
}
