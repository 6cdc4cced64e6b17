import { describe, expect, it } from "vitest";
import { parseEvidence } from "../../../src/formats/parse-evidence.ts";
import { mlperfSummary } from "../../../src/formats/serving/mlperf-summary.ts";
import type { ParsedEvidence } from "../../../src/model/evidence.ts";
import { hasServingSamples, readSample, textFile } from "./serving-test-helpers.ts";

/** Each statistic as [metric, statistic, ms or per-second value, file line], in file order. */
const rows = (parsed: ParsedEvidence) =>
  (parsed.reported ?? []).map((s) => [s.metric, s.statistic, s.value, s.line]);

const pick = (parsed: ParsedEvidence, metric: string, statistic: string) =>
  parsed.reported?.find((s) => s.metric === metric && s.statistic === statistic);

// Expected values are the numbers LoadGen printed in the samples (SOURCES.md rows 4, 6, 7), ns / 1e6.
describe.skipIf(!hasServingSamples)("mlperf-summary on the shared llama2-70b samples", () => {
  // Skipped suites still run their bodies to collect tests; without the samples there is nothing to read.
  if (!hasServingSamples) return;

  it("reads the Server run's p99 TTFT 1914.647645 ms and p99 TPOT 193.380124 ms against limits of 2000/200 ms", () => {
    const parsed = parseEvidence(readSample("mlperf-llama2-70b-server-mlperf_log_summary.txt"));
    expect({
      format: parsed.format,
      ttft: pick(parsed, "ttft_ms", "p99"),
      tpot: pick(parsed, "tpot_ms", "p99"),
      context: parsed.context,
      findings: parsed.findings,
    }).toEqual({
      format: "mlperf-summary",
      ttft: { metric: "ttft_ms", statistic: "p99", value: 1914.647645, method: "nearest-rank", line: 41 },
      tpot: { metric: "tpot_ms", statistic: "p99", value: 193.380124, method: "nearest-rank", line: 51 },
      context: {
        sut_name: "PySUT",
        scenario: "Server",
        mode: "PerformanceOnly",
        result_valid: true,
        performance_constraints_met: true,
        min_duration_met: true,
        min_queries_met: true,
        early_stopping_met: true,
        scheduled_samples_per_second: 83.9,
        samples_per_query: 1,
        target_qps: 83.5,
        min_duration_ms: 600000,
        min_query_count: 100,
        ttft_limit_ms: 2000,
        tpot_limit_ms: 200,
        loadgen_warnings: 0,
        loadgen_errors: 0,
      },
      findings: [],
    });
  });

  it("reads every statistic of the Server run in ms, with the old 'Time to Output Token' label as TPOT", () => {
    const parsed = mlperfSummary.parse(readSample("mlperf-llama2-70b-server-mlperf_log_summary.txt"));
    expect(rows(parsed)).toEqual([
      ["request_throughput", "value", 81.68, 7],
      ["output_token_throughput", "value", 24593.77, 8],
      ["e2e_ms", "min", 980.187992, 23],
      ["e2e_ms", "max", 165057.12734, 24],
      ["e2e_ms", "mean", 43579.602295, 25],
      ["e2e_ms", "p50", 38401.775522, 26],
      ["e2e_ms", "p90", 77996.405844, 27],
      ["e2e_ms", "p95", 95155.568225, 28],
      ["e2e_ms", "p97", 107516.926392, 29],
      ["e2e_ms", "p99", 136069.232834, 30],
      ["e2e_ms", "p99.9", 159705.402675, 31],
      ["ttft_ms", "min", 37.578735, 34],
      ["ttft_ms", "max", 3267.024914, 35],
      ["ttft_ms", "mean", 918.456323, 36],
      ["ttft_ms", "p50", 875.073063, 37],
      ["ttft_ms", "p90", 1449.459253, 38],
      ["ttft_ms", "p95", 1588.066947, 39],
      ["ttft_ms", "p97", 1683.89962, 40],
      ["ttft_ms", "p99", 1914.647645, 41],
      ["ttft_ms", "p99.9", 2562.462764, 42],
      ["tpot_ms", "min", 30.262518, 44],
      ["tpot_ms", "max", 3298.049084, 45],
      ["tpot_ms", "mean", 144.594078, 46],
      ["tpot_ms", "p50", 151.044504, 47],
      ["tpot_ms", "p90", 163.835875, 48],
      ["tpot_ms", "p95", 169.650352, 49],
      ["tpot_ms", "p97", 175.094669, 50],
      ["tpot_ms", "p99", 193.380124, 51],
      ["tpot_ms", "p99.9", 283.86104, 52],
    ]);
  });

  it("marks only percentiles with LoadGen's nearest-rank method", () => {
    const parsed = mlperfSummary.parse(readSample("mlperf-llama2-70b-server-mlperf_log_summary.txt"));
    const methods = new Set(parsed.reported?.map((s) => `${s.statistic.startsWith("p")} ${s.method}`));
    expect([...methods].sort()).toEqual(["false undefined", "true nearest-rank"]);
  });

  it("takes the Interactive run's 450/40 ms limits from its test parameters although it says Scenario Server", () => {
    const parsed = mlperfSummary.parse(readSample("mlperf-llama2-70b-interactive-mlperf_log_summary.txt"));
    expect({
      throughput: [
        pick(parsed, "request_throughput", "value")?.value,
        pick(parsed, "output_token_throughput", "value")?.value,
      ],
      p99: [pick(parsed, "ttft_ms", "p99"), pick(parsed, "tpot_ms", "p99")],
      context: [parsed.context?.scenario, parsed.context?.ttft_limit_ms, parsed.context?.tpot_limit_ms],
      findings: parsed.findings,
    }).toEqual({
      throughput: [29.41, 8840.42],
      p99: [
        { metric: "ttft_ms", statistic: "p99", value: 435.9761, method: "nearest-rank", line: 41 },
        { metric: "tpot_ms", statistic: "p99", value: 39.507635, method: "nearest-rank", line: 51 },
      ],
      context: ["Server", 450, 40],
      findings: [],
    });
  });

  it("reads only the Offline run's throughputs: its latencies are times to the end of one big query", () => {
    const parsed = mlperfSummary.parse(readSample("mlperf-llama2-70b-offline-mlperf_log_summary.txt"));
    expect({ rows: rows(parsed), context: parsed.context, findings: parsed.findings }).toEqual({
      rows: [
        ["request_throughput", "value", 92.1544, 7],
        ["output_token_throughput", "value", 27803.9, 8],
      ],
      context: {
        sut_name: "PySUT",
        scenario: "Offline",
        mode: "PerformanceOnly",
        result_valid: true,
        min_duration_met: true,
        min_queries_met: true,
        early_stopping_met: true,
        samples_per_query: 245520,
        target_qps: 93,
        min_duration_ms: 2400000,
        min_query_count: 1,
        loadgen_warnings: 2,
        loadgen_errors: 0,
      },
      findings: [],
    });
  });
});

