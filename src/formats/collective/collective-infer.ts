import { busbwFactor, type Collective, type CollectiveTest } from "../../model/collective.ts";

/**
 * The collective of a test whose log does not name it (rccl-tests and nccl-tests before 2025 print no
 * `# Collective test starting`), from the ratio busbw / algbw the tool applied and the reduction
 * operator: 2(n−1)/n with a reduction is all_reduce, (n−1)/n with one is reduce_scatter. Gather-type
 * tests (all_gather, alltoall, gather) share the same ratio and no reduction, so they stay unknown
 * until the submission declares them; guessing would compare one collective's numbers with another's
 * target.
 */
export function inferCollective(test: CollectiveTest): Collective | undefined {
  const n = test.ranks;
  if (n === undefined || n < 2) return undefined;
  const ratios = test.rows.filter((r) => r.algbw >= 1).map((r) => r.busbw / r.algbw);
  if (ratios.length === 0) return undefined;
  const ratio = ratios.sort((a, b) => a - b)[Math.floor(ratios.length / 2)] as number;
  const reduces = test.rows.some((r) => r.redop !== "none");
  const near = (c: Collective) => Math.abs(ratio - busbwFactor(c, n)) < 0.01 * busbwFactor(c, n);
  if (reduces && near("all_reduce")) return "all_reduce";
  if (reduces && near("reduce_scatter")) return "reduce_scatter";
  return undefined;
}
