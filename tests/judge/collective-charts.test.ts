import { describe, expect, it } from "vitest";
import { verifyFiles } from "../../src/cli/commands/verify.ts";
import type { Chart, Report } from "../../src/model/report.ts";
import { loadFixture } from "./fixture-submission.ts";

describe("busbw charts of real fixtures", () => {
  it("draws the judged line rate, the 95 % target and the loss target, and shades the ≥ 1 GiB window (3.2-pass)", async () => {
    const report = await verifyFixture("3.2-pass");
    const utilization = report.requirements.find((r) => r.id === "3.2/allreduce-busbw-utilization")?.measured;
    const loss = report.requirements.find((r) => r.id === "3.2/heterogeneous-loss")?.measured;
    const lineRate = round4((utilization?.candidate as number) / ((utilization?.value as number) / 100));
    const chart = chartOf(report, "busbw:all_reduce");
    expect({
      ...chart,
      series: chart.series.map(({ points, ...s }) => ({ ...s, cells: points.length })),
    }).toEqual({
      id: "busbw:all_reduce",
      type: "line",
      title: { en: "all_reduce bus bandwidth by message size", zh: "all_reduce 总线带宽与消息大小" },
      requirement: "3.2/allreduce-busbw-utilization",
      x: { label: { en: "Message size", zh: "消息大小" }, unit: "B", log: true },
      y: { label: { en: "busbw (recomputed)", zh: "busbw（重算）" }, unit: "GB/s" },
      series: [
        { label: "candidate (4 ranks)", role: "candidate", text: ranks("candidate"), cells: 9 },
        { label: "baseline (4 ranks)", role: "baseline", text: ranks("baseline"), cells: 9 },
      ],
      reference: [
        {
          axis: "y",
          value: lineRate,
          label: { en: "line rate per direction", zh: "单向线速" },
          text: { key: "chart.reference.line_rate", params: { value: lineRate } },
        },
        {
          axis: "y",
          value: round4(lineRate * 0.95),
          label: { en: "target", zh: "目标" },
          text: {
            key: "chart.target.line_rate_fraction",
            params: { percent: 95, value: round4(lineRate * 0.95) },
          },
        },
        {
          axis: "y",
          value: round4((loss?.baseline as number) * 0.8),
          label: { en: "target", zh: "目标" },
          text: {
            key: "chart.target.busbw_loss",
            params: {
              baseline: round4(loss?.baseline as number),
              factor: 0.8,
              value: round4((loss?.baseline as number) * 0.8),
            },
          },
        },
      ],
      bands: [
        { axis: "x", from: 2 ** 30, to: null, text: { key: "chart.band.window", params: { size: "1 GiB" } } },
      ],
      caption: [{ key: "chart.caption.window", params: { size: "1 GiB" } }],
    });
    // The catalog's ConnectX-7 rate per direction, which the judge divided by.
    expect(lineRate).toBe(50);
  });

  it("draws no target or window for an invalid utilization and says so, but keeps the curve above the line rate (3.2-implausible)", async () => {
    const report = await verifyFixture("3.2-implausible");
    const chart = chartOf(report, "busbw:all_gather");
    const lineRate = chart.reference?.[0]?.value as number;
    expect({
      verdict: report.requirements.find((r) => r.id === "3.2/allgather-busbw-utilization")?.verdict,
      references: chart.reference?.map((r) => r.text?.key),
      bands: chart.bands,
      caption: chart.caption,
      aboveLineRate: chart.series.some((s) => s.points.some(([, busbw]) => busbw > lineRate)),
    }).toEqual({
      verdict: "invalid",
      references: ["chart.reference.line_rate"],
      bands: undefined,
      caption: [{ key: "chart.caption.requirements_left_out", params: { n: 1 } }],
      aboveLineRate: true,
    });
  });
});

// --- internal ---

async function verifyFixture(name: string): Promise<Report> {
  const { submission, files } = loadFixture(name);
  return verifyFiles({ submission, mode: "manifest", files });
}

function chartOf(report: Report, id: string): Chart {
  return (report.charts ?? []).find((c) => c.id === id) as Chart;
}

function ranks(role: string) {
  return { key: "chart.series.role_ranks", params: { role, ranks: 4 } };
}

function round4(value: number): number {
  return Number(value.toPrecision(4));
}
