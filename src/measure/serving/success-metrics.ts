import type { ReportedStatistic, ServingRequests } from "../../model/evidence.ts";
import type { MessageRef } from "../../model/message.ts";
import { findEvidence } from "../find-evidence.ts";
import type { MeasureInput, MetricDefinition, MetricEstimate, MetricUnavailable } from "../metric.ts";
import { newcombeDifference, wilsonInterval } from "../stats/proportion.ts";

/**
 * `success_rate`: the share of requests that completed, with a Wilson score bound; as a `delta` against
 * the baseline (4.2: "no lower than without co-location"), Newcombe's interval for the difference.
 */
export const successRate: MetricDefinition = {
  id: "success_rate",
  unit: "fraction",
  better: "higher",
  evaluate(input) {
    const evidence = findEvidence(input, "serving-requests", "candidate");
    const candidate = evidence?.requests;
    if (candidate === undefined) {
      const reported = evidence?.reported?.find((s) => s.metric === "success_rate");
      if (reported !== undefined && input.comparison === "none")
        return fromSummary(reported, evidence?.format, input);
      return missing(
        "No candidate request log with per-request status was submitted; add evidence.candidate.",
        { key: "missing.serving_status" },
      );
    }
    const c = countOk(candidate);
    if (input.comparison === "none") {
      const bound = wilsonInterval(c.ok, c.n, input.confidence);
      return {
        value: c.ok / c.n,
        low: bound.low,
        high: bound.high,
        n: c.n,
        method: `${c.ok} of ${c.n} requests succeeded; Wilson score bound`,
        methodRef: { key: "method.success_wilson", params: { ok: c.ok, n: c.n } },
      };
    }
    const role = input.baselineRole ?? "baseline";
    const baseline = findEvidence(input, "serving-requests", "baseline")?.requests;
    if (baseline === undefined)
      return missing(`No ${role} request log was submitted; the success rate is compared with it.`, {
        key: "missing.success_baseline",
        params: { role: { key: `role.${role}`, text: role } },
      });
    const b = countOk(baseline);
    const bound = newcombeDifference(c.ok, c.n, b.ok, b.n, input.confidence);
    const estimate: MetricEstimate = {
      value: c.ok / c.n - b.ok / b.n,
      low: bound.low,
      high: bound.high,
      n: Math.min(c.n, b.n),
      method: `success rate ${c.ok}/${c.n} vs ${role} ${b.ok}/${b.n}; Newcombe hybrid score interval for the difference`,
      methodRef: {
        key: "method.success_newcombe",
        params: { c: `${c.ok}/${c.n}`, role: { key: `role.${role}`, text: role }, b: `${b.ok}/${b.n}` },
      },
      candidate: c.ok / c.n,
      baseline: b.ok / b.n,
    };
    return estimate;
  },
};

// --- internal ---

/** A tool's own count of successes (e.g. LLMPerf's requests started and errors): Wilson bound when n is known. */
function fromSummary(
  reported: ReportedStatistic,
  format: string | undefined,
  input: MeasureInput,
): MetricEstimate {
  const n = reported.n;
  if (n === undefined)
    return {
      value: reported.value,
      low: null,
      high: null,
      n: 0,
      method: `1 − error rate reported by ${format}; no request count, so no confidence bound`,
      methodRef: { key: "method.success_reported_rate", params: { format: `${format}` } },
      source: "reported",
    };
  const ok = Math.round(reported.value * n);
  const bound = wilsonInterval(ok, n, input.confidence);
  return {
    value: ok / n,
    low: bound.low,
    high: bound.high,
    n,
    method: `${ok} of ${n} requests succeeded, as counted by ${format}; Wilson score bound`,
    methodRef: { key: "method.success_reported_wilson", params: { ok, n, format: `${format}` } },
    source: "reported",
  };
}

function countOk(requests: ServingRequests): { ok: number; n: number } {
  let ok = 0;
  for (let i = 0; i < requests.rows; i++) ok += requests.ok[i] as number;
  return { ok, n: requests.rows };
}

function missing(reason: string, reasonRef?: MessageRef): MetricUnavailable {
  return reasonRef === undefined
    ? { unavailable: "missing", reason }
    : { unavailable: "missing", reason, reasonRef };
}
