import { computeIdleWindow } from "../measure/system/memory-metrics.ts";
import type { GpuMemorySamples } from "../model/evidence.ts";
import type { Chart, ChartText, RequirementResult } from "../model/report.ts";
import type { ComputeChartsOptions } from "./chart-data.ts";
import { computeErrorRows, computeRoleText, roundLabel } from "./chart-rows.ts";
import type { VerifiedInput } from "./verify-submission.ts";

/** Points per series: enough for a smooth curve, few enough to keep a report small. */
export const MAX_CHART_POINTS = 200;

/**
 * GPU memory over time, one line per GPU of each timeline (samples with error findings left out),
 * with the start-up requirement as it is judged: the limit (weights + allowance), the idle window
 * before the first request shaded (the same window the metric reads) and its judged peak marked.
 * The metric sums the GPUs; the lines are per GPU, so on several GPUs the limit and the peak are
 * drawn as their share per GPU (divided by the GPU count), the grain of the lines they sit among.
 */
export function computeMemoryTimelines({ requirements, inputs, system }: ComputeChartsOptions): Chart[] {
  const timelines = inputs.filter(
    (input) => input.parsed.memory !== undefined && input.parsed.memory.rows > 0,
  );
  const series = timelines.flatMap((input) =>
    memorySeries(
      input.role,
      input.parsed.memory as GpuMemorySamples,
      computeErrorRows(input.parsed.findings, input.path).lines,
    ),
  );
  if (series.length === 0) return [];
  const startup = requirements.find((r) => r.metric === "gpu_memory.startup_excess_gib");
  const weights = (system as Record<string, unknown>).model_weights_gib;
  const judged = startup !== undefined && startup.verdict !== "invalid" && typeof weights === "number";
  const gpus = countGpus(judgedTimeline(timelines));
  const limit = judged && startup.target?.value != null ? weights + startup.target.value : undefined;
  const window = judged ? startupWindow(startup, weights, gpus, timelines, inputs) : undefined;
  const caption: ChartText[] = [
    ...(window === undefined ? [] : [startupCaption(gpus)]),
    ...(startup?.verdict === "invalid"
      ? [{ key: "chart.caption.requirements_left_out", params: { n: 1 } }]
      : []),
  ];
  return [
    {
      id: "memory",
      type: "timeline",
      title: { en: "GPU memory used over time", zh: "显存占用随时间变化" },
      ...(startup === undefined ? {} : { requirement: startup.id }),
      x: { label: { en: "Time since the first sample", zh: "自首个采样起的时间" }, unit: "s" },
      y: {
        label:
          gpus > 1
            ? { en: "Memory used per GPU", zh: "每 GPU 显存占用" }
            : { en: "Memory used", zh: "显存占用" },
        unit: "GiB",
      },
      series,
      ...(limit === undefined ? {} : { reference: [limitLine(limit, gpus)] }),
      ...(window === undefined ? {} : window),
      ...(caption.length === 0 ? {} : { caption }),
    },
  ];
}

// --- internal ---

/** The timeline the start-up metric reads: the `memory` role, else the first one submitted. */
function judgedTimeline(timelines: VerifiedInput[]): VerifiedInput | undefined {
  return timelines.find((t) => t.role === "memory") ?? timelines[0];
}

/** The GPUs the judged sum runs over: the distinct GPU indices of the judged timeline (at least 1). */
function countGpus(timeline: VerifiedInput | undefined): number {
  const gpu = timeline?.parsed.memory?.gpu;
  return gpu === undefined ? 1 : Math.max(1, new Set([...gpu].filter(Number.isFinite)).size);
}

/** The limit as a target line: the whole limit on one GPU, its share per GPU on several. */
function limitLine(limit: number, gpus: number): NonNullable<Chart["reference"]>[number] {
  if (gpus === 1)
    return {
      axis: "y",
      value: limit,
      label: { en: "weights + allowance", zh: "权重 + 允许余量" },
      text: { key: "chart.target.weights_allowance", params: { value: roundLabel(limit) } },
    };
  const share = limit / gpus;
  return {
    axis: "y",
    value: share,
    label: { en: "weights + allowance per GPU", zh: "每 GPU 的权重 + 允许余量" },
    text: {
      key: "chart.target.weights_allowance_per_gpu",
      params: { value: roundLabel(share), total: roundLabel(limit), gpus },
    },
  };
}

