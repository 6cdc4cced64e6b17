import { DEFAULT_WINDOW_BYTES, recomputeTest } from "../measure/collective/collective-bandwidth.ts";
import type { Collective } from "../model/collective.ts";
import { resolveLink } from "../model/hardware.ts";
import type { Chart, ChartText, RequirementResult } from "../model/report.ts";
import type { ComputeChartsOptions } from "./chart-data.ts";
import { computeErrorRows, computeRoleText, roundLabel } from "./chart-rows.ts";
import type { VerifiedInput } from "./verify-submission.ts";

/**
 * busbw against message size, one chart per collective, one line per evidence role (out-of-place
 * cells, recomputed; rows with error findings left out). It draws the line rate the judge divided by,
 * the target line (line rate × the utilization target, or the baseline × (1 − loss limit)) and shades
 * the judged window of large messages; an invalid requirement gets neither, and the caption says so.
 */
export function computeBusbwCharts(options: ComputeChartsOptions): Chart[] {
  const byCollective = new Map<Collective, { series: Chart["series"]; caption: ChartText[] }>();
  for (const input of options.inputs) {
    for (const test of input.parsed.collective?.tests ?? []) {
      if (test.collective === undefined) continue;
      const entry = byCollective.get(test.collective) ?? { series: [], caption: [] };
      const points = busbwPoints(input, test, entry.caption);
      if (points !== undefined && points.length > 0)
        entry.series.push({
          label: `${input.role} (${test.ranks} ranks)`,
          role: input.role,
          points,
          text: computeRoleText(input.role, { ranks: test.ranks ?? 0 }),
        });
      byCollective.set(test.collective, entry);
    }
  }
  return [...byCollective]
    .filter(([, entry]) => entry.series.length > 0)
    .map(([collective, entry]) => busbwChart(collective, entry.series, entry.caption, options));
}

// --- internal ---

type Test = NonNullable<VerifiedInput["parsed"]["collective"]>["tests"][number];

function busbwPoints(
  input: VerifiedInput,
  test: Test,
  caption: ChartText[],
): Array<[number, number]> | undefined {
  const cells = recomputeTest(test);
  if (cells === undefined) return undefined;
  const errors = computeErrorRows(input.parsed.findings, input.path);
  if (errors.wholeFile) {
    caption.push({ key: "chart.caption.series_left_out", params: { role: input.role } });
    return undefined;
  }
  const outOfPlace = cells.filter((c) => c.row.placement === "out-of-place");
  const kept = outOfPlace.filter((c) => !errors.lines.has(c.row.line));
  const left = outOfPlace.length - kept.length;
  if (left > 0) caption.push({ key: "chart.caption.rows_left_out", params: { n: left, role: input.role } });
  return kept.map((c): [number, number] => [c.row.sizeBytes, Math.round(c.busbw * 100) / 100]);
}

function busbwChart(
  collective: Collective,
  series: Chart["series"],
  caption: ChartText[],
  options: ComputeChartsOptions,
): Chart {
  const requirements = (options.topic?.requirements ?? [])
    .filter((r) => r.kind === "target" && "collective" in r && r.collective === collective)
    .map((r) => options.requirements.find((result) => result.id === r.id))
    .filter((r): r is RequirementResult => r !== undefined);
  const judged = requirements.filter((r) => r.verdict !== "invalid" && r.measured !== null);
  const left = requirements.filter((r) => r.verdict === "invalid").length;
  const lineRate = judgedLineRate(judged) ?? catalogLineRate(options);
  const minBytes = windowOf(judged);
  const size = formatBytes(minBytes);
  const targets = judged.flatMap((r) => targetLine(r, lineRate));
  const window =
    judged.length === 0
      ? []
      : [
          {
            axis: "x" as const,
            from: minBytes,
            to: null,
            text: { key: "chart.band.window", params: { size } },
          },
        ];
  return {
    id: `busbw:${collective}`,
    type: "line",
    title: {
      en: `${collective} bus bandwidth by message size`,
      zh: `${collective} 总线带宽与消息大小`,
    },
    ...(judged[0] === undefined ? {} : { requirement: judged[0].id }),
    x: { label: { en: "Message size", zh: "消息大小" }, unit: "B", log: true },
    y: { label: { en: "busbw (recomputed)", zh: "busbw（重算）" }, unit: "GB/s" },
    series,
    reference: [
      ...(lineRate === undefined
        ? []
        : [
            {
              axis: "y" as const,
              value: lineRate,
              label: { en: "line rate per direction", zh: "单向线速" },
              text: { key: "chart.reference.line_rate", params: { value: lineRate } },
            },
          ]),
      ...targets,
    ],
    ...(window.length === 0 ? {} : { bands: window }),
    caption: [
      ...(window.length === 0 ? [] : [{ key: "chart.caption.window", params: { size } }]),
      ...caption,
      ...(left === 0 ? [] : [{ key: "chart.caption.requirements_left_out", params: { n: left } }]),
    ],
  };
}

/**
 * The line rate the judge divided by (the bottleneck link, NICs of several nodes combined), read back
 * from its utilization: busbw / utilization. Four digits, as the method line prints it.
 */
function judgedLineRate(requirements: RequirementResult[]): number | undefined {
  const utilization = requirements.find((r) => r.metric === "busbw.utilization");
  const { value, candidate } = utilization?.measured ?? {};
  if (value == null || candidate == null || value <= 0) return undefined;
  // The value is in the target's unit: percent in every topic, a fraction when a topic says so.
  const fraction = utilization?.target?.unit === "%" ? value / 100 : value;
  return roundLabel(candidate / fraction);
}

/** Without a judged utilization (a loss requirement only, or an invalid one), the catalog's link. */
function catalogLineRate({ system, hardware }: ComputeChartsOptions): number | undefined {
  const link = resolveLink(
    typeof system.link === "boolean" ? undefined : system.link,
    hardware ?? new Map(),
    system.accelerators ?? [],
  );
  return "text" in link ? undefined : link.gbps;
}

function targetLine(
  requirement: RequirementResult,
  lineRate: number | undefined,
): NonNullable<Chart["reference"]> {
  const target = requirement.target;
  if (target === null || target.value === null || target.unit !== "%") return [];
  const targetValue = target.value;
  const label = { en: "target", zh: "目标" };
  if (requirement.metric === "busbw.utilization" && lineRate !== undefined) {
    const value = roundLabel((lineRate * targetValue) / 100);
    return [
      {
        axis: "y",
        value,
        label,
        text: { key: "chart.target.line_rate_fraction", params: { percent: targetValue, value } },
      },
    ];
  }
  const baseline = requirement.measured?.baseline;
  if (requirement.metric !== "collective.busbw" || target.comparison !== "loss" || baseline == null)
    return [];
  const factor = Number((1 - targetValue / 100).toFixed(6));
  const value = roundLabel(baseline * factor);
  return [
    {
      axis: "y",
      value,
      label,
      text: { key: "chart.target.busbw_loss", params: { baseline: roundLabel(baseline), factor, value } },
    },
  ];
}

/** The judged window's smallest message: a claim may declare another (`min_bytes`) than 1 GiB. */
function windowOf(requirements: RequirementResult[]): number {
  const declared = requirements.map((r) => Number(r.claimed?.conditions?.min_bytes)).find((b) => b > 0);
  return declared ?? DEFAULT_WINDOW_BYTES;
}

function formatBytes(bytes: number): string {
  for (const [unit, size] of [
    ["GiB", 2 ** 30],
    ["MiB", 2 ** 20],
    ["KiB", 2 ** 10],
  ] as const)
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit}`;
  return `${bytes} B`;
}
