import { describe, expect, it } from "vitest";
import type { RequirementResult, Verdict } from "../../src/model/report.ts";
import { renderGlance } from "../../src/render/html-sections.ts";
import { renderMarkdown } from "../../src/render/markdown.ts";
import { sortByWeight } from "../../src/render/weight-order.ts";
import { createSampleReport } from "./sample-report.ts";

function withVerdicts(verdicts: Verdict[]): RequirementResult[] {
  const base = createSampleReport().requirements[0] as RequirementResult;
  return verdicts.map((verdict, i) => ({ ...base, id: `r${i}-${verdict}`, verdict }));
}

describe("what did not pass, in order of weight", () => {
  it("lists invalid, fail, inconclusive, missing, then waived, and leaves passes out", () => {
    const requirements = withVerdicts([
      "missing",
      "pass",
      "waived",
      "fail",
      "inconclusive",
      "invalid",
      "fail",
    ]);
    expect(sortByWeight(requirements).map((r) => r.id)).toEqual([
      "r5-invalid",
      "r3-fail",
      "r6-fail",
      "r4-inconclusive",
      "r0-missing",
      "r2-waived",
    ]);
  });

  it("links each item to its requirement's detail", () => {
    const html = renderGlance(
      createSampleReport({ requirements: withVerdicts(["waived", "fail"]) }),
      "en",
    ).value;
    expect(
      [...html.matchAll(/<li><span class="badge (\w+)">.*?<a href="#([^"]+)">/g)].map((m) => [m[1], m[2]]),
    ).toEqual([
      ["fail", "req-r1-fail"],
      ["waived", "req-r0-waived"],
    ]);
  });

  it("opens an invalid Markdown report with its first findings, where and what to fix", () => {
    const report = createSampleReport({ verdict: "invalid" });
    const lines = renderMarkdown(report, { lang: "zh" }).split("\n");
    expect(lines.slice(3, 7)).toEqual([
      "",
      "需先修正的问题（共 1 个，列出 1 个）：",
      "",
      "- **警告** `SERVING_TTFT_GT_E2E` `candidate.csv:3 (ttft_ms 列)`: TTFT exceeds end-to-end",
    ]);
  });
});
