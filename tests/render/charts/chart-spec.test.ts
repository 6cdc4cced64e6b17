import { describe, expect, it } from "vitest";
import type { Chart } from "../../../src/model/report.ts";
import { formatTick } from "../../../src/render/charts/chart-axis.ts";
import { wrapCaption } from "../../../src/render/charts/chart-caption.ts";
import { computeChartSpec } from "../../../src/render/charts/chart-spec.ts";
import { formatChartText } from "../../../src/render/charts/chart-text.ts";
import { computePercentileTicks, formatPercentileTick } from "../../../src/render/charts/percentile-axis.ts";
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
      references: {
        references: [{ axis: "y", value: 200, label: "链路速率 200 GB/s", colour: "#444444" }],
        markers: [],
        bands: [],
      },
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

const LATENCY: Chart = {
  id: "latency:ttft_ms",
  type: "line",
  title: { en: "Time to first token by percentile", zh: "首字延迟百分位分布" },
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
      points: [
        [0, 20],
        [90, 180],
        [99, 227.6],
      ],
      text: { key: "chart.series.role", params: { role: "candidate" } },
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
    {
      x: 99,
      y: 227.6,
      role: "candidate",
      text: {
        key: "chart.marker.judged",
        params: { role: "candidate", stat: "p99", value: 227.6, unit: "ms" },
      },
    },
  ],
  caption: [{ key: "chart.caption.rows_left_out", params: { n: 3, role: "candidate" } }],
};

describe("computeChartSpec on a percentile plot", () => {
  it("places percentiles at 1 / (1 − q) on a log axis and draws the legend, marker, target and caption in Chinese", () => {
    const spec = computeChartSpec(LATENCY, "zh");
    const plugins = spec.options.plugins as { subtitle: { text: string[] }; claimcheck: unknown };
    expect({
      height: spec.height,
      x: (
        spec.options.scales as Record<string, { type: string; percentile: boolean; title: { text: string } }>
      ).x,
      datasets: spec.data.datasets.map((d) => [d.label, d.data]),
      caption: plugins.subtitle.text,
      claimcheck: plugins.claimcheck,
    }).toEqual({
      height: 355,
      x: expect.objectContaining({
        type: "logarithmic",
        percentile: true,
        title: expect.objectContaining({ text: "请求百分位 (%)" }),
      }),
      datasets: [
        [
          "候选",
          [
            { x: 1, y: 20 },
            { x: 10, y: 180 },
            { x: 100, y: 227.6 },
          ],
        ],
      ],
      caption: ["候选有 3 行未绘出：这些行有错误（见问题列表）。"],
      claimcheck: {
        references: [
          { axis: "y", value: 251.4, label: "目标：≤ 基线 p99 × 1.05 = 251.4 ms", colour: "#c0392b" },
        ],
        markers: [{ x: 100, y: 227.6, label: "候选 p99 227.6 ms", colour: "#1f5fbf" }],
        bands: [],
      },
    });
  });

  it("labels the percentile axis 0 %, 50 %, 90 %, 99 % … as far as the data reaches", () => {
    expect(computePercentileTicks(3000).map(formatPercentileTick)).toEqual([
      "0 %",
      "50 %",
      "90 %",
      "99 %",
      "99.9 %",
    ]);
  });
});

describe("computeChartSpec on bars", () => {
  it("colours bars by verdict, prints the verdict word under each and its value beside it", () => {
    const bars: Chart = {
      id: "regression",
      type: "bars",
      title: { en: "Regression vs baseline", zh: "相对基线的劣化" },
      x: { label: { en: "Requirement", zh: "要求" }, unit: "" },
      y: { label: { en: "Regression vs baseline", zh: "相对基线的劣化" }, unit: "%" },
      series: [],
      bars: [
        { label: "1.2/ttft", value: -4.969, low: -14.02, high: 1.25, verdict: "pass" },
        { label: "1.2/tpot", value: 21.87, low: 15, high: 30, verdict: "fail" },
      ],
      caption: [{ key: "chart.caption.whiskers", params: { confidence: 95, sides: 1 } }],
    };
    const spec = computeChartSpec(bars, "en");
    const plugins = spec.options.plugins as {
      subtitle: { text: string[] };
      claimcheck: { valueLabels: string[] };
    };
    expect({
      labels: spec.data.labels,
      colours: spec.data.datasets[0]?.backgroundColor,
      values: plugins.claimcheck.valueLabels,
      caption: plugins.subtitle.text,
    }).toEqual({
      labels: [
        ["1.2/ttft", "PASS"],
        ["1.2/tpot", "FAIL"],
      ],
      colours: ["#009E73", "#D55E00"],
      values: ["-4.969 %", "21.87 %"],
      caption: [
        "Bars are coloured by verdict; whiskers are each value's confidence bound at 95 % (one-sided: only the end on the target's side",
        "is judged); dashed lines mark the targets.",
      ],
    });
  });
});

