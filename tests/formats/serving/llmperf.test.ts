import { describe, expect, it } from "vitest";
import { llmperfResponses, llmperfSummary } from "../../../src/formats/serving/llmperf.ts";
import { successRate } from "../../../src/measure/serving/success-metrics.ts";
import { wilsonInterval } from "../../../src/measure/stats/proportion.ts";
import { requireColumn } from "../../../src/model/request-columns.ts";
import {
  meanOk,
  plainColumns,
  readFixture,
  readFixtureText,
  rounded,
  textFile,
} from "./serving-test-helpers.ts";

// Fixtures: tests/formats/data/llmperf-individual_responses.json and llmperf-summary.json, written by
// make-serving-fixtures.py like token_benchmark_ray.py @ f1d6bed (serving-formats.md §4.1: indent=4,
// the summary with default=str so numpy integers become strings; times in seconds).
describe("LLMPerf individual responses", () => {
  const parsed = llmperfResponses.parse(readFixture("llmperf-individual_responses.json"));
  const requests = parsed.requests;
  if (requests === undefined) throw new Error("the fixture must give per-request rows");

  it("reads seconds into ms, marks error_code 500 as failed and derives TPOT instead of using LLMPerf's ITL", () => {
    const { ttftMs, e2eMs, tpotMs, itlMs, ...rest } = plainColumns(requests) ?? {};
    // Expected values: the fixture × 1000 and (E2E − TTFT)/(output tokens − 1), computed with Python.
    expect({
      rest,
      ttft: rounded(requireColumn(requests, "ttftMs")),
      e2e: rounded(requireColumn(requests, "e2eMs")),
      tpot: rounded(requireColumn(requests, "tpotMs")),
      itl: itlMs,
    }).toEqual({
      rest: {
        startS: [Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN],
        inputTokens: [131, 128, 140, 133, 129],
        outputTokens: [105, 98, 0, 121, 110],
        ok: [1, 1, 0, 1, 1],
        lines: [2, 13, 24, 35, 46],
      },
      ttft: [211.3, 198.7, 0, 243.2, 205.1],
      e2e: [1056.8, 987.1, 0, 1224, 1110.5],
      tpot: [8.129807692, 8.127835052, Number.NaN, 8.173333333, 8.306422018],
      itl: [Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN],
    });
  });

  it("says why LLMPerf's inter_token_latency_s was not used", () => {
    expect(parsed.findings).toEqual([
      {
        code: "LLMPERF_ITL_INCLUDES_TTFT",
        params: {
          variant: "llmperf_2",
        },
        severity: "info",
        message:
          "LLMPerf's inter_token_latency_s includes the time to first token (about E2E / output tokens), so it was not used as ITL; TPOT is derived as (E2E − TTFT)/(output tokens − 1).",
        location: { path: "llmperf-individual_responses.json" },
      },
    ]);
  });

  it("reproduces the summary's mean TTFT and E2E (LLMPerf's own numbers) from the rows", () => {
    const summary = JSON.parse(readFixtureText("llmperf-summary.json")) as Record<string, number>;
    expect(
      rounded([
        meanOk(requests, requireColumn(requests, "ttftMs")),
        meanOk(requests, requireColumn(requests, "e2eMs")),
      ]),
    ).toEqual(
      rounded([
        (summary.results_ttft_s_mean as number) * 1000,
        (summary.results_end_to_end_latency_s_mean as number) * 1000,
      ]),
    );
  });

  it("takes the true gaps from the list form of inter_token_latency_s (first element = TTFT)", () => {
    const parsed = llmperfResponses.parse(
      textFile(
        "list.json",
        '[{"error_code": null, "error_msg": "", "inter_token_latency_s": [0.2, 0.01, 0.03], "ttft_s": 0.2, "end_to_end_latency_s": 0.24, "number_output_tokens": 3, "number_input_tokens": 9}]',
      ),
    );
    expect([rounded(parsed.requests?.itlMs ?? []), parsed.findings]).toEqual([[20], []]);
  });

  it("names the line and field of a value of the wrong type", () => {
    const parsed = llmperfResponses.parse(
      textFile(
        "bad.json",
        readFixtureText("llmperf-individual_responses.json").replace(
          '"ttft_s": 0.1987',
          '"ttft_s": [0.1987]',
        ),
      ),
    );
    expect(parsed.findings[0]?.location).toEqual({ path: "bad.json", line: 17, column: "ttft_s" });
  });
});

