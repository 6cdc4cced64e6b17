import type { EvidenceKind, ParsedEvidence } from "../model/evidence.ts";
import type { MeasureInput } from "./metric.ts";

/**
 * The evidence of one kind for one side of a comparison. A submission often holds several kinds at
 * once (request logs under `candidate`/`baseline`, an outcomes file under `review`, cost files under
 * `cost-candidate`/`cost-baseline`), so roles are matched by kind first: the side's own role when it
 * holds this kind, otherwise the only role of this kind whose name does (baseline) or does not
 * (candidate) contain "baseline". When several files of the kind could be the side and none has the
 * requirement's role, nothing is returned: guessing would judge one file's numbers as another's.
 */
export function findEvidence(
  input: MeasureInput,
  kind: EvidenceKind,
  side: "candidate" | "baseline",
): ParsedEvidence | undefined {
  const role =
    side === "candidate" ? (input.candidateRole ?? "candidate") : (input.baselineRole ?? "baseline");
  const own = input.evidence[role];
  if (own?.kind === kind) return own;
  const isBaseline = (name: string) => name.includes("baseline");
  const matches = Object.entries(input.evidence).filter(
    ([name, e]) => e.kind === kind && isBaseline(name) === (side === "baseline"),
  );
  if (matches.length > 1 && side === "candidate" && input.candidateRole !== undefined) return undefined;
  return matches[0]?.[1];
}
