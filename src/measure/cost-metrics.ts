import type { CostScenario } from "../model/evidence.ts";
import { findEvidence } from "./find-evidence.ts";
import type { MeasureInput, MetricDefinition, MetricEstimate, MetricUnavailable } from "./metric.ts";
import { computeChange } from "./relative-change.ts";

/**
 * `cost.per_1k_requests`: total cost (or GPU-hours when no cost is given) per 1,000 requests over the
 * declared scenarios; as an improvement, against the baseline's scenarios. Declared figures, no sampling.
 */
export const costPer1k: MetricDefinition = {
  id: "cost.per_1k_requests",
  unit: "per 1k requests",
  better: "lower",
  evaluate(input) {
    const c = perThousand(input, "candidate");
    if ("unavailable" in c || input.comparison === "none") return c;
    const role = input.baselineRole ?? "baseline";
    const b = perThousand(input, "baseline", role);
    if ("unavailable" in b) return b;
    const value = computeChange(input.comparison, "lower", c.value, b.value);
    return {
      value,
      low: value,
      high: value,
      n: Math.min(c.n, b.n),
      method: `${c.method} vs ${role} ${b.method}; declared figures, no sampling bound`,
      candidate: c.value,
      baseline: b.value,
    };
  },
};

// --- internal ---

function perThousand(
  input: MeasureInput,
  side: "candidate" | "baseline",
  role: string = side,
): MetricEstimate | MetricUnavailable {
  const costs: CostScenario[] | undefined = findEvidence(input, "cost", side)?.costs;
  if (costs === undefined)
    return {
      unavailable: "missing",
      reason: `No ${role} cost file was submitted; \`claimcheck template cost\` prints its header.`,
    };
  const useCost = costs.every((s) => !Number.isNaN(s.cost));
  const spend = costs.reduce((sum, s) => sum + (useCost ? s.cost : s.gpuHours), 0);
  const requests = costs.reduce((sum, s) => sum + s.requests, 0);
  if (Number.isNaN(spend) || !(requests > 0))
    return {
      unavailable: "invalid",
      reason: `The ${role} cost file needs requests and, on every row, cost or gpu_hours.`,
    };
  const value = (1000 * spend) / requests;
  return {
    value,
    low: value,
    high: value,
    n: costs.length,
    method: `${Math.round(value * 1000) / 1000} ${useCost ? "cost" : "GPU-hours"} per 1k requests over ${costs.length} scenario(s)`,
  };
}
