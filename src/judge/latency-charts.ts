import { successful } from "../measure/serving/serving-statistics.ts";
import { computePercentile, sortFinite } from "../measure/stats/percentile.ts";
import type { RequestColumnKey, ServingRequests } from "../model/evidence.ts";
import type { Chart, ChartText, RequirementResult } from "../model/report.ts";
import { computeErrorRows, computeRoleText } from "./chart-rows.ts";
import { computeJudgedMarkers, computeTargetLines, percentileOf } from "./latency-marks.ts";
import type { VerifiedInput } from "./verify-submission.ts";

/** Points per curve, spread evenly over log(1 / (1 − q)): the tail is drawn as finely as the median. */
const PERCENTILE_POINTS = 100;
/** The ticks HdrHistogram's plots label; a curve shows those its sample size reaches. */
export const PERCENTILE_TICKS = [0, 50, 90, 99, 99.9, 99.99, 99.999];

/**
 * Latency percentile plots, one per latency column a requirement reads (one per model when the
 * requirement is judged per model): every run's curve, the judged percentile of each run marked, and
 * the target line (a relative target drawn at the baseline's value × (1 ± limit)). Rows with error
 * findings are left out; requirements judged invalid get no marker; captions say what was left out.
 */
export function computeLatencyCharts(requirements: RequirementResult[], inputs: VerifiedInput[]): Chart[] {
  const charts: Chart[] = [];
  for (const [metric, group] of groupByColumn(requirements)) {
    const column = LATENCY[metric] as LatencyColumn;
    const first = group[0] as RequirementResult;
    const parts = first.parts?.map((p) => ({ name: p.name, roles: Object.values(p.roles) }));
    for (const part of parts ?? [undefined]) {
      const shown = inputs.filter(
        (i) => i.parsed.requests !== undefined && (part === undefined || part.roles.includes(i.role)),
      );
      const chart = latencyChart(metric, column, group, shown, part?.name);
      if (chart !== undefined) charts.push(chart);
    }
  }
  return charts;
}

/**
 * A sorted sample as points `[percentile, value]` of its linear-interpolation quantile function (the
 * percentile the judge computes by default), log-spaced in 1 / (1 − q) up to 1 − 1/n and through
 * every tick and `extra` percentile (the judged ones) below that.
 */
export function computePercentilePoints(
  sorted: Float64Array,
  extra: number[] = [],
  count = PERCENTILE_POINTS,
): Array<[number, number]> {
  const n = sorted.length;
  if (n === 0) return [];
  const top = Math.max(1 - 1 / Math.max(n, 2), ...extra.map((p) => p / 100));
  const span = Math.log10(1 / (1 - top));
  const percentiles = new Set<number>();
  for (let i = 0; i <= count; i++) percentiles.add(round((1 - 10 ** ((-span * i) / count)) * 100));
  for (const p of [...PERCENTILE_TICKS, ...extra]) if (p / 100 <= top) percentiles.add(p);
  return [...percentiles]
    .sort((a, b) => a - b)
    .map((p) => [p, round(computePercentile(sorted, p, "linear"))]);
}

// --- internal ---

interface LatencyColumn {
  key: RequestColumnKey;
  en: string;
  zh: string;
}

const LATENCY: Record<string, LatencyColumn> = {
  ttft_ms: { key: "ttftMs", en: "Time to first token", zh: "首字延迟" },
  tpot_ms: { key: "tpotMs", en: "Time per output token", zh: "每输出 token 时间" },
  itl_ms: { key: "itlMs", en: "Inter-token latency", zh: "token 间延迟" },
  e2e_ms: { key: "e2eMs", en: "End-to-end latency", zh: "端到端时延" },
};

function groupByColumn(requirements: RequirementResult[]): Map<string, RequirementResult[]> {
  const groups = new Map<string, RequirementResult[]>();
  for (const r of requirements) {
    const metric = r.metric?.split(".")[0] ?? "";
    if (LATENCY[metric] !== undefined) groups.set(metric, [...(groups.get(metric) ?? []), r]);
  }
  return groups;
}

function latencyChart(
  metric: string,
  column: LatencyColumn,
  group: RequirementResult[],
  inputs: VerifiedInput[],
  part: string | undefined,
): Chart | undefined {
  const judged = group.filter((r) => r.verdict !== "invalid");
  const percentiles = judged.map(percentileOf).filter((p): p is number => p !== undefined);
  const caption: ChartText[] = [];
  const series = inputs.flatMap((input) => {
    const values = plottedValues(input, column.key, caption);
    if (values === undefined || values.length === 0) return [];
    const text = computeRoleText(input.role);
    return [
      { label: input.role, role: input.role, points: computePercentilePoints(values, percentiles), text },
    ];
  });
  if (series.length === 0) return undefined;
  const suffix = part === undefined ? "" : ` — ${part}`;
  const reference = judged.flatMap((r) => computeTargetLines(r, part));
  const roles = series.map((s) => s.role);
  const markers = judged.flatMap((r) => computeJudgedMarkers(r, part, roles));
  caption.unshift(percentileCaption(markers));
  const left = group.length - judged.length;
  if (left > 0) caption.push({ key: "chart.caption.requirements_left_out", params: { n: left } });
  return {
    id: `latency:${metric}${part === undefined ? "" : `:${part}`}`,
    type: "line",
    title: { en: `${column.en} by percentile${suffix}`, zh: `${column.zh}百分位分布${suffix}` },
    requirement: (group[0] as RequirementResult).id,
    x: {
      label: { en: "Percentile", zh: "百分位" },
      unit: "%",
      scale: "percentile",
      text: { key: "chart.axis.percentile" },
    },
    y: { label: { en: column.en, zh: column.zh }, unit: "ms" },
    series,
    ...(reference.length === 0 ? {} : { reference }),
    ...(markers.length === 0 ? {} : { markers }),
    caption,
  };
}

/** What the axis is, and which percentiles the dots mark ("none" when nothing was judged). */
function percentileCaption(markers: NonNullable<Chart["markers"]>): ChartText {
  const marked = [...new Set(markers.map((m) => `p${m.x}`))];
  return {
    key: "chart.caption.percentile",
    params: { stat: marked.length === 0 ? "none" : marked.join(", ") },
  };
}

/** The sorted successful values to draw, without rows that carry an error; undefined leaves the run out. */
function plottedValues(
  input: VerifiedInput,
  key: RequestColumnKey,
  caption: ChartText[],
): Float64Array | undefined {
  const requests = input.parsed.requests as ServingRequests;
  const errors = computeErrorRows(input.parsed.findings, input.path);
  if (!errors.wholeFile && errors.lines.size === 0) return successful(requests, key);
  const column = requests[key];
  if (errors.wholeFile || requests.lines === undefined || column === undefined) {
    caption.push({ key: "chart.caption.series_left_out", params: { role: input.role } });
    return undefined;
  }
  const kept = new Float64Array(requests.rows).fill(Number.NaN);
  let left = 0;
  for (let i = 0; i < requests.rows; i++) {
    if (errors.lines.has(requests.lines[i] as number)) left++;
    else if (requests.ok[i] === 1) kept[i] = column[i] as number;
  }
  if (left > 0) caption.push({ key: "chart.caption.rows_left_out", params: { n: left, role: input.role } });
  return sortFinite(kept);
}

/** Six significant digits: enough for a chart, and stable JSON across platforms. */
function round(value: number): number {
  return Number(value.toPrecision(6));
}
