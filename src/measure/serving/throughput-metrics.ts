import type { ServingRequests } from "../../model/evidence.ts";
import { requireColumn } from "../../model/request-columns.ts";
import { findEvidence } from "../find-evidence.ts";
import type { MeasureInput, MetricDefinition, MetricEstimate, MetricUnavailable } from "../metric.ts";
import { computeChange } from "../stats/relative-change.ts";

/**
 * Rates over a run: `request_throughput` (completed requests/s), `output_token_throughput` (tokens/s of
 * completed requests) and `goodput` (requests/s that met the SLO declared in the claim's conditions,
 * `slo_ttft_ms` and/or `slo_tpot_ms`, as vLLM's --goodput does). The span runs from the first send to the
 * last completion. A run's rate is one measurement, so it carries no sampling bound.
 */
export const THROUGHPUT_METRICS: MetricDefinition[] = [
  rateMetric("request_throughput", "req/s", () => 1),
  rateMetric("output_token_throughput", "tok/s", (r, i) => requireColumn(r, "outputTokens")[i] as number),
  rateMetric("goodput", "req/s", meetsSlo),
];

// --- internal ---

type Weight = (requests: ServingRequests, i: number, input: MeasureInput) => number;

function rateMetric(id: string, unit: string, weight: Weight): MetricDefinition {
  return {
    id,
    unit,
    better: "higher",
    evaluate(input) {
      const candidate = rate(input, "candidate", id, weight);
      if ("unavailable" in candidate || input.comparison === "none") return candidate;
      const role = input.baselineRole ?? "baseline";
      const baseline = rate(input, role, id, weight);
      if ("unavailable" in baseline) return baseline;
      const value = computeChange(input.comparison, "higher", candidate.value, baseline.value);
      return {
        value,
        low: value,
        high: value,
        n: Math.min(candidate.n, baseline.n),
        method: `${id} ${round(candidate.value)} vs ${role} ${round(baseline.value)} ${unit}; one run each, no sampling bound`,
        methodRef: {
          key: "method.throughput_change",
          params: {
            id,
            c: round(candidate.value),
            role: { key: `role.${role}`, text: role },
            b: round(baseline.value),
            unit,
          },
        },
        candidate: candidate.value,
        baseline: baseline.value,
      };
    },
  };
}

function rate(
  input: MeasureInput,
  role: string,
  id: string,
  weight: Weight,
): MetricEstimate | MetricUnavailable {
  const evidence = findEvidence(input, "serving-requests", role === "candidate" ? "candidate" : "baseline");
  const requests = evidence?.requests;
  const unrecorded = requests === undefined ? undefined : unrecordedColumn(requests, id, input);
  if (requests === undefined || unrecorded !== undefined) {
    const reported = evidence?.reported?.find((r) => r.metric === id);
    if (reported !== undefined)
      return {
        value: reported.value,
        low: reported.value,
        high: reported.value,
        n: 0,
        method: `reported by ${evidence?.format}`,
        methodRef: { key: "method.reported_by", params: { format: `${evidence?.format}` } },
      };
    // The unrecorded column's explanation is the format's own English sentence: no key for it yet.
    return unrecorded === undefined
      ? {
          unavailable: "missing",
          reason: `No ${role} request log with send times was submitted for ${id}.`,
          reasonRef: {
            key: "missing.throughput_log",
            params: { role: { key: `role.${role}`, text: role }, id },
          },
        }
      : {
          unavailable: "missing",
          reason: `${id} needs a column the ${role}'s ${evidence?.format} file does not hold: ${unrecorded}`,
        };
  }
  if (
    id === "goodput" &&
    input.conditions.slo_ttft_ms === undefined &&
    input.conditions.slo_tpot_ms === undefined
  ) {
    return {
      unavailable: "missing",
      reason: "Goodput needs an SLO: declare slo_ttft_ms and/or slo_tpot_ms in the claim's conditions.",
      reasonRef: { key: "missing.goodput_slo" },
    };
  }
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  let total = 0;
  const starts = requireColumn(requests, "startS");
  const e2es = requireColumn(requests, "e2eMs");
  for (let i = 0; i < requests.rows; i++) {
    const start = starts[i] as number;
    if (Number.isNaN(start)) continue;
    const e2e = e2es[i] as number;
    first = Math.min(first, start);
    last = Math.max(last, start + (Number.isNaN(e2e) ? 0 : e2e / 1000));
    if (requests.ok[i] === 1) total += weight(requests, i, input);
  }
  if (!(last > first))
    return {
      unavailable: "invalid",
      reason: `The ${role} request log has no start_s times; add send times to compute ${id}.`,
      reasonRef: {
        key: "invalid.throughput_no_start",
        params: { role: { key: `role.${role}`, text: role }, id },
      },
    };
  const value = total / (last - first);
  return {
    value,
    low: value,
    high: value,
    n: requests.rows,
    method: `${round(total)} over ${round(last - first)} s from the first send to the last completion; one run, no sampling bound`,
    methodRef: {
      key: "method.throughput_span",
      params: { total: round(total), seconds: round(last - first) },
    },
  };
}

/** Why a column this rate weighs by is not in the log's format (tokens; TPOT for a TPOT SLO), if so. */
function unrecordedColumn(requests: ServingRequests, id: string, input: MeasureInput): string | undefined {
  if (id === "output_token_throughput") return requests.unrecorded?.outputTokens;
  if (id === "goodput" && input.conditions.slo_tpot_ms !== undefined) return requests.unrecorded?.tpotMs;
  return undefined;
}

function meetsSlo(requests: ServingRequests, i: number, input: MeasureInput): number {
  const ttftLimit = input.conditions.slo_ttft_ms;
  const tpotLimit = input.conditions.slo_tpot_ms;
  const ttftOk =
    typeof ttftLimit !== "number" || (requireColumn(requests, "ttftMs")[i] as number) <= ttftLimit;
  const tpotOk =
    typeof tpotLimit !== "number" || !((requireColumn(requests, "tpotMs")[i] as number) > tpotLimit);
  return ttftOk && tpotOk ? 1 : 0;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
