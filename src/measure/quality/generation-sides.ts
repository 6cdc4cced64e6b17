import { createFinding } from "../../model/create-finding.ts";
import type { Finding } from "../../model/finding.ts";
import type { GenerationPairs, QualityEvidence } from "../../model/quality.ts";
import { findEvidence } from "../find-evidence.ts";
import type { MeasureInput, MetricUnavailable } from "../metric.ts";
import { roleRef } from "../sentence.ts";

/** The candidate's pairs and, for a comparison, the baseline's on the same items in the same order. */
export interface Sides {
  candidate: GenerationPairs;
  /** Baseline rows in the candidate's item order (common items only), absent for `none`. */
  baseline?: GenerationPairs;
  role: string;
  findings: Finding[];
}

/** Reads both sides' generation pairs and pairs them by item_id, reporting items or references that differ. */
export function readSides(input: MeasureInput): Sides | MetricUnavailable {
  const candidate = (findEvidence(input, "generation-pairs", "candidate") as QualityEvidence | undefined)
    ?.generation;
  if (candidate === undefined || candidate.rows === 0)
    return {
      unavailable: "missing",
      reason:
        "No candidate generation pairs were submitted; `claimcheck template generation-pairs` prints the header (item_id, reference, prediction).",
      reasonRef: { key: "missing.generation_pairs" },
    };
  const role = input.baselineRole ?? "baseline";
  if (input.comparison === "none") return { candidate, role, findings: [] };
  const baseline = (findEvidence(input, "generation-pairs", "baseline") as QualityEvidence | undefined)
    ?.generation;
  if (baseline === undefined)
    return {
      unavailable: "missing",
      reason: `No ${role} generation pairs were submitted; the change is measured against the baseline's outputs on the same items.`,
      reasonRef: { key: "missing.generation_baseline", params: { role: roleRef(role) } },
    };
  return pairItems(candidate, baseline, role);
}

/** Every text a tokenizer will see, to decide whether it is Chinese. */
export function allTexts(sides: Sides): string[] {
  return [...sides.candidate.reference, ...sides.candidate.prediction, ...(sides.baseline?.prediction ?? [])];
}

// --- internal ---

function pairItems(
  candidate: GenerationPairs,
  baseline: GenerationPairs,
  role: string,
): Sides | MetricUnavailable {
  const base = new Map<string, number>();
  baseline.itemId.forEach((id, i) => {
    if (!base.has(id)) base.set(id, i);
  });
  const rows = candidate.itemId
    .map((id, i) => [i, base.get(id)] as const)
    .filter((r): r is readonly [number, number] => r[1] !== undefined);
  if (rows.length === 0)
    return {
      unavailable: "invalid",
      reason: `The candidate and ${role} generation files share no item_id.`,
      reasonRef: { key: "reason.generation_no_common_item", params: { role: roleRef(role) } },
    };
  const pick = (pairs: GenerationPairs, k: 0 | 1): GenerationPairs => ({
    rows: rows.length,
    itemId: rows.map((r) => pairs.itemId[r[k]] as string),
    reference: rows.map((r) => pairs.reference[r[k]] as string),
    prediction: rows.map((r) => pairs.prediction[r[k]] as string),
    lines: Int32Array.from(rows, (r) => pairs.lines[r[k]] as number),
  });
  const c = pick(candidate, 0);
  const b = pick(baseline, 1);
  const findings: Finding[] = [];
  if (rows.length < candidate.rows || rows.length < baseline.rows)
    findings.push(
      createFinding(
        "GENERATION_ITEMS_DIFFER",
        "warning",
        `The candidate has ${candidate.rows} items and the ${role} ${baseline.rows}; only the ${rows.length} common items are compared. Score both on the same item list.`,
        undefined,
        { rows: candidate.rows, role: roleRef(role), rows2: baseline.rows, rows_count: rows.length },
      ),
    );
  const differing = c.reference.filter((ref, i) => ref !== b.reference[i]).length;
  if (differing > 0)
    findings.push(
      createFinding(
        "GENERATION_REFERENCES_DIFFER",
        "error",
        `${differing} item(s) have a different reference in the candidate and ${role} files; both sides must be scored against the same references.`,
        undefined,
        { differing, role: roleRef(role) },
      ),
    );
  return { candidate: c, baseline: b, role, findings };
}
