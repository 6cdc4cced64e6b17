import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ReportSchema } from "../../src/model/report.ts";
import { renderMarkdown } from "../../src/render/markdown.ts";
import { createPartsReport } from "./sample-report.ts";

describe("renderMarkdown", () => {
  it("puts one row per model under a requirement judged per model", () => {
    const rows = renderMarkdown(createPartsReport())
      .split("\n")
      .filter((line) => line.includes("↳"));
    expect(rows).toEqual([
      "| ❌ | ↳ model llama3b (candidate-llama3b vs baseline-llama3b) | | 21.87 % [9.1, 36.1] | | fail |",
      "| ✅ | ↳ model qwen7b (candidate-qwen7b vs baseline-qwen7b) | | -3.2 % [-6.5, 0.4] | | pass |",
    ]);
  });

  it("links the charts with their titles in the report's language", () => {
    const report = ReportSchema.parse(
      JSON.parse(readFileSync(new URL("../../reports/1.2-pass/report.json", import.meta.url), "utf8")),
    );
    const links = (lang: "en" | "zh") => {
      const lines = renderMarkdown(report, { chartsDir: "charts/", lang }).trimEnd().split("\n");
      return lines.slice(lines.findLastIndex((line) => line.startsWith("<details>")));
    };
    expect(links("zh")).toEqual([
      "<details><summary>图表</summary>",
      "",
      "![首字延迟百分位分布](charts/latency-ttft_ms.png)",
      "![每输出 token 时间百分位分布](charts/latency-tpot_ms.png)",
      "![端到端时延百分位分布](charts/latency-e2e_ms.png)",
      "![相对基线的劣化](charts/regression.png)",
      "![相对基线的提升](charts/improvement.png)",
      "![显存占用随时间变化](charts/memory.png)",
      "",
      "</details>",
    ]);
    expect(links("en").slice(0, 3)).toEqual([
      "<details><summary>Charts</summary>",
      "",
      "![Time to first token by percentile](charts/latency-ttft_ms.png)",
    ]);
  });
});
