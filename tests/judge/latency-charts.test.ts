import { describe, expect, it } from "vitest";
import { verifyFiles } from "../../src/cli/commands/verify.ts";
import { computePercentilePoints } from "../../src/judge/latency-charts.ts";
import { computePercentile } from "../../src/measure/stats/percentile.ts";
import type { Chart, Report } from "../../src/model/report.ts";
import { loadFixture } from "./fixture-submission.ts";

describe("computePercentilePoints", () => {
  it("spreads points evenly over log(1 / (1 − q)) up to 1 − 1/n, on numpy's linear interpolation", () => {
    expect(computePercentilePoints(new Float64Array([1, 2, 3, 4]), [], 4)).toEqual([
      [0, 1],
      [29.2893, 1.87868],
      [50, 2.5],
      [64.6447, 2.93934],
      [75, 3.25],
    ]);
  });

  it("reaches the judged percentile even when n is small, and adds the ticks below it", () => {
    const sorted = Float64Array.from({ length: 20 }, (_, i) => i + 1);
    const points = computePercentilePoints(sorted, [99], 2);
    expect(points).toEqual([
      [0, 1],
      [50, 10.5],
      [90, 18.1],
      [99, 19.81],
    ]);
  });
});

describe("latency charts of real fixtures", () => {
  // 2998 and 2995 successful requests, as the requirement's method line says: the curves end at 1 − 1/n.
  it("marks the judged p99 of both runs on their curves and the relative target at baseline × 1.05 (1.2-pass)", async () => {
    const report = await verifyFixture("1.2-pass");
    const ttft = chartOf(report, "latency:ttft_ms");
    const judged = report.requirements.find((r) => r.id === "1.2/ttft-p99-regression");
    const [candidate, baseline] = [
      judged?.measured?.candidate as number,
      judged?.measured?.baseline as number,
    ];
    expect(summarise(ttft)).toEqual({
      id: "latency:ttft_ms",
      type: "line",
      title: { en: "Time to first token by percentile", zh: "首字延迟百分位分布" },
      requirement: "1.2/ttft-p99-regression",
      x: {
        label: { en: "Percentile", zh: "百分位" },
        unit: "%",
        scale: "percentile",
        text: { key: "chart.axis.percentile" },
      },
      y: { label: { en: "Time to first token", zh: "首字延迟" }, unit: "ms" },
      series: [
        {
          label: "candidate",
          role: "candidate",
          text: roleText("candidate"),
          top: round6(100 - 100 / 2998),
          atP99: round6(candidate),
        },
        {
          label: "baseline",
          role: "baseline",
          text: roleText("baseline"),
          top: round6(100 - 100 / 2995),
          atP99: round6(baseline),
        },
      ],
      reference: [
        {
          axis: "y",
          value: 251.4,
          label: { en: "target", zh: "目标" },
          text: {
            key: "chart.target.relative",
            params: { op: "≤", stat: "p99", factor: 1.05, value: 251.4, unit: "ms" },
          },
        },
      ],
      markers: [
        { x: 99, y: round6(candidate), role: "candidate", text: markerText("candidate", 227.6) },
        { x: 99, y: round6(baseline), role: "baseline", text: markerText("baseline", 239.5) },
      ],
      caption: [{ key: "chart.caption.percentile", params: { stat: "p99" } }],
    });
    expect(round4(baseline * 1.05)).toBe(251.4);
  });

  it("leaves out the rows with errors (the 99 999 ms TTFT) and marks nothing of an invalid requirement (1.2-invalid)", async () => {
    const report = await verifyFixture("1.2-invalid");
    const ttft = chartOf(report, "latency:ttft_ms");
    const candidate = ttft.series[0]?.points ?? [];
    expect({
      highest: Math.max(...candidate.map(([, y]) => y)),
      top: candidate.at(-1)?.[0],
      reference: ttft.reference,
      markers: ttft.markers,
      caption: ttft.caption,
    }).toEqual({
      highest: round6(computePercentile(validCandidateTtft, 100 - 100 / 26, "linear")),
      top: round6(100 - 100 / 26),
      reference: undefined,
      markers: undefined,
      caption: [
        { key: "chart.caption.percentile", params: { stat: "none" } },
        { key: "chart.caption.rows_left_out", params: { n: 3, role: "candidate" } },
        { key: "chart.caption.requirements_left_out", params: { n: 1 } },
      ],
    });
  });

  it("draws one chart per model for a requirement judged per model, each with its own target (1.5-two-models-fail)", async () => {
    const report = await verifyFixture("1.5-two-models-fail");
    const tpot = report.requirements.find((r) => r.id === "1.5/tpot-p99-regression");
    const charts = (report.charts ?? []).filter((c) => c.id.startsWith("latency:tpot_ms"));
    expect(
      charts.map((c) => [
        c.id,
        c.series.map((s) => s.role),
        c.reference?.map((r) => r.value),
        c.markers?.map((m) => m.y),
      ]),
    ).toEqual(
      (tpot?.parts ?? []).map((p) => [
        `latency:tpot_ms:${p.name}`,
        [p.roles.candidate, p.roles.baseline],
        [round4((p.measured?.baseline as number) * 1.1)],
        [round6(p.measured?.candidate as number), round6(p.measured?.baseline as number)],
      ]),
    );
  });
});

// --- internal ---

/** fixtures/1.2-invalid/candidate.csv's TTFTs without lines 5 (a unit in the cell), 9 (99 999 ms) and 12 (a copy). */
const validCandidateTtft = await readValidTtft();

async function readValidTtft(): Promise<Float64Array> {
  const { readFileSync } = await import("node:fs");
  const lines = readFileSync(new URL("../../fixtures/1.2-invalid/candidate.csv", import.meta.url), "utf8")
    .trimEnd()
    .split("\n");
  const header = (lines[0] as string).split(",");
  const [ttft, status] = [header.indexOf("ttft_ms"), header.indexOf("status")];
  const values = lines
    .map((line, i) => ({ cells: line.split(","), line: i + 1 }))
    .filter(({ line, cells }) => line > 1 && ![5, 9, 12].includes(line) && cells[status] === "ok")
    .map(({ cells }) => Number(cells[ttft]));
  return Float64Array.from(values).sort();
}

async function verifyFixture(name: string): Promise<Report> {
  const { submission, files } = loadFixture(name);
  return verifyFiles({ submission, mode: "manifest", files });
}

function chartOf(report: Report, id: string): Chart {
  return (report.charts ?? []).find((c) => c.id === id) as Chart;
}

/** A chart with each curve reduced to where it ends and its value at p99, the judged percentile. */
function summarise(chart: Chart): unknown {
  return {
    ...chart,
    series: chart.series.map(({ points, ...s }) => ({
      ...s,
      top: points.at(-1)?.[0],
      atP99: points.find(([p]) => p === 99)?.[1],
    })),
  };
}

function roleText(role: string) {
  return { key: "chart.series.role", params: { role } };
}

function markerText(role: string, value: number) {
  return { key: "chart.marker.judged", params: { role, stat: "p99", value, unit: "ms" } };
}

function round6(value: number): number {
  return Number(value.toPrecision(6));
}

function round4(value: number): number {
  return Number(value.toPrecision(4));
}
