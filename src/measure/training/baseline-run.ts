import type { MessageRef } from "../../model/message.ts";
import type { MetricEstimate, MetricUnavailable } from "../metric.ts";
import { roleRef } from "../sentence.ts";

/**
 * A training figure of the candidate with the baseline run's figure shown beside it (MFU, effective
 * time): the value stays the candidate's, the method says what the baseline run gave or why it gave
 * nothing.
 */
export function withBaselineRun(
  candidate: MetricEstimate,
  role: string,
  baseline: MetricEstimate | MetricUnavailable,
): MetricEstimate {
  const own: MessageRef = candidate.methodRef ?? { key: "reason.text", params: { text: candidate.method } };
  if ("unavailable" in baseline)
    return {
      ...candidate,
      method: `${candidate.method}; ${role} run: ${baseline.reason}`,
      methodRef: {
        key: "method.training_baseline_unavailable",
        params: {
          method: own,
          role: roleRef(role),
          reason: baseline.reasonRef ?? { key: "reason.text", params: { text: baseline.reason } },
        },
      },
    };
  return {
    ...candidate,
    candidate: candidate.value,
    baseline: baseline.value,
    method: `${candidate.method}; ${role} run ${percent(baseline.value)} % (${baseline.method})`,
    methodRef: {
      key: "method.training_baseline_run",
      params: {
        method: own,
        role: roleRef(role),
        percent: percent(baseline.value),
        baseline: baseline.methodRef ?? { key: "reason.text", params: { text: baseline.method } },
      },
    },
  };
}

// --- internal ---

function percent(value: number): number {
  return Math.round(value * 1000) / 10;
}
