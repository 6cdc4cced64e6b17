import type { CollectiveTest } from "../../model/collective.ts";
import { createFinding } from "../../model/create-finding.ts";
import type { Finding } from "../../model/finding.ts";
import type { MeasureInput } from "../metric.ts";
import type { Sentence } from "../sentence.ts";

/**
 * The ranks in the log (`#  Rank` lines) against the accelerators the submission declares: the sum
 * of `system.accelerators[].count`, times `system.nodes` when that is declared (then counts are per node).
 */
export function systemMismatch(input: MeasureInput, test: CollectiveTest, path: string): Finding[] {
  const perNode = input.system.accelerators.reduce((sum, a) => sum + a.count, 0);
  const nodes = input.system.nodes;
  const declared = perNode * (nodes ?? 1);
  if (declared === 0 || test.ranks === undefined || test.ranks === declared) return [];
  const said =
    nodes === undefined
      ? `${declared} accelerators`
      : `${nodes} nodes × ${perNode} = ${declared} accelerators`;
  const hosts = test.hosts > 0 ? ` on ${test.hosts} host${test.hosts === 1 ? "" : "s"}` : "";
  const nodesHint = nodes === undefined && test.hosts > 1 && test.ranks === perNode * test.hosts;
  const hint = nodesHint
    ? ` Declare system.nodes: ${test.hosts} (accelerators[].count is then per node).`
    : " Fix system.accelerators (count per node) and system.nodes, or submit the log of the declared system.";
  return [
    createFinding(
      "COLLECTIVE_RANKS_SYSTEM",
      "warning",
      `The log ran on ${test.ranks} ranks${hosts} but the submission declares ${said}; busbw depends on the rank count, so the declaration or the log is not this system's.${hint}`,
      { path, line: test.line },
      {
        ranks: test.ranks,
        hosts: test.hosts > 0 ? { key: "ranks_system.hosts", params: { hosts: test.hosts } } : "",
        said: { key: "ranks_system.said", params: { nodes: nodes ?? "none", per: perNode, declared } },
        hint: nodesHint
          ? { key: "ranks_system.hint_nodes", params: { hosts: test.hosts } }
          : { key: "ranks_system.hint_fix" },
      },
    ),
  ];
}

/**
 * What to declare when busbw is above the line rate: the NICs of a multi-node run, or in-network
 * reduction; the English sentence is the ref's `text`.
 */
export function aboveLineRateAdvice(test: CollectiveTest, nicsPerNode: number | undefined): Sentence {
  const spans = test.hosts > 1 && nicsPerNode === undefined;
  const nics = spans
    ? `the run spans ${test.hosts} nodes, so if each node has several NICs declare system.nics_per_node (the line rate is then their aggregate); `
    : "";
  return {
    key: "advice.above_line_rate",
    params: { hosts: spans ? test.hosts : "none" },
    text: `${nics}if NVLink SHARP, SHARP or CollNet reduced in the network declare system.in_network_reduction (nvls, sharp, collnet); otherwise the rank count, the busbw factor or the declared link is wrong.`,
  };
}
