import { describe, expect, it } from "vitest";
import { mlperfDetail } from "../../src/formats/mlperf-detail.ts";
import { mlperfSummary } from "../../src/formats/mlperf-summary.ts";
import { parseEvidence } from "../../src/formats/parse-evidence.ts";
import { hasServingSamples, readSample, textFile } from "./serving-test-helpers.ts";

const pick = (parsed: ReturnType<typeof mlperfSummary.parse>, metric: string, statistic: string) =>
  parsed.reported?.find((r) => r.metric === metric && r.statistic === statistic);

describe.skipIf(!hasServingSamples)("MLPerf LoadGen logs (shared samples, SOURCES.md rows 4–7)", () => {
  // Skipped suites still run their bodies to collect tests; without the samples there is nothing to read.
  if (!hasServingSamples) return;
  it("reproduces the llama2-70b Server summary: p99 TTFT 1914.647645 ms and p99 TPOT 193.380124 ms against 2000/200 ms", () => {
    const parsed = parseEvidence(readSample("mlperf-llama2-70b-server-mlperf_log_summary.txt"));
    expect({
      format: parsed.format,
      ttft: pick(parsed, "ttft_ms", "p99"),
      tpot: pick(parsed, "tpot_ms", "p99"),
      e2eMean: pick(parsed, "e2e_ms", "mean")?.value,
      context: parsed.context,
      findings: parsed.findings,
    }).toEqual({
      format: "mlperf-summary",
      ttft: { metric: "ttft_ms", statistic: "p99", value: 1914.647645, method: "nearest-rank", line: 41 },
      tpot: { metric: "tpot_ms", statistic: "p99", value: 193.380124, method: "nearest-rank", line: 51 },
      e2eMean: 43579.602295,
      context: {
        sut_name: "PySUT",
        scenario: "Server",
        mode: "PerformanceOnly",
        result_valid: true,
        samples_per_query: 1,
        target_qps: 83.5,
        ttft_limit_ms: 2000,
        tpot_limit_ms: 200,
        min_duration_ms: 600000,
        min_query_count: 100,
      },
      findings: [],
    });
  });

  it("reads the interactive run's numbers although its Scenario line says Server", () => {
    const parsed = mlperfSummary.parse(readSample("mlperf-llama2-70b-interactive-mlperf_log_summary.txt"));
    expect([parsed.context?.scenario, parsed.findings]).toEqual(["Server", []]);
  });

  it("reads the offline run's throughput, which has no token latencies", () => {
    const parsed = mlperfSummary.parse(readSample("mlperf-llama2-70b-offline-mlperf_log_summary.txt"));
    expect([
      pick(parsed, "ttft_ms", "p99"),
      parsed.reported?.some((r) => r.metric === "output_token_throughput"),
    ]).toEqual([undefined, true]);
  });

  it("reads the same p99 TTFT and limits from the detail log's MLLOG events", () => {
    const parsed = parseEvidence(readSample("mlperf-llama2-70b-server-mlperf_log_detail.txt"));
    expect([
      parsed.format,
      pick(parsed, "ttft_ms", "p99")?.value,
      pick(parsed, "tpot_ms", "p99")?.value,
      parsed.context?.ttft_limit_ms,
      parsed.context?.tpot_limit_ms,
      parsed.context?.result_valid,
    ]).toEqual(["mlperf-detail", 1914.647645, 193.380124, 2000, 200, true]);
  });
});

describe("MLPerf LoadGen bad input", () => {
  it("flags an INVALID run on its Result line", () => {
    const parsed = mlperfSummary.parse(
      textFile(
        "s.txt",
        "MLPerf Results Summary\nResult is : INVALID\n99.00 percentile first token latency (ns)   : 2500000000\n",
      ),
    );
    expect(parsed.findings.map((f) => [f.code, f.location?.line])).toEqual([["MLPERF_RESULT_INVALID", 2]]);
  });

  it("names the line of an edited, non-numeric latency", () => {
    const parsed = mlperfSummary.parse(
      textFile("s.txt", "MLPerf Results Summary\n99.00 percentile first token latency (ns)   : 1.9 s\n"),
    );
    expect(parsed.findings.map((f) => [f.code, f.location?.line])).toEqual([
      ["MLPERF_BAD_VALUE", 2],
      ["MLPERF_NO_RESULTS", undefined],
    ]);
  });

  it("names the line of a cut MLLOG event", () => {
    const parsed = mlperfDetail.parse(
      textFile(
        "d.txt",
        ':::MLLOG {"key": "loadgen_version", "value": "5.1"}\n:::MLLOG {"key": "result_validity", "val\n',
      ),
    );
    expect(parsed.findings.map((f) => [f.code, f.location?.line])).toEqual([["MLPERF_BAD_EVENT", 2]]);
  });
});
