import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/model/report.ts";
import { escapeData, escapeProperty, renderAnnotations } from "../../src/render/annotations.ts";
import { createPartsReport, createSampleReport } from "./sample-report.ts";

const REPO = fileURLToPath(new URL("../../", import.meta.url));

describe("renderAnnotations", () => {
  it("writes a located finding as a workflow command and a failed requirement with its reason", () => {
    expect(renderAnnotations(createSampleReport(), { root: "submissions/lab/" })).toBe(
      [
        "::warning file=submissions/lab/candidate.csv,line=3,title=claimcheck SERVING_TTFT_GT_E2E (1.2/ttft-p99-regression)::TTFT exceeds end-to-end",
        "::error title=claimcheck 1.2/ttft-p99-regression%3A fail::Measured 21.87 %25 misses the target ≤ 5 %25.",
        "",
      ].join("\n"),
    );
  });

  it("adds one annotation per model that did not pass, after the requirement's", () => {
    expect(renderAnnotations(createPartsReport())).toBe(
      [
        "::error title=claimcheck 1.2/ttft-p99-regression%3A fail::1 of 2 models pass; the worst, model llama3b: Measured 21.87 %25 misses the target ≤ 5 %25.",
        "::error title=claimcheck 1.2/ttft-p99-regression model llama3b%3A fail::model llama3b (candidate-llama3b vs baseline-llama3b): Measured 21.87 %25 misses the target ≤ 5 %25.",
        "",
      ].join("\n"),
    );
  });

  it("escapes data (%, CR, LF) and properties (also : and ,) the way GitHub's toolkit does", () => {
    expect([escapeData("50% a\r\nb: c, d"), escapeProperty("dir,a:b/50%\n.csv")]).toEqual([
      "50%25 a%0D%0Ab: c, d",
      "dir%2Ca%3Ab/50%25%0A.csv",
    ]);
  });

  it("cannot be tricked into a second command by a newline in a finding message or path", () => {
    const report = createSampleReport({
      requirements: [],
      findings: [
        {
          code: "CSV_BAD_NUMBER",
          severity: "error",
          message: "bad\n::error::injected",
          location: { path: "a,b:c.csv", line: 2 },
        },
      ],
    });
    expect(renderAnnotations(report)).toBe(
      "::error file=a%2Cb%3Ac.csv,line=2,title=claimcheck CSV_BAD_NUMBER::bad%0A::error::injected\n",
    );
  });

  it("points every annotation of fixtures/1.2-invalid at the real line of the file that holds the problem", () => {
    const report = JSON.parse(readFileSync(`${REPO}reports/1.2-invalid/report.json`, "utf8")) as Report;
    const located = renderAnnotations(report, { root: "fixtures/1.2-invalid" })
      .split("\n")
      .filter((line) => line.includes(" file="))
      .map((line) => {
        const [, file, number] = /file=([^,]+),line=(\d+)/.exec(line) ?? [];
        const row = readFileSync(`${REPO}${file}`, "utf8").split("\n")[Number(number) - 1];
        return { code: /title=claimcheck (\w+)/.exec(line)?.[1], row };
      });
    expect(located).toEqual([
      { code: "CSV_BAD_NUMBER", row: "req-3,0.2456,160.189 ms,16.501,4945.439,868,291,ok" },
      { code: "SERVING_TTFT_GT_E2E", row: "req-7,0.8171,99999.000,15.879,1580.407,1235,92,ok" },
      { code: "SERVING_DUPLICATE_REQUEST", row: "req-9,0.8570,163.673,21.345,3429.481,947,154,ok" },
    ]);
  });
});
