import { describe, expect, it } from "vitest";
import { verifyFiles } from "../../src/cli/commands/verify.ts";
import type { Chart } from "../../src/model/report.ts";
import { loadFixture } from "./fixture-submission.ts";

describe("memory timeline of a real fixture (1.2-pass)", () => {
  it("shades the idle window the start-up metric reads, marks its judged peak and draws the limit as a target", async () => {
    const { submission, files } = loadFixture("1.2-pass");
    const report = await verifyFiles({ submission, mode: "manifest", files });
    const startup = report.requirements.find((r) => r.id === "1.2/startup-reserved-memory");
    const chart = (report.charts ?? []).find((c) => c.id === "memory") as Chart;
    const peak = Number((15 + (startup?.measured?.value as number)).toPrecision(4));
    expect({
      series: chart.series.map((s) => [s.role, s.text]),
      reference: chart.reference,
      bands: chart.bands,
      markers: chart.markers,
      caption: chart.caption,
    }).toEqual({
      series: [
        ["memory", { key: "chart.series.role", params: { role: "candidate" } }],
        ["baseline-memory", { key: "chart.series.role", params: { role: "baseline" } }],
      ],
      reference: [
        {
          axis: "y",
          value: 16,
          label: { en: "weights + allowance", zh: "权重 + 允许余量" },
          text: { key: "chart.target.weights_allowance", params: { value: 16 } },
        },
      ],
      // memory.csv: utilization first rises at 08:00:30, so the window is the samples of 08:00:00–08:00:29.
      bands: [{ axis: "x", from: 0, to: 29, text: { key: "chart.band.startup" } }],
      markers: [
        {
          x: 29,
          y: peak,
          role: "memory",
          text: { key: "chart.marker.startup_peak", params: { value: peak } },
        },
      ],
      caption: [{ key: "chart.caption.startup" }],
    });
    // 15 800 MiB, the highest sample of the window, is what the metric judged: 15.43 GiB with 15 GiB of weights.
    expect(peak).toBe(Number((15800 / 1024).toPrecision(4)));
  });
});
