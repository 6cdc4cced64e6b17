import { roleRef } from "../measure/sentence.ts";
import type { CollectiveTest } from "../model/collective.ts";
import { createFinding } from "../model/create-finding.ts";
import type { Finding } from "../model/finding.ts";
import type { ComparabilityContext, ComparedSide } from "./comparability.ts";

/**
 * Collective logs (3.2's heterogeneous loss): the baseline ran the requirement's collective (an
 * all_gather busbw is no baseline for all_reduce) on as many ranks as the candidate (ring and tree
 * steps, hence busbw, change with the rank count and the node count behind it).
 */
export function compareCollectiveLogs(
  candidate: ComparedSide,
  baseline: ComparedSide,
  context: ComparabilityContext,
): Finding[] {
  const c = candidate.evidence.collective?.tests ?? [];
  const b = baseline.evidence.collective?.tests ?? [];
  const wanted = context.collective ?? c[0]?.collective;
  const ct = c.find((t) => t.collective === wanted);
  if (ct === undefined || wanted === undefined) return [];
  const bt = b.find((t) => t.collective === wanted);
  if (bt === undefined)
    return [
      createFinding(
        "COMPARE_COLLECTIVE_MISMATCH",
        "error",
        `The candidate (${candidate.path}) ran ${wanted} but the ${baseline.role} (${baseline.path}) holds ${names(b)}: there is no ${wanted} baseline; submit the baseline cluster's ${wanted}_perf output.`,
        { path: baseline.path, line: 1 },
        {
          path: candidate.path,
          wanted,
          role: roleRef(baseline.role),
          path2: baseline.path,
          names: names(b),
          wanted2: wanted,
          wanted3: wanted,
        },
      ),
    ];
  if (ct.ranks === undefined || bt.ranks === undefined || ct.ranks === bt.ranks) return [];
  return [
    createFinding(
      "COMPARE_WORLD_SIZE_MISMATCH",
      "error",
      `The candidate's ${wanted} (${candidate.path}) ran on ${ct.ranks} ranks and the ${baseline.role}'s (${baseline.path}) on ${bt.ranks}: busbw changes with the rank count and topology; run the baseline on ${ct.ranks} ranks.`,
      { path: baseline.path, line: bt.line },
      {
        variant: "comparability_collective_1",
        wanted,
        path: candidate.path,
        ranks: ct.ranks,
        role: roleRef(baseline.role),
        path2: baseline.path,
        ranks2: bt.ranks,
        ranks3: ct.ranks,
      },
    ),
  ];
}

// --- internal ---

function names(tests: CollectiveTest[]): string {
  const known = tests.map((t) => t.collective ?? "an unnamed collective");
  return known.length === 0 ? "no test" : [...new Set(known)].join(", ");
}
