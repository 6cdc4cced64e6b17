import { describe, expect, it } from "vitest";
import { parseEvidence } from "../../../src/formats/parse-evidence.ts";
import { mlperfDetail } from "../../../src/formats/serving/mlperf-detail.ts";
import type { ParsedEvidence } from "../../../src/model/evidence.ts";
import { hasServingSamples, readSample, textFile } from "./serving-test-helpers.ts";

const rows = (parsed: ParsedEvidence) =>
  (parsed.reported ?? []).map((s) => [s.metric, s.statistic, s.value, s.line]);

const event = (key: string, value: unknown, meta: Record<string, unknown> = {}) =>
  `:::MLLOG ${JSON.stringify({ key, value, namespace: "mlperf::logging", metadata: { is_error: false, is_warning: false, ...meta } })}`;

const detail = (...lines: string[]) => mlperfDetail.parse(textFile("d.txt", `${lines.join("\n")}\n`));

// Expected values are the event values of the real log (SOURCES.md row 5), ns / 1e6; they match the
// numbers the same run printed in its summary.
describe.skipIf(!hasServingSamples)("mlperf-detail on the shared llama2-70b Server log", () => {
  // Skipped suites still run their bodies to collect tests; without the samples there is nothing to read.
  if (!hasServingSamples) return;

  it("reads the same p99 TTFT, p99 TPOT, limits and validity as the summary, with the event lines", () => {
    const parsed = parseEvidence(readSample("mlperf-llama2-70b-server-mlperf_log_detail.txt"));
    expect({ format: parsed.format, context: parsed.context, findings: parsed.findings }).toEqual({
      format: "mlperf-detail",
      context: {
        loadgen_version: "5.1.0 @ 091d51f041",
        test_datetime: "2025-07-31T09:26:03Z",
        sut_name: "PySUT",
        scenario: "Server",
        mode: "PerformanceOnly",
        samples_per_query: 1,
        target_qps: 83.5,
        min_duration_ms: 600000,
        min_query_count: 100,
        result_valid: true,
        performance_constraints_met: true,
        min_duration_met: true,
        min_queries_met: true,
        early_stopping_met: true,
        query_count: 73728,
        scheduled_samples_per_second: 83.9006,
        ttft_limit_ms: 2000,
        tpot_limit_ms: 200,
        loadgen_errors: 0,
        loadgen_warnings: 0,
      },
      findings: [],
    });
  });

  it("reads every result statistic in ms and leaves out LoadGen's broken result_token_throughput", () => {
    const parsed = mlperfDetail.parse(readSample("mlperf-llama2-70b-server-mlperf_log_detail.txt"));
    expect(rows(parsed)).toEqual([
      ["request_throughput", "value", 81.6768, 91],
      ["e2e_ms", "min", 980.187992, 92],
      ["e2e_ms", "max", 165057.12734, 93],
      ["e2e_ms", "mean", 43579.602295, 94],
      ["e2e_ms", "p50", 38401.775522, 95],
      ["e2e_ms", "p90", 77996.405844, 96],
      ["e2e_ms", "p95", 95155.568225, 97],
      ["e2e_ms", "p97", 107516.926392, 98],
      ["e2e_ms", "p99", 136069.232834, 99],
      ["e2e_ms", "p99.9", 159705.402675, 100],
      ["ttft_ms", "min", 37.578735, 101],
      ["ttft_ms", "max", 3267.024914, 102],
      ["ttft_ms", "mean", 918.456323, 103],
      ["ttft_ms", "p50", 875.073063, 104],
      ["ttft_ms", "p90", 1449.459253, 105],
      ["ttft_ms", "p95", 1588.066947, 106],
      ["ttft_ms", "p97", 1683.89962, 107],
      ["ttft_ms", "p99", 1914.647645, 108],
      ["ttft_ms", "p99.9", 2562.462764, 109],
      ["tpot_ms", "p50", 151.044504, 112],
      ["tpot_ms", "p90", 163.835875, 113],
      ["tpot_ms", "p95", 169.650352, 114],
      ["tpot_ms", "p97", 175.094669, 115],
      ["tpot_ms", "p99", 193.380124, 116],
      ["tpot_ms", "p99.9", 283.86104, 117],
      ["tpot_ms", "min", 30.262518, 118],
      ["tpot_ms", "max", 3298.049084, 119],
      ["tpot_ms", "mean", 144.594078, 120],
      ["output_token_throughput", "value", 24593.8, 121],
    ]);
  });

  it("is not claimed by an MLPerf Training log, whose MLLOG lines have an empty namespace", () => {
    const training =
      ':::MLLOG {"namespace": "", "time_ms": 1715848254167, "event_type": "POINT_IN_TIME", "key": "submission_benchmark", "value": "llama2_70b_lora"}\n';
    expect([
      mlperfDetail.detect({ path: "d", head: event("loadgen_version", "5.1") }),
      mlperfDetail.detect({ path: "t", head: training }),
    ]).toEqual([0.95, 0]);
  });
});

