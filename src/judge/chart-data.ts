import { successful } from "../measure/serving/serving-statistics.ts";
import type { GpuMemorySamples, RequestColumnKey, ServingRequests } from "../model/evidence.ts";
import type { HardwareCatalog } from "../model/hardware.ts";
import type { Submission } from "../model/manifest.ts";
import type { Chart, RequirementResult } from "../model/report.ts";
import { computeBusbwCharts } from "./collective-charts.ts";
import type { VerifiedInput } from "./verify-submission.ts";

/** Points per series: enough for a smooth curve, few enough to keep a report small. */
export const MAX_CHART_POINTS = 200;
/** CDFs are smooth curves: 100 quantiles draw them as well as 200 at half the report size. */
const CDF_POINTS = 100;

export interface ComputeChartsOptions {
  requirements: RequirementResult[];
  inputs: VerifiedInput[];
  system: Submission["system"];
  hardware?: HardwareCatalog;
}

/**
 * Chart data for a report, computed from the evidence at verify time: latency CDFs (candidate vs
 * baseline) per latency metric a requirement uses, bars of the relative requirements with their
 * bounds, and GPU memory timelines.
 */
export function computeCharts(options: ComputeChartsOptions): Chart[] {
  return [
    ...computeLatencyCdfs(options),
    ...computeRelativeBars(options.requirements),
    ...computeMemoryTimelines(options),
    ...computeBusbwCharts(options.inputs, options.system, options.hardware),
  ];
}

/** Evenly spaced quantiles of a sorted column as CDF points `[value, percent ≤ value]`. */
export function computeCdfPoints(sorted: Float64Array, max = MAX_CHART_POINTS): Array<[number, number]> {
  const n = sorted.length;
  if (n === 0) return [];
  const count = Math.min(n, max);
  const points: Array<[number, number]> = [];
  for (let i = 0; i < count; i++) {
    const index = count === 1 ? n - 1 : Math.round((i * (n - 1)) / (count - 1));
    points.push([round(sorted[index] as number), round(((index + 1) / n) * 100)]);
  }
  return points;
}

// --- internal ---

const LATENCY: Record<string, { key: RequestColumnKey; en: string; zh: string }> = {
  ttft_ms: { key: "ttftMs", en: "Time to first token", zh: "首字延迟" },
  tpot_ms: { key: "tpotMs", en: "Time per output token", zh: "每输出 token 时间" },
  itl_ms: { key: "itlMs", en: "Inter-token latency", zh: "token 间延迟" },
  e2e_ms: { key: "e2eMs", en: "End-to-end latency", zh: "端到端时延" },
};

const COMPARISON_TITLE: Record<string, { en: string; zh: string }> = {
  regression: { en: "Regression vs baseline", zh: "相对基线的劣化" },
  improvement: { en: "Improvement vs baseline", zh: "相对基线的提升" },
  loss: { en: "Loss vs baseline", zh: "相对基线的损失" },
  delta: { en: "Difference vs baseline", zh: "相对基线的差值" },
};

function computeLatencyCdfs({ requirements, inputs }: ComputeChartsOptions): Chart[] {
  const charts: Chart[] = [];
  const seen = new Set<string>();
  for (const requirement of requirements) {
    const metric = requirement.metric?.split(".")[0] ?? "";
    const column = LATENCY[metric];
    if (column === undefined || seen.has(metric)) continue;
    seen.add(metric);
    const series = inputs
      .filter((input) => input.parsed.requests !== undefined)
      .map((input) => ({
        label: input.role,
        role: input.role,
        points: computeCdfPoints(
          successful(input.parsed.requests as ServingRequests, column.key),
          CDF_POINTS,
        ),
      }))
      .filter((s) => s.points.length > 0);
    if (series.length === 0) continue;
    const target = requirement.target;
    const absolute =
      target !== null && target.value !== null && target.comparison === "none" && target.unit === "ms";
    charts.push({
      id: `latency-cdf:${metric}`,
      type: "cdf",
      title: { en: `${column.en} (CDF)`, zh: `${column.zh}（累积分布）` },
      requirement: requirement.id,
      x: { label: { en: column.en, zh: column.zh }, unit: "ms" },
      y: { label: { en: "Requests at or below", zh: "不超过该值的请求占比" }, unit: "%" },
      series,
      ...(absolute
        ? { reference: [{ axis: "x" as const, value: target.value as number, label: TARGET_LABEL }] }
        : {}),
    });
  }
  return charts;
}

const TARGET_LABEL = { en: "target", zh: "目标" };

function computeRelativeBars(requirements: RequirementResult[]): Chart[] {
  const groups = new Map<string, RequirementResult[]>();
  for (const r of requirements) {
    if (r.target === null || r.target.comparison === "none" || r.measured?.value == null) continue;
    const key = `${r.target.comparison}|${r.target.unit}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.entries()].map(([key, members]) => {
    const [comparison = "", unit = ""] = key.split("|");
    const title = COMPARISON_TITLE[comparison] ?? { en: comparison, zh: comparison };
    const targets = [...new Set(members.map((r) => r.target?.value as number))];
    return {
      id: comparison,
      type: "bars" as const,
      title,
      x: { label: { en: "Requirement", zh: "要求" }, unit: "" },
      y: { label: title, unit },
      series: [],
      bars: members.map((r) => ({
        label: r.id,
        requirement: r.id,
        value: r.measured?.value as number,
        low: r.measured?.low ?? null,
        high: r.measured?.high ?? null,
      })),
      reference: targets.map((value) => ({ axis: "y" as const, value, label: TARGET_LABEL })),
    };
  });
}

function computeMemoryTimelines({ requirements, inputs, system }: ComputeChartsOptions): Chart[] {
  const series = inputs
    .filter((input) => input.parsed.memory !== undefined && input.parsed.memory.rows > 0)
    .flatMap((input) => memorySeries(input.role, input.parsed.memory as GpuMemorySamples));
  if (series.length === 0) return [];
  const startup = requirements.find((r) => r.metric === "gpu_memory.startup_excess_gib");
  const weights = (system as Record<string, unknown>).model_weights_gib;
  const limit =
    startup?.target?.value != null && typeof weights === "number"
      ? weights + startup.target.value
      : undefined;
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
              },
            ],
          }),
    },
  ];
}

function memorySeries(role: string, memory: GpuMemorySamples): Chart["series"] {
  const gpus = [...new Set(memory.gpu)].sort((a, b) => a - b);
  const start = firstFinite(memory.timeS);
  return gpus.map((gpu) => {
    const points: Array<[number, number]> = [];
    for (let i = 0; i < memory.rows; i++) {
      const t = memory.timeS[i] as number;
      const used = memory.usedMiB[i] as number;
      if (memory.gpu[i] === gpu && Number.isFinite(t) && Number.isFinite(used))
        points.push([round(t - start), round(used / 1024)]);
    }
    return { label: gpus.length > 1 ? `${role} GPU ${gpu}` : role, role, points: thin(points) };
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
