import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkReportedUnits } from "../../src/judge/latency-units.ts";
import { prepareInput } from "../../src/judge/prepare-input.ts";
import {
  PER_TOKEN_SECONDS_BELOW_MS,
  TPOT_MICROSECONDS_ABOVE_MS,
  TTFT_SECONDS_BELOW_MS,
} from "../../src/judge/request-tally.ts";
import type { ReportedStatistic } from "../../src/model/evidence.ts";
import type { Finding } from "../../src/model/finding.ts";
import { findingText } from "../../src/render/localize.ts";

const data = (name: string) => readFileSync(new URL(`./data/${name}`, import.meta.url), "utf8");
const repo = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

/** The LATENCY_UNIT_SUSPECT findings of one file read the way `verify` reads it. */
function unitFindings(path: string, content: string): Finding[] {
  const input = prepareInput({
    role: "candidate",
    file: { path, bytes: new TextEncoder().encode(content) },
    sha256: "0",
  });
  const found = input.parsed.findings.filter((f) => f.code === "LATENCY_UNIT_SUSPECT");
  // Every rule's params render the stored English through the catalog; the tests compare the rest.
  expect(found.map((f) => findingText(f, "en"))).toEqual(found.map((f) => f.message));
  return found.map(({ params: _, ...f }) => f);
}

/** A request log with every latency column multiplied by `factor` (1/1000: seconds; 1000: microseconds). */
function rescaled(csv: string, factor: number): string {
  const [header = "", ...rows] = csv.trim().split("\n");
  const scaled = rows.map((row) =>
    row
      .split(",")
      .map((cell, i) =>
        i >= 2 && i <= 4 && cell !== "" ? String(Number((Number(cell) * factor).toPrecision(9))) : cell,
      )
      .join(","),
  );
  return `${[header, ...scaled].join("\n")}\n`;
}

const suspect = (
  path: string,
  column: string,
  unit: string,
  evidence: string,
  fix = "multiply the column by 1000",
): Finding => ({
  code: "LATENCY_UNIT_SUSPECT",
  severity: "warning",
  message: `${column} looks like ${unit}, not milliseconds: ${evidence}. If so, ${fix} (or let the tool write milliseconds) and submit again; a requirement that reads ${column} is not passed on these values unless its claim declares latency_unit: ms.`,
  location: { path, column },
});

interface CalibrationRun {
  ttft_median_ms: number;
  tpot_median_ms?: number;
  e2e_mean_ms?: number;
  output_tokens_mean?: number;
}
const calibration = JSON.parse(data("latency-calibration.json")) as {
  sources: Array<{ runs: CalibrationRun[] }>;
};
const runs = calibration.sources.flatMap((s) => s.runs);

