import type { ServingRequests } from "../model/evidence.ts";
import { findEvidence } from "./find-evidence.ts";
import type { MetricDefinition, MetricEstimate, MetricUnavailable } from "./metric.ts";
import { newcombeDifference, wilsonInterval } from "./proportion.ts";

/**
 * `success_rate`: the share of requests that completed, with a Wilson score bound; as a `delta` against
 * the baseline (4.2: "no lower than without co-location"), Newcombe's interval for the difference.
 */
export const successRate: MetricDefinition = {
  id: "success_rate",
  unit: "fraction",
  better: "higher",
  evaluate(input) {
    const candidate = findEvidence(input, "serving-requests", "candidate")?.requests;
    if (candidate === undefined)
      return missing(
        "No candidate request log with per-request status was submitted; add evidence.candidate.",
      );
    const c = countOk(candidate);
    if (input.comparison === "none") {
      const bound = wilsonInterval(c.ok, c.n, input.confidence);
      return {
        value: c.ok / c.n,
        low: bound.low,
        high: bound.high,
        n: c.n,
        method: `${c.ok} of ${c.n} requests succeeded; Wilson score bound`,
      };
    }
    const role = input.baselineRole ?? "baseline";
    const baseline = findEvidence(input, "serving-requests", "baseline")?.requests;
    if (baseline === undefined)
      return missing(`No ${role} request log was submitted; the success rate is compared with it.`);
    const b = countOk(baseline);
    const bound = newcombeDifference(c.ok, c.n, b.ok, b.n, input.confidence);
    const estimate: MetricEstimate = {
      value: c.ok / c.n - b.ok / b.n,
      low: bound.low,
      high: bound.high,
      n: Math.min(c.n, b.n),
      method: `success rate ${c.ok}/${c.n} vs ${role} ${b.ok}/${b.n}; Newcombe hybrid score interval for the difference`,
      candidate: c.ok / c.n,
      baseline: b.ok / b.n,
    };
    return estimate;
  },
};

// --- internal ---

function countOk(requests: ServingRequests): { ok: number; n: number } {
  let ok = 0;
  for (let i = 0; i < requests.rows; i++) ok += requests.ok[i] as number;
  return { ok, n: requests.rows };
}

function missing(reason: string): MetricUnavailable {
  return { unavailable: "missing", reason };
}
