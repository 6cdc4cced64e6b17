import { describe, expect, it } from "vitest";
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
});
