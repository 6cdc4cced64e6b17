import { findEvidence } from "../find-evidence.ts";
import type { MetricDefinition } from "../metric.ts";

/**
 * `cost.cu_per_selection` (5.6, "约 1CU"): compute units per audience selection, Σ cu / Σ requests
 * over the cost file's scenarios (each request is one selection). The CU are the platform's bill,
 * declared by the team, so the value is exact and carries no sampling bound; the report says so.
 */
export const cuPerSelection: MetricDefinition = {
  id: "cost.cu_per_selection",
  unit: "CU",
  better: "lower",
  evaluate(input) {
    const costs = findEvidence(input, "cost", "candidate")?.costs;
    if (costs === undefined)
      return {
        unavailable: "missing",
        reason:
          "No cost file was submitted; `claimcheck template cost` prints its header (scenario, requests, cu, …): one row per selection workload with the CU it consumed.",
        reasonRef: { key: "missing.cu_cost_file" },
      };
    const unfilled = costs.find((s) => Number.isNaN(s.cu));
    if (costs.length === 0 || unfilled !== undefined)
      return {
        unavailable: "invalid",
        reason: `The cost file needs a cu value on every row${unfilled === undefined ? "" : ` (line ${unfilled.line}, scenario ${unfilled.scenario}, has none)`}; give the compute units each scenario consumed.`,
        reasonRef: {
          key: "invalid.cu_unfilled",
          params:
            unfilled === undefined
              ? { where: "none", line: 0, scenario: "" }
              : { where: "row", line: unfilled.line, scenario: unfilled.scenario },
        },
      };
    const selections = costs.reduce((sum, s) => sum + s.requests, 0);
    if (!(selections > 0))
      return {
        unavailable: "invalid",
        reason: "The cost file's scenarios served no selection (requests is 0).",
        reasonRef: { key: "invalid.cu_no_selection" },
      };
    const value = costs.reduce((sum, s) => sum + s.cu, 0) / selections;
    return {
      value,
      low: value,
      high: value,
      n: costs.length,
      method: `Σ cu / Σ requests = ${Number(value.toPrecision(4))} CU per selection over ${costs.length} scenario(s) and ${selections} selection(s); declared figures, no sampling bound`,
      methodRef: {
        key: "method.cu_per_selection",
        params: { value: Number(value.toPrecision(4)), n: costs.length, selections },
      },
    };
  },
};
