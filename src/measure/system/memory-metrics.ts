import type { GpuMemorySamples, ParsedEvidence } from "../../model/evidence.ts";
import type { MessageRef } from "../../model/message.ts";
import { requireColumn } from "../../model/request-columns.ts";
import type { MeasureInput, MetricDefinition, MetricEstimate, MetricUnavailable } from "../metric.ts";

const MIB_PER_GIB = 1024;
/** 2001-09-09 in Unix seconds: a time above it is a Unix time, one below it counts from a capture's start. */
const UNIX_TIME = 1e9;

/**
 * `1.2/startup-reserved-memory`: GPU memory in use after start-up and before the first request, over
 * the declared model weights. The first request's time comes from the candidate's request log when it
 * carries Unix timestamps; otherwise the idle window is the samples before utilization first rises.
 */
export const startupExcess: MetricDefinition = {
  id: "gpu_memory.startup_excess_gib",
  unit: "GiB",
  better: "lower",
  evaluate(input) {
    const evidence = findMemoryEvidence(input);
    const memory = evidence?.memory;
    if (memory === undefined) return missingMemory();
    const weights = declaredWeights(input);
    if (weights === undefined) {
      return {
        unavailable: "missing",
        reason:
          "The model's weight size is not declared; set system.model_weights_gib in claimcheck.yaml (or the claim condition model_weights_gib).",
        reasonRef: { key: "missing.model_weights" },
      };
    }
    const window = computeIdleWindow(memory, evidence?.context, input.evidence.candidate);
    if (window.count === 0) {
      return {
        unavailable: "invalid",
        reason: `The memory timeline has no sample before the first request (${window.how}); start nvidia-smi before the first request.`,
        reasonRef: { key: "invalid.memory_no_idle_sample", params: { how: window.howRef } },
      };
    }
    const peak = peakTotalUsed(memory, window.before) / MIB_PER_GIB;
    return exact(
      peak - weights,
      window.count,
      `max over ${window.count} samples before the first request (${window.how}) of memory.used summed over GPUs, minus ${weights} GiB of weights`,
      { key: "method.startup_excess", params: { n: window.count, how: window.howRef, weights } },
    );
  },
};

/** `1.5/gpu-memory`: the card's memory size, as vendors state it (GiB; nvidia-smi shows the usable part). */
export const totalMemory: MetricDefinition = {
  id: "gpu_memory.total_gb",
  unit: "GB",
  better: "lower",
  evaluate(input) {
    const memory = findMemory(input);
    if (memory === undefined) return missingMemory();
    let max = 0;
    // An [N/A] sample reads as NaN; Math.max would turn the whole answer into NaN.
    for (const total of memory.totalMiB) if (total > max) max = total;
    return exact(
      max / MIB_PER_GIB,
      memory.rows,
      `largest memory.total of any GPU in the timeline (MiB / 1024, the vendors' "GB")`,
      { key: "method.total_memory" },
    );
  },
};

export const MEMORY_METRICS: MetricDefinition[] = [startupExcess, totalMemory];

// --- internal ---

function findMemory(input: MeasureInput): GpuMemorySamples | undefined {
  return findMemoryEvidence(input)?.memory;
}

function findMemoryEvidence(input: MeasureInput): ParsedEvidence | undefined {
  if (input.evidence.memory?.memory !== undefined) return input.evidence.memory;
  return Object.values(input.evidence).find((e) => e.memory !== undefined);
}

function missingMemory(): MetricUnavailable {
  return {
    unavailable: "missing",
    reason:
      "No GPU memory timeline was submitted; add an nvidia-smi CSV under evidence.memory (or --memory).",
    reasonRef: { key: "missing.memory_timeline" },
  };
}

function declaredWeights(input: MeasureInput): number | undefined {
  const fromCondition = input.conditions.model_weights_gib;
  if (typeof fromCondition === "number") return fromCondition;
  return input.system.model_weights_gib;
}

/**
 * The idle window: samples before the first request, found by time (so a file written one GPU after
 * another is cut at the same moment on every GPU), and how its end was found. The request log's Unix
 * send times place the first request only on a timeline in Unix time: `dcgmi dmon` prints no time
 * (its sweeps are counted from the start of the capture, `context.time_base: "relative"`), and on
 * such a timeline every sample would fall before the first request and count as idle. Exported for
 * the memory chart, which shades the same window.
 */
export function computeIdleWindow(
  memory: GpuMemorySamples,
  context: ParsedEvidence["context"],
  candidate: ParsedEvidence | undefined,
): { before: number; count: number; how: string; howRef: MessageRef } {
  const starts = candidate?.requests === undefined ? undefined : requireColumn(candidate.requests, "startS");
  let firstRequest = Number.POSITIVE_INFINITY;
  if (starts !== undefined) for (const s of starts) if (s < firstRequest) firstRequest = s;
  const count = (before: number) => memory.timeS.reduce((n, t) => (t < before ? n + 1 : n), 0);
  const unixRequests = firstRequest > UNIX_TIME && Number.isFinite(firstRequest);
  const relative = context?.time_base === "relative" || !memory.timeS.some((t) => t > UNIX_TIME);
  if (unixRequests && !relative)
    return {
      before: firstRequest,
      count: count(firstRequest),
      how: "first request time from the request log",
      howRef: { key: "method.idle_first_request" },
    };
  let busy = Number.POSITIVE_INFINITY;
  memory.utilizationPct.forEach((u, i) => {
    if (u > 0) busy = Math.min(busy, memory.timeS[i] as number);
  });
  const why = unixRequests
    ? "; the request log's Unix send times cannot be placed on this timeline, whose times count from the start of the capture"
    : "";
  return {
    before: busy,
    count: count(busy),
    how: `samples before GPU utilization first rises above 0 %${why}`,
    howRef: { key: "method.idle_busy", params: { unix: unixRequests ? "yes" : "no" } },
  };
}

/**
 * The largest memory in use at one moment, summed over GPUs: after each sample, in time order, the
 * sum of every GPU's latest reading (a GPU's [N/A] keeps its previous reading). Each GPU counts once
 * whatever the sampling grain: `-lms 500` and `-lms 100` give the same reading as `-l 1`, where
 * grouping by rounded second summed two or ten queries of one GPU as if they were different GPUs.
 * Time order, not file order, so timelines written one GPU after another sum the same way.
 */
function peakTotalUsed(memory: GpuMemorySamples, before: number): number {
  const latest = new Map<number, number>();
  let total = 0;
  let peak = 0;
  for (const i of timeOrder(memory, before)) {
    const used = memory.usedMiB[i] as number;
    if (Number.isNaN(used)) continue;
    const gpu = memory.gpu[i] as number;
    total += used - (latest.get(gpu) ?? 0);
    latest.set(gpu, used);
    peak = Math.max(peak, total);
  }
  return peak;
}

/** Indices of the rows sampled before `before` (seconds), by time; stable for equal times. */
export function timeOrder(memory: GpuMemorySamples, before: number = Number.POSITIVE_INFINITY): number[] {
  const rows: number[] = [];
  for (let i = 0; i < memory.rows; i++) if ((memory.timeS[i] as number) < before) rows.push(i);
  return rows.sort((a, b) => (memory.timeS[a] as number) - (memory.timeS[b] as number) || a - b);
}

function exact(value: number, n: number, method: string, ref: MessageRef): MetricEstimate {
  // A maximum read off a timeline has no sampling error to bound: the bound is the value itself.
  return {
    value,
    low: value,
    high: value,
    n,
    method: `${method}; exact (no sampling)`,
    methodRef: { key: "method.exact_no_sampling", params: { method: ref } },
  };
}