describe("latency columns in another unit", () => {
  it("leaves every real request log and tool summary of the tests and examples alone", () => {
    const files: Array<[string, string]> = [
      ...[
        "1.2-pass/candidate.csv",
        "1.2-pass/baseline.csv",
        "1.2-fail/candidate.csv",
        "4.2-pass/online-alone.csv",
        "4.2-pass/online-colocated.csv",
        "2.2-pass/faults.csv",
        "2.2-pass/faults-baseline.csv",
      ].map((path): [string, string] => [path, repo(`fixtures/${path}`)]),
      ...data("vllm-legacy-nerdalert-results.jsonl")
        .trim()
        .split("\n")
        .map((line, i): [string, string] => [`vllm-run-${i + 1}.json`, line]),
      ...[
        "sglang-h200-llama_3_3_70b_online_output.jsonl",
        "sglang-h200-llama_405b_online_output.jsonl",
        "mlperf-llama2-70b-server-mlperf_log_summary.txt",
        "mlperf-llama2-70b-interactive-mlperf_log_summary.txt",
      ].map((name): [string, string] => [name, data(name)]),
    ];
    expect(files.flatMap(([path, content]) => unitFindings(path, content))).toEqual([]);
  });

  it("stays silent on the medians of 120 real vLLM and SGLang runs, non-streaming ones included", () => {
    const reported = (run: CalibrationRun): ReportedStatistic[] => [
      { metric: "ttft_ms", statistic: "median", value: run.ttft_median_ms },
      ...(run.tpot_median_ms === undefined
        ? []
        : [{ metric: "tpot_ms", statistic: "median", value: run.tpot_median_ms }]),
    ];
    expect(runs.flatMap((run) => checkReportedUnits("run.json", reported(run)))).toEqual([]);
  });

  it("keeps the thresholds well away from the real ranges (the margins the comments state)", () => {
    const ttft = runs.map((r) => r.ttft_median_ms);
    const tpot = runs.flatMap((r) => (r.tpot_median_ms === undefined ? [] : [r.tpot_median_ms]));
    const perToken = runs.flatMap((r) =>
      r.e2e_mean_ms === undefined || r.output_tokens_mean === undefined
        ? []
        : [r.e2e_mean_ms / r.output_tokens_mean],
    );
    expect({
      runs: runs.length,
      ttftMin: Math.min(...ttft),
      tpotMax: Math.max(...tpot),
      perTokenMin: Number(Math.min(...perToken).toFixed(2)),
      ttftMargin: Math.min(...ttft) / TTFT_SECONDS_BELOW_MS > 30,
      tpotMargin: TPOT_MICROSECONDS_ABOVE_MS / Math.max(...tpot) > 10,
      perTokenMargin: Math.min(...perToken) / PER_TOKEN_SECONDS_BELOW_MS > 80,
    }).toEqual({
      runs: 120,
      ttftMin: 34.69,
      tpotMax: 5519.06,
      perTokenMin: 8.58,
      ttftMargin: true,
      tpotMargin: true,
      perTokenMargin: true,
    });
  });

  it("warns about a request log written in seconds, naming every latency column", () => {
    const seconds = rescaled(repo("fixtures/1.2-pass/candidate.csv"), 1 / 1000);
    expect(unitFindings("c.csv", seconds)).toEqual([
      suspect(
        "c.csv",
        "ttft_ms",
        "seconds",
        "2998 of 2998 successful requests have a TTFT below 1 ms, faster than any real server answers",
      ),
      suspect(
        "c.csv",
        "e2e_ms",
        "seconds",
        "2998 of 2998 successful requests took under 0.1 ms per output token end to end, over 10,000 tokens/s from one stream",
      ),
      suspect(
        "c.csv",
        "tpot_ms",
        "seconds",
        "its end-to-end latencies are in seconds (above), and TPOT is derived from them",
      ),
    ]);
  });

  it("says in Chinese which unit a column looks like, why, and how to fix it", () => {
    const input = prepareInput({
      role: "candidate",
      file: {
        path: "c.csv",
        bytes: new TextEncoder().encode(rescaled(repo("fixtures/1.2-pass/candidate.csv"), 1 / 1000)),
      },
      sha256: "0",
    });
    const first = input.parsed.findings.find((f) => f.code === "LATENCY_UNIT_SUSPECT");
    expect(first === undefined ? undefined : findingText(first, "zh")).toBe(
      "ttft_ms 的数值看起来以秒而非毫秒为单位：2998 个成功请求中有 2998 个的 TTFT 低于 1 ms，比任何真实服务端的响应都快。若确实如此，请将该列乘以 1000（或让工具直接写出毫秒）后重新提交；除非声明的条件中写明 `latency_unit: ms`，读取 ttft_ms 的要求不会基于这些数值判为通过。",
    );
  });

  it("warns about a request log written in microseconds once its TPOT passes a minute a token", () => {
    const slow = [
      "request_id,start_s,ttft_ms,tpot_ms,e2e_ms,input_tokens,output_tokens,status",
      "a,0,900000,70000,7900000,100,101,ok",
      "b,1,800000,65000,7300000,100,101,ok",
    ].join("\n");
    const evidence = "2 of 2 successful requests have a TPOT above 60000 ms (a minute a token)";
    expect(unitFindings("us.csv", slow)).toEqual(
      ["ttft_ms", "tpot_ms", "e2e_ms"].map((column) =>
        suspect("us.csv", column, "microseconds", evidence, "divide the column by 1000"),
      ),
    );
  });

  it("warns about path-switch times in seconds, and not about real fault-localization times in ms", () => {
    const faults = repo("fixtures/2.2-pass/faults.csv");
    const switches = repo("fixtures/3.1-seconds-as-ms/switches.csv");
    expect([...unitFindings("faults.csv", faults), ...unitFindings("switches.csv", switches)]).toEqual([
      suspect(
        "switches.csv",
        "latency_ms",
        "seconds",
        "320 of 320 items have a latency below 1 ms, as fast as only data-plane failover switches",
      ),
    ]);
  });
});
