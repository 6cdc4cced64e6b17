import type { GpuMemorySamples } from "../../model/evidence.ts";
import type { MessageParam } from "../../model/message.ts";
import { findEvidence } from "../find-evidence.ts";
import type { MeasureInput, MetricDefinition, MetricEstimate, MetricUnavailable } from "../metric.ts";
import { roleRef } from "../sentence.ts";
import { computeChange } from "../stats/relative-change.ts";

/**
 * `gpu_memory.peak_used_gib` (4.1, 显存节省): the most memory any one GPU held at any sample of the
 * timeline (nvidia-smi, dcgmi dmon or the gpu-memory CSV), in GiB; as an `improvement` against the
 * baseline (BF16) run, 1 − cand/base. A maximum of the samples taken, so an exact reading of the
 * capture (a sparser capture can only miss a higher peak; the method says how many samples).
 */
export const peakMemoryUsed: MetricDefinition = {
  id: "gpu_memory.peak_used_gib",
  unit: "GiB",
  better: "lower",
  evaluate(input) {
    const candidate = peakOf(findEvidence(input, "gpu-memory", "candidate")?.memory, "candidate");
    if (input.comparison === "none" || "unavailable" in candidate) return candidate;
    const role = input.baselineRole ?? "baseline";
    const baseline = peakOf(findEvidence(input, "gpu-memory", "baseline")?.memory, role);
    if ("unavailable" in baseline) return baseline;
    const value = computeChange(input.comparison, "lower", candidate.value, baseline.value);
    return {
      value,
      low: value,
      high: value,
      n: Math.min(candidate.n, baseline.n),
      method: `candidate ${candidate.method} vs ${role} ${baseline.method}`,
      methodRef: {
        key: "method.peak_memory_change",
        params: {
          c: methodOf(candidate),
          role: roleRef(role),
          b: methodOf(baseline),
        },
      },
      candidate: candidate.value,
      baseline: baseline.value,
    };
  },
};

// --- internal ---

const MIB_PER_GIB = 1024;

function peakOf(memory: GpuMemorySamples | undefined, role: string): MetricEstimate | MetricUnavailable {
  if (memory === undefined || memory.rows === 0)
    return {
      unavailable: "missing",
      reason: `No ${role} GPU memory timeline was submitted (nvidia-smi --query-gpu=timestamp,index,memory.used,memory.total --format=csv -l 1 during training).`,
      reasonRef: { key: "missing.peak_memory_timeline", params: { role: roleRef(role) } },
    };
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < memory.rows; i++) {
    const used = memory.usedMiB[i] as number;
    if (used > max) max = used;
  }
  if (!Number.isFinite(max))
    return {
      unavailable: "invalid",
      reason: `The ${role} timeline has no memory.used value.`,
      reasonRef: { key: "invalid.peak_memory_no_used", params: { role: roleRef(role) } },
    };
  const value = max / MIB_PER_GIB;
  const gib = Math.round(value * 100) / 100;
  return {
    value,
    low: value,
    high: value,
    n: memory.rows,
    method: `peak memory.used ${gib} GiB of any GPU over ${memory.rows} samples`,
    methodRef: { key: "method.peak_memory", params: { gib, n: memory.rows } },
  };
}

function methodOf(estimate: MetricEstimate): MessageParam {
  return estimate.methodRef === undefined
    ? estimate.method
    : { ...estimate.methodRef, text: estimate.method };
}
