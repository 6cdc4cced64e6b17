import type { GpuMemorySamples } from "../../model/evidence.ts";
import type { MessageRef } from "../../model/message.ts";
import type { MetricDefinition, MetricEstimate, MetricUnavailable } from "../metric.ts";
import { computeChange } from "../stats/relative-change.ts";

/**
 * `gpu.utilization_mean`: mean `utilization.gpu` over a timeline, in percent; as an improvement, the
 * candidate's timeline (`memory` role) against the baseline's (`baseline-memory`) on the same traffic.
 * A timeline is one run's full record, so the mean is exact for that run and carries no sampling bound.
 */
export const gpuUtilization: MetricDefinition = {
  id: "gpu.utilization_mean",
  unit: "%",
  better: "higher",
  evaluate(input) {
    const candidate = input.evidence.memory?.memory;
    if (candidate === undefined)
      return missing(
        "No GPU timeline (evidence.memory) was submitted; capture nvidia-smi with utilization.gpu during the run.",
        { key: "missing.gpu_timeline" },
      );
    const c = meanUtilization(candidate);
    if (c === undefined)
      return {
        unavailable: "invalid",
        reason: "The timeline has no utilization.gpu values; query utilization.gpu with nvidia-smi.",
      };
    if (input.comparison === "none")
      return exact(c.mean, c.n, `mean utilization.gpu over ${c.n} samples`, {
        key: "method.utilization_mean",
        params: { n: c.n },
      });
    const role = input.baselineRole ?? "baseline-memory";
    const baselineTimeline = input.evidence[role]?.memory;
    if (baselineTimeline === undefined)
      return missing(
        `No ${role} timeline was submitted; capture nvidia-smi on the baseline system under the same traffic and add it as evidence.${role}.`,
      );
    const b = meanUtilization(baselineTimeline);
    if (b === undefined)
      return { unavailable: "invalid", reason: `The ${role} timeline has no utilization.gpu values.` };
    const value = computeChange(input.comparison, "higher", c.mean, b.mean);
    return {
      ...exact(
        value,
        Math.min(c.n, b.n),
        `mean utilization.gpu ${round(c.mean)} % (${c.n} samples) vs ${role} ${round(b.mean)} % (${b.n} samples)`,
        {
          key: "method.utilization_change",
          params: {
            c: round(c.mean),
            cn: c.n,
            role: { key: `role.${role}`, text: role },
            b: round(b.mean),
            bn: b.n,
          },
        },
      ),
      candidate: c.mean,
      baseline: b.mean,
    };
  },
};

export const UTILIZATION_METRICS: MetricDefinition[] = [gpuUtilization];

// --- internal ---

function meanUtilization(timeline: GpuMemorySamples): { mean: number; n: number } | undefined {
  let sum = 0;
  let n = 0;
  for (const u of timeline.utilizationPct) {
    if (Number.isNaN(u)) continue;
    sum += u;
    n++;
  }
  return n === 0 ? undefined : { mean: sum / n, n };
}

function exact(value: number, n: number, method: string, ref: MessageRef): MetricEstimate {
  return {
    value,
    low: value,
    high: value,
    n,
    method: `${method}; exact for this run (no sampling bound)`,
    methodRef: { key: "method.exact_this_run", params: { method: ref } },
  };
}

function missing(reason: string, reasonRef?: MessageRef): MetricUnavailable {
  return reasonRef === undefined
    ? { unavailable: "missing", reason }
    : { unavailable: "missing", reason, reasonRef };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
