import type { GpuMemorySamples } from "../model/evidence.ts";
import type { HardwareCatalog } from "../model/hardware.ts";
import type { Submission } from "../model/manifest.ts";
import type { Chart, RequirementResult } from "../model/report.ts";
import type { Topic } from "../model/topic.ts";
import { computeBarCharts } from "./bar-charts.ts";
import { computeErrorRows, computeRoleText, roundLabel } from "./chart-rows.ts";
import { computeBusbwCharts } from "./collective-charts.ts";
import { computeLatencyCharts } from "./latency-charts.ts";
import type { VerifiedInput } from "./verify-submission.ts";

/** Points per series: enough for a smooth curve, few enough to keep a report small. */
export const MAX_CHART_POINTS = 200;

export interface ComputeChartsOptions {
  requirements: RequirementResult[];
  inputs: VerifiedInput[];
  system: Submission["system"];
  hardware?: HardwareCatalog;
  /** The topic, for what the report does not repeat (the collective a busbw requirement reads). */
  topic?: Topic;
}

/**
 * Chart data for a report, computed from the evidence at verify time: latency percentile plots
 * (candidate vs baseline, the judged percentile and the target marked) per latency metric a
 * requirement uses, bars of the relative requirements by verdict with their bounds, GPU memory
 * timelines and busbw by message size with the target and the judged window.
 */
export function computeCharts(options: ComputeChartsOptions): Chart[] {
  return [
    ...computeLatencyCharts(options.requirements, options.inputs),
    ...computeBarCharts(options.requirements),
    ...computeMemoryTimelines(options),
    ...computeBusbwCharts(options),
  ];
}

// --- internal ---

function computeMemoryTimelines({ requirements, inputs, system }: ComputeChartsOptions): Chart[] {
  const series = inputs
    .filter((input) => input.parsed.memory !== undefined && input.parsed.memory.rows > 0)
    .flatMap((input) =>
      memorySeries(
        input.role,
        input.parsed.memory as GpuMemorySamples,
        computeErrorRows(input.parsed.findings, input.path).lines,
      ),
    );
  if (series.length === 0) return [];
  const startup = requirements.find((r) => r.metric === "gpu_memory.startup_excess_gib");
  const weights = (system as Record<string, unknown>).model_weights_gib;
  const limit =
    startup?.target != null && typeof weights === "number" ? weights + startup.target.value : undefined;
  return [
    {
      id: "memory",
      type: "timeline",
      title: { en: "GPU memory used over time", zh: "显存占用随时间变化" },
      ...(startup === undefined ? {} : { requirement: startup.id }),
      x: { label: { en: "Time since the first sample", zh: "自首个采样起的时间" }, unit: "s" },
      y: { label: { en: "Memory used", zh: "显存占用" }, unit: "GiB" },
      series,
      ...(limit === undefined
        ? {}
        : {
            reference: [
              {
                axis: "y" as const,
                value: limit,
                label: { en: "weights + allowance", zh: "权重 + 允许余量" },
                text: { key: "chart.reference.weights_allowance", params: { value: roundLabel(limit) } },
              },
            ],
          }),
    },
  ];
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