describe("formatChartText", () => {
  it("renders plurals and roles from the catalog, and a key or params it does not know as the fallback", () => {
    expect([
      formatChartText({ key: "chart.caption.requirements_left_out", params: { n: 1 } }, "en"),
      formatChartText({ key: "chart.caption.requirements_left_out", params: { n: 2 } }, "en"),
      formatChartText({ key: "chart.series.role_part", params: { role: "baseline", part: "qwen7b" } }, "zh"),
      formatChartText({ key: "chart.verdict", params: { verdict: "inconclusive" } }, "zh"),
      formatChartText({ key: "chart.future" }, "zh", "target"),
      formatChartText({ key: "chart.target.absolute", params: { value: 5 } }, "en", "target 5"),
    ]).toEqual([
      "1 requirement is left out: invalid, so nothing was judged (see the findings).",
      "2 requirements are left out: invalid, so nothing was judged (see the findings).",
      "基线 qwen7b",
      "无法判定",
      "target",
      "target 5",
    ]);
  });
});

describe("computeChartSpec on a memory timeline of several GPUs", () => {
  it("labels the limit line and the judged peak as shares per GPU, in either language", () => {
    const chart: Chart = {
      id: "memory",
      type: "timeline",
      title: { en: "GPU memory used over time", zh: "显存占用随时间变化" },
      x: { label: { en: "Time since the first sample", zh: "自首个采样起的时间" }, unit: "s" },
      y: { label: { en: "Memory used per GPU", zh: "每 GPU 显存占用" }, unit: "GiB" },
      series: [
        {
          label: "memory GPU 0",
          role: "memory",
          points: [
            [0, 0],
            [29, 7.7],
          ],
        },
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
          y: 7.7,
          role: "memory",
          text: { key: "chart.marker.startup_peak_per_gpu", params: { value: 7.7, total: 15.4, gpus: 2 } },
        },
      ],
    };
    const labels = (lang: "en" | "zh") => {
      const { claimcheck } = computeChartSpec(chart, lang).options.plugins as {
        claimcheck: {
          references: Array<{ label: string; colour: string }>;
          markers: Array<{ label: string }>;
        };
      };
      return [
        claimcheck.references[0]?.label,
        claimcheck.references[0]?.colour,
        claimcheck.markers[0]?.label,
      ];
    };
    expect({ en: labels("en"), zh: labels("zh") }).toEqual({
      en: [
        "(weights + allowance) / 2 GPUs: 8 GiB per GPU",
        "#c0392b",
        "judged start-up peak 15.4 GiB: 7.7 GiB per GPU",
      ],
      zh: [
        "（权重 + 允许余量）/ 2 块 GPU：每块 8 GiB",
        "#c0392b",
        "判定的启动峰值 15.4 GiB：每块 GPU 7.7 GiB",
      ],
    });
  });
});

describe("wrapCaption", () => {
  it("breaks English at spaces and Chinese between characters to fit the width", () => {
    expect([wrapCaption(["one two three four"], 40, 10), wrapCaption(["阴影区为判定窗口"], 40, 10)]).toEqual([
      ["one two", "three", "four"],
      ["阴影区为", "判定窗口"],
    ]);
  });
});

describe("renderChartPng", () => {
  it("makes a chart taller by its caption lines", () => {
    const png = Buffer.from(renderChartPng(LATENCY, { lang: "en", scale: 1 }));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([720, 355]);
  });

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