function startupCaption(gpus: number): ChartText {
  return gpus === 1
    ? { key: "chart.caption.startup" }
    : { key: "chart.caption.startup_per_gpu", params: { gpus } };
}

/**
 * The idle window the metric read, shaded from the candidate timeline's first sample, and the judged
 * peak (weights + excess, summed over GPUs; per GPU on several) marked at the window's end; undefined
 * when nothing was measured.
 */
function startupWindow(
  startup: RequirementResult,
  weights: number,
  gpus: number,
  timelines: VerifiedInput[],
  inputs: VerifiedInput[],
): Pick<Chart, "bands" | "markers"> | undefined {
  const timeline = judgedTimeline(timelines);
  const excess = startup.measured?.value;
  if (timeline === undefined || excess == null) return undefined;
  const memory = timeline.parsed.memory as GpuMemorySamples;
  const candidate = inputs.find((i) => i.role === "candidate")?.parsed;
  const window = computeIdleWindow(memory, timeline.parsed.context, candidate);
  const start = firstFinite(memory.timeS);
  let end = 0;
  for (const t of memory.timeS) if (t < window.before && t - start > end) end = t - start;
  const peak = roundLabel(weights + excess);
  const share = roundLabel((weights + excess) / gpus);
  return {
    bands: [{ axis: "x", from: 0, to: round(end), text: { key: "chart.band.startup" } }],
    markers: [
      {
        x: round(end),
        y: gpus === 1 ? peak : share,
        role: timeline.role,
        text:
          gpus === 1
            ? { key: "chart.marker.startup_peak", params: { value: peak } }
            : { key: "chart.marker.startup_peak_per_gpu", params: { value: share, total: peak, gpus } },
      },
    ],
  };
}
/** One line per GPU; samples on a line with an error finding are left out. */
function memorySeries(role: string, memory: GpuMemorySamples, errorLines: Set<number>): Chart["series"] {
  const gpus = [...new Set(memory.gpu)].sort((a, b) => a - b);
  const start = firstFinite(memory.timeS);
  return gpus.map((gpu) => {
    const points: Array<[number, number]> = [];
    for (let i = 0; i < memory.rows; i++) {
      const t = memory.timeS[i] as number;
      const used = memory.usedMiB[i] as number;
      if (
        memory.gpu[i] === gpu &&
        Number.isFinite(t) &&
        Number.isFinite(used) &&
        !errorLines.has(memory.lines[i] as number)
      )
        points.push([round(t - start), round(used / 1024)]);
    }
    return {
      label: gpus.length > 1 ? `${role} GPU ${gpu}` : role,
      role,
      points: thin(points),
      text: computeRoleText(role, gpus.length > 1 ? { gpu } : {}),
    };
  });
}

/** Keeps at most MAX_CHART_POINTS: the highest sample of each bucket, so peaks survive. */
function thin(points: Array<[number, number]>): Array<[number, number]> {
  if (points.length <= MAX_CHART_POINTS) return points;
  const size = points.length / MAX_CHART_POINTS;
  const out: Array<[number, number]> = [];
  for (let b = 0; b < MAX_CHART_POINTS; b++) {
    const bucket = points.slice(Math.floor(b * size), Math.floor((b + 1) * size));
    const peak = bucket.reduce((best, p) => (p[1] > best[1] ? p : best), bucket[0] as [number, number]);
    out.push(peak);
  }
  return out;
}

function firstFinite(column: Float64Array): number {
  for (const value of column) if (Number.isFinite(value)) return value;
  return 0;
}

/** Six significant digits: enough for a chart, and stable JSON across platforms. */
function round(value: number): number {
  return Number(value.toPrecision(6));
}
