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

describe("memory timeline of two GPUs (1.2-pass split over GPUs 0 and 1)", () => {
  it("draws the limit and the judged peak per GPU, the grain of the lines, and says so in the caption", async () => {
    const { submission, files } = loadFixture("1.2-pass");
    const twoGpus = {
      ...submission,
      system: { ...submission.system, accelerators: [{ model: "nvidia-h100-sxm", count: 2 }] },
    };
    const split = files.map((f) =>
      f.role === "memory" || f.role === "baseline-memory"
        ? { ...f, file: { ...f.file, bytes: splitOverTwoGpus(f.file.bytes) } }
        : f,
    );
    const report = await verifyFiles({ submission: twoGpus, mode: "manifest", files: split });
    const startup = report.requirements.find((r) => r.id === "1.2/startup-reserved-memory");
    const chart = (report.charts ?? []).find((c) => c.id === "memory") as Chart;
    // The halves sum to the one-GPU file's samples, so the judged sum is the same 15 800 MiB.
    const total = Number((15800 / 1024).toPrecision(4));
    const share = Number((15800 / 1024 / 2).toPrecision(4));
    expect({
      verdict: startup?.verdict,
      y: chart.y,
      series: chart.series.map((s) => [s.role, s.text]),
      reference: chart.reference,
      markers: chart.markers,
      caption: chart.caption,
    }).toEqual({
      verdict: "pass",
      y: { label: { en: "Memory used per GPU", zh: "每 GPU 显存占用" }, unit: "GiB" },
      series: [
        ["memory", { key: "chart.series.role_gpu", params: { role: "candidate", gpu: 0 } }],
        ["memory", { key: "chart.series.role_gpu", params: { role: "candidate", gpu: 1 } }],
        ["baseline-memory", { key: "chart.series.role_gpu", params: { role: "baseline", gpu: 0 } }],
        ["baseline-memory", { key: "chart.series.role_gpu", params: { role: "baseline", gpu: 1 } }],
      ],
      reference: [
        {
          axis: "y",
          value: 8,
          label: { en: "weights + allowance per GPU", zh: "每 GPU 的权重 + 允许余量" },
          text: { key: "chart.target.weights_allowance_per_gpu", params: { value: 8, total: 16, gpus: 2 } },
        },
      ],
      markers: [
        {
          x: 29,
          y: share,
          role: "memory",
          text: { key: "chart.marker.startup_peak_per_gpu", params: { value: share, total, gpus: 2 } },
        },
      ],
      caption: [{ key: "chart.caption.startup_per_gpu", params: { gpus: 2 } }],
    });
    // Every plotted sample is one GPU's reading: none reaches the one-GPU file's 15 800 MiB peak of the window.
    const windowPeak = Math.max(
      ...chart.series
        .filter((s) => s.role === "memory")
        .flatMap((s) => s.points.filter((p) => p[0] <= 29).map((p) => p[1])),
    );
    expect(windowPeak).toBe(Number((7900 / 1024).toPrecision(6)));
  });
});

// --- internal ---

/** An nvidia-smi CSV of one GPU as two GPUs that each hold half of every reading (the first the odd MiB). */
function splitOverTwoGpus(bytes: Uint8Array): Uint8Array {
  const [header, ...rows] = new TextDecoder().decode(bytes).trimEnd().split("\n");
  const halves = rows.flatMap((row) => {
    const [time, , used, ...rest] = row.split(", ");
    const mib = Number.parseInt(used as string, 10);
    return [0, 1].map((gpu) =>
      [time, gpu, `${gpu === 0 ? Math.ceil(mib / 2) : Math.floor(mib / 2)} MiB`, ...rest].join(", "),
    );
  });
  return new TextEncoder().encode(`${[header, ...halves].join("\n")}\n`);
}
