import type { CostScenario } from "../../model/evidence.ts";
import type { MessageParam, MessageRef } from "../../model/message.ts";
import { findEvidence } from "../find-evidence.ts";
import type { MetricDefinition, MetricEstimate, MetricUnavailable } from "../metric.ts";
import { computeChange } from "../stats/relative-change.ts";

/**
 * `cost.per_1k_requests`: total cost (or GPU-hours when no cost is given) per 1,000 requests over the
 * declared scenarios; as an improvement, against the baseline's scenarios, in the one column both
 * files give on every row (`sharedCostColumn`): cost in CNY against GPU-hours is no comparison.
 * Declared figures, no sampling.
 */
export const costPer1k: MetricDefinition = {
  id: "cost.per_1k_requests",
  unit: "per 1k requests",
  better: "lower",
  evaluate(input) {
    const candidate = findEvidence(input, "cost", "candidate")?.costs;
    if (input.comparison === "none")
      return perThousand(candidate, costColumns(candidate ?? [])[0], "candidate");
    const role = input.baselineRole ?? "baseline";
    const baseline = findEvidence(input, "cost", "baseline")?.costs;
    const column = sharedCostColumn(candidate ?? [], baseline ?? []);
    if (candidate !== undefined && baseline !== undefined && column === undefined)
      return {
        unavailable: "invalid",
        reason: `The candidate and ${role} cost files share no column filled on every row (cost or gpu_hours); give the same one in both.`,
        reasonRef: { key: "invalid.cost_no_shared_column", params: { role: roleRef(role) } },
      };
    const c = perThousand(candidate, column, "candidate");
    if ("unavailable" in c) return c;
    const b = perThousand(baseline, column, role);
    if ("unavailable" in b) return b;
    const value = computeChange(input.comparison, "lower", c.value, b.value);
    return {
      value,
      low: value,
      high: value,
      n: Math.min(c.n, b.n),
      method: `${c.method} vs ${role} ${b.method}; declared figures, no sampling bound`,
      methodRef: {
        key: "method.cost_change",
        params: { c: methodOf(c), role: roleRef(role), b: methodOf(b) },
      },
      candidate: c.value,
      baseline: b.value,
    };
  },
};

/** The columns of a cost file filled on every row, cost first. */
export function costColumns(costs: CostScenario[]): CostColumn[] {
  const filled = (column: CostColumn) => costs.length > 0 && costs.every((s) => !Number.isNaN(s[column]));
  return (["cost", "gpuHours"] as const).filter(filled);
}

/** The column two cost files can be compared in: cost when both give it, else GPU-hours. */
export function sharedCostColumn(
  candidate: CostScenario[],
  baseline: CostScenario[],
): CostColumn | undefined {
  const theirs = costColumns(baseline);
  return costColumns(candidate).find((column) => theirs.includes(column));
}

export type CostColumn = "cost" | "gpuHours";

// --- internal ---

function perThousand(
  costs: CostScenario[] | undefined,
  column: CostColumn | undefined,
  role: string,
): MetricEstimate | MetricUnavailable {
  if (costs === undefined)
    return {
      unavailable: "missing",
      reason: `No ${role} cost file was submitted; \`claimcheck template cost\` prints its header.`,
      reasonRef: { key: "missing.cost_file", params: { role: roleRef(role) } },
    };
  const useCost = column === "cost";
  const spend = column === undefined ? Number.NaN : costs.reduce((sum, s) => sum + s[column], 0);
  const requests = costs.reduce((sum, s) => sum + s.requests, 0);
  if (Number.isNaN(spend) || !(requests > 0))
    return {
      unavailable: "invalid",
      reason: `The ${role} cost file needs requests and, on every row, cost or gpu_hours.`,
      reasonRef: { key: "invalid.cost_unfilled", params: { role: roleRef(role) } },
    };
  const value = (1000 * spend) / requests;
  return {
    value,
    low: value,
    high: value,
    n: costs.length,
    method: `${Math.round(value * 1000) / 1000} ${useCost ? "cost" : "GPU-hours"} per 1k requests over ${costs.length} scenario(s)`,
    methodRef: {
      key: "method.cost_per_1k",
      params: {
        value: Math.round(value * 1000) / 1000,
        column: useCost ? "cost" : "gpu_hours",
        n: costs.length,
      },
    },
  };
}

function methodOf(estimate: MetricEstimate): MessageParam {
  return estimate.methodRef === undefined
    ? estimate.method
    : { ...estimate.methodRef, text: estimate.method };
}

function roleRef(role: string): MessageRef {
  return { key: `role.${role}`, text: role };
}