describe("mlperf-summary facts and bad input", () => {
  const summary = (text: string, path = "s.txt") =>
    mlperfSummary.parse(textFile(path, `MLPerf Results Summary\n${text}`));

  it("takes the benchmark and the Interactive scenario from the submission folder layout", () => {
    const parsed = summary(
      "Scenario : Server\nResult is : VALID\n99.00 percentile first token latency (ns)   : 435976100\n",
      "closed/AMD/results/8xMI300X/llama2-70b-99/Interactive/performance/run_1/mlperf_log_summary.txt",
    );
    expect(parsed.context).toEqual({
      scenario: "Server",
      result_valid: true,
      model: "llama2-70b-99",
      submission_scenario: "Interactive",
    });
  });

  it("reads the new 'Time per Output Token' label as TPOT", () => {
    const parsed = summary("Result is : VALID\nMean Time per Output Token (ns)               : 61403731\n");
    expect(rows(parsed)).toEqual([["tpot_ms", "mean", 61.403731, 3]]);
  });

  it("flags an INVALID run on its Result line and says which checks failed and what LoadGen recommends", () => {
    const parsed = summary(
      [
        "Scenario : Server",
        "Result is : INVALID",
        "  Performance constraints satisfied : NO",
        "  Min duration satisfied : Yes",
        "Recommendations:",
        " * TTFT constrain not met: Reduce target QPS to improve latency.",
        "TTFT Early Stopping Result:",
        " * Run successful.",
        "99.00 percentile first token latency (ns)   : 2500000000",
        "ttft_latency (ns): 2000000000",
        "",
      ].join("\n"),
    );
    expect({ findings: parsed.findings, limit: parsed.context?.ttft_limit_ms }).toEqual({
      findings: [
        {
          code: "MLPERF_RESULT_INVALID",
          params: {
            why: " (Performance constraints satisfied: NO; TTFT constrain not met: Reduce target QPS to improve latency.)",
          },
          severity: "error",
          message:
            "LoadGen marked this run INVALID (Performance constraints satisfied: NO; TTFT constrain not met: Reduce target QPS to improve latency.); fix the cause (e.g. lower target_qps) and submit a VALID run.",
          location: { path: "s.txt", line: 3 },
        },
      ],
      limit: 2000,
    });
  });

  it("names the line and label of an edited, non-numeric latency", () => {
    const parsed = summary("Result is : VALID\n99.00 percentile first token latency (ns)   : 1.9 s\n");
    expect(parsed.findings.map((f) => [f.code, f.location])).toEqual([
      ["MLPERF_BAD_VALUE", { path: "s.txt", line: 3, column: "99.00 percentile first token latency (ns)" }],
      ["MLPERF_NO_RESULTS", { path: "s.txt", line: 1 }],
    ]);
  });

  it("says an AccuracyOnly summary has no performance results", () => {
    expect(summary("Mode     : AccuracyOnly\n").findings.map((f) => [f.code, f.message])).toEqual([
      [
        "MLPERF_NO_RESULTS",
        "This is an AccuracyOnly run, which has no performance results; submit the PerformanceOnly run's log.",
      ],
    ]);
  });

  it("warns when a cut summary does not say whether the run is valid", () => {
    const parsed = summary("Completed samples per second    : 81.68\n");
    expect(parsed.findings.map((f) => [f.code, f.severity])).toEqual([["MLPERF_NO_VALIDITY", "warning"]]);
  });

  it("warns on the line where LoadGen counts its errors", () => {
    const parsed = summary(
      "Result is : VALID\nSamples per second: 92.1544\n\n2 ERRORS encountered. See detailed log.\n",
    );
    expect([parsed.context?.loadgen_errors, parsed.findings.map((f) => [f.code, f.location?.line])]).toEqual([
      2,
      [["MLPERF_LOADGEN_ERRORS", 5]],
    ]);
  });

  it("is detected by its banner only", () => {
    expect([
      mlperfSummary.detect({ path: "a", head: "=====\nMLPerf Results Summary\n=====\n" }),
      mlperfSummary.detect({ path: "b", head: ':::MLLOG {"key": "x"}\n' }),
    ]).toEqual([0.95, 0]);
  });
});
