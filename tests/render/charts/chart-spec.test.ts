import { describe, expect, it } from "vitest";
import type { Chart } from "../../../src/model/report.ts";
import { computeChartSpec, formatTick } from "../../../src/render/charts/chart-spec.ts";
import { renderChartPng } from "../../../src/render/charts/png.ts";

const BUSBW: Chart = {
  id: "busbw:all_reduce",
  type: "line",
  title: { en: "AllReduce bus bandwidth", zh: "AllReduce 总线带宽" },
  x: { label: { en: "Message size", zh: "消息大小" }, unit: "B", log: true },
  y: { label: { en: "Bus bandwidth", zh: "总线带宽" }, unit: "GB/s" },
  series: [
    {
      label: "candidate",
      role: "candidate",
      points: [
        [1024, 0.5],
        [1048576, 120],
        [1073741824, 180],
      ],
    },
  ],
  reference: [{ axis: "y", value: 200, label: { en: "link rate", zh: "链路速率" } }],
};

describe("computeChartSpec", () => {
  it("draws any chart generically: a log x axis, one dataset per series, the reference line as plugin data", () => {
    const spec = computeChartSpec(BUSBW, "zh");
    expect({
      type: spec.type,
      x: (spec.options.scales as Record<string, { type: string; title: { text: string } }>).x,
      datasets: spec.data.datasets.map((d) => [d.label, d.data, d.borderColor]),
      references: (spec.options.plugins as { claimcheck: unknown }).claimcheck,
    }).toEqual({
      type: "line",
      x: expect.objectContaining({
        type: "logarithmic",
        bytes: true,
        title: expect.objectContaining({ text: "消息大小 (B)" }),
      }),
      datasets: [
        [
          "candidate",
          [
            { x: 1024, y: 0.5 },
            { x: 1048576, y: 120 },
            { x: 1073741824, y: 180 },
          ],
          "#1f5fbf",
        ],
      ],
      references: { references: [{ axis: "y", value: 200, label: "链路速率 200 GB/s" }] },
    });
  });

  it("labels byte sizes in binary units", () => {
    expect([1024, 65536, 1048576, 1073741824, 12.3456].map(formatTick)).toEqual([
      "1 Ki",
      "64 Ki",
      "1 Mi",
      "1 Gi",
      "12.35",
    ]);
  });
});

describe("renderChartPng", () => {
  it("rasterises a chart at 2× as a PNG, with CJK titles", () => {
    const png = Buffer.from(renderChartPng(BUSBW, { lang: "zh" }));
    expect({
      magic: png.subarray(0, 8).toString("hex"),
      width: png.readUInt32BE(16),
      height: png.readUInt32BE(20),
    }).toEqual({
      magic: "89504e470d0a1a0a",
      width: 1440,
      height: 680,
    });
  });
});