describe("mlperf-detail bad input", () => {
  it("flags an INVALID run on its result_validity line with LoadGen's reason", () => {
    const parsed = detail(
      event("effective_scenario", "Server"),
      event("result_validity", "INVALID"),
      event("result_perf_constraints_met", false),
      event("result_invalid_reason", "TTFT constrain not met: Reduce target QPS to improve latency. "),
      event("result_first_token_99.00_percentile_latency_ns", 2500000000),
    );
    expect(parsed.findings).toEqual([
      {
        code: "MLPERF_RESULT_INVALID",
        params: {
          why: " (result_perf_constraints_met: false; TTFT constrain not met: Reduce target QPS to improve latency.)",
        },
        severity: "error",
        message:
          "LoadGen marked this run INVALID (result_perf_constraints_met: false; TTFT constrain not met: Reduce target QPS to improve latency.); fix the cause (e.g. lower target_qps) and submit a VALID run.",
        location: { path: "d.txt", line: 2 },
      },
    ]);
  });

  it("names the line of a cut MLLOG event and the key of a value that is not a number", () => {
    const parsed = detail(
      event("result_validity", "VALID"),
      event("result_first_token_99.00_percentile_latency_ns", "fast"),
      ':::MLLOG {"key": "result_first_token_mean_latency_ns", "val',
      event("result_first_token_min_latency_ns", 37578735),
    );
    expect(parsed.findings.map((f) => [f.code, f.location])).toEqual([
      [
        "MLPERF_BAD_VALUE",
        { path: "d.txt", line: 2, column: "result_first_token_99.00_percentile_latency_ns" },
      ],
      ["MLPERF_BAD_EVENT", { path: "d.txt", line: 3 }],
    ]);
  });

  it("warns on each error LoadGen logged, at its line", () => {
    const parsed = detail(
      event("result_validity", "VALID"),
      event("error_runtime", "PerfClock and system_clock differ by more than 1%!  pc_sc_ratio: 1.02", {
        is_error: true,
      }),
      event("result_samples_per_second", 92.1544),
    );
    expect([parsed.context?.loadgen_errors, parsed.findings]).toEqual([
      1,
      [
        {
          code: "MLPERF_LOG_ERROR",
          params: {
            key: "error_runtime",
            value: "PerfClock and system_clock differ by more than 1%!  pc_sc_ratio: 1.02",
          },
          severity: "warning",
          message:
            "LoadGen logged an error (error_runtime: PerfClock and system_clock differ by more than 1%!  pc_sc_ratio: 1.02); fix its cause and rerun before submitting.",
          location: { path: "d.txt", line: 2, column: "error_runtime" },
        },
      ],
    ]);
  });

  it("reports a log without result events as having no results", () => {
    expect(detail(event("loadgen_version", "5.1")).findings.map((f) => f.code)).toEqual([
      "MLPERF_NO_RESULTS",
    ]);
  });
});