describe("LLMPerf summary", () => {
  const parsed = llmperfSummary.parse(readFixture("llmperf-summary.json"));
  const stats = (metric: string) =>
    (parsed.reported ?? [])
      .filter((s) => s.metric === metric)
      .map((s) => [s.statistic, s.value, s.method ?? "", s.n ?? 0]);

  it("reads the TTFT quantiles in ms with pandas' linear method and its sample std", () => {
    expect(stats("ttft_ms").map(([s, v, m, n]) => [s, rounded([v as number])[0], m, n])).toEqual([
      ["p25", 203.5, "linear", 4],
      ["p50", 208.2, "linear", 4],
      ["p75", 219.275, "linear", 4],
      ["p90", 233.63, "linear", 4],
      ["p95", 238.415, "linear", 4],
      ["p99", 242.243, "linear", 4],
      ["mean", 214.575, "", 4],
      ["min", 198.7, "", 4],
      ["max", 243.2, "", 4],
      ["std", 19.764509438, "sample", 4],
    ]);
  });

  it("reports LLMPerf's ITL as e2e_per_output_token_ms, never as TPOT or ITL, and says so", () => {
    expect({
      metrics: [...new Set((parsed.reported ?? []).map((s) => s.metric))],
      findings: parsed.findings.map((f) => [f.code, f.location?.line]),
    }).toEqual({
      metrics: [
        "e2e_per_output_token_ms",
        "ttft_ms",
        "e2e_ms",
        "output_token_throughput",
        "request_throughput",
        "success_rate",
      ],
      findings: [["LLMPERF_ITL_INCLUDES_TTFT", 1]],
    });
  });

  it("judges success_rate from the summary's counts: 5 started, 1 error (error_rate 0.2), with a Wilson bound", () => {
    const result = successRate.evaluate({
      evidence: { candidate: parsed },
      system: { accelerators: [], software: {} },
      confidence: 0.95,
      seed: 1,
      percentileMethod: "linear",
      comparison: "none",
      conditions: {},
    });
    const bound = wilsonInterval(4, 5, 0.95);
    expect(result).toEqual({
      value: 0.8,
      low: bound.low,
      high: bound.high,
      n: 5,
      method: "4 of 5 requests succeeded, as counted by llmperf-summary; Wilson score bound",
      methodRef: {
        key: "method.success_reported_wilson",
        params: { ok: 4, n: 5, format: "llmperf-summary" },
      },
      source: "reported",
    });
  });

  it("turns completed requests per minute into requests per second and records the run facts", () => {
    expect([
      rounded(stats("request_throughput").map((s) => s[1] as number)),
      stats("output_token_throughput")[0]?.[1],
      parsed.context,
    ]).toEqual([
      [0.952380952],
      103.33333333333333,
      {
        model: "Qwen/Qwen3-8B",
        name: "Qwen-Qwen3-8B_550_150_summary",
        version: "2023-08-31",
        max_concurrency: 2,
        requested_mean_input_tokens: 550,
        requested_mean_output_tokens: 150,
        num_prompts: 5,
        completed: 4,
        failed: 1,
        error_rate: 0.2,
        timestamp: 1786000000,
      },
    ]);
  });

  it("reads a number written as a string and notes it once", () => {
    const text = readFixtureText("llmperf-summary.json").replace(
      '"results_ttft_s_min": 0.1987',
      '"results_ttft_s_min": "0.1987"',
    );
    const parsed = llmperfSummary.parse(textFile("str.json", text));
    expect(parsed.findings.find((f) => f.code === "JSON_NUMBER_AS_STRING")).toEqual({
      code: "JSON_NUMBER_AS_STRING",
      params: {
        field: "results_ttft_s_min",
        n: 1,
        text: "0.1987",
      },
      severity: "info",
      message:
        '1 field holds a number written as a string (first: "results_ttft_s_min" = "0.1987"), read as numbers; nothing to do when the tool wrote the file this way.',
      location: { path: "str.json", line: 27, column: "results_ttft_s_min" },
    });
  });

  it("tells the summary from the responses file", () => {
    const summary = readFixtureText("llmperf-summary.json");
    const responses = readFixtureText("llmperf-individual_responses.json");
    expect(
      [llmperfSummary, llmperfResponses].map((a) => [
        a.detect({ path: "s", head: summary }),
        a.detect({ path: "r", head: responses }),
      ]),
    ).toEqual([
      [0.95, 0],
      [0, 0.95],
    ]);
  });
});
