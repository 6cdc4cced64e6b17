import { describe, expect, it } from "vitest";
import { aiperfCsv, aiperfJson } from "../../../src/formats/serving/aiperf-summary.ts";
import { genaiPerfJson } from "../../../src/formats/serving/genai-perf.ts";
import { textFile } from "./serving-test-helpers.ts";

// Inline data in the two layouts of aiperf/exporters/json_exporter.py: `JsonExportData` with the metrics
// at the top level ("to mimic" GenAI-Perf, export_models.py @ db4f6397) and with them under `records`
// (MetricResult: tag, header, unit, avg, p50, …), as `model_dump_json(indent=2, exclude_unset=True)` writes.
const TOP_LEVEL = `{
  "request_throughput": { "unit": "requests/sec", "avg": 9.5 },
  "request_latency": { "unit": "ms", "avg": 812.5, "p50": 800.0, "p99": 990.25, "min": 700.0, "max": 1000.0, "std": 50.0 },
  "request_count": { "unit": "requests", "avg": 95.0 },
  "time_to_first_token": { "unit": "ms", "avg": 41.5, "p99": 80.0 },
  "inter_token_latency": { "unit": "ms", "avg": 6.25, "p99": 7.5 },
  "benchmark_duration": { "unit": "sec", "avg": 10.0 },
  "error_request_count": { "unit": "requests", "avg": 5.0 },
  "input_config": { "endpoint": { "model_names": ["Qwen/Qwen3-0.6B"] }, "loadgen": { "concurrency": 8 } },
  "was_cancelled": false,
  "error_summary": [ { "error_details": { "code": 500 }, "count": 5 } ]
}
`;
const RECORDS = `{
  "records": {
    "request_count": { "tag": "request_count", "header": "Request Count", "unit": "requests", "avg": 100.0 },
    "time_to_first_token": { "tag": "time_to_first_token", "header": "Time to First Token", "unit": "ms", "avg": 20.0, "p50": 19.0, "p99": 35.0 }
  },
  "input_config": { "endpoint": { "model_names": ["m"] } },
  "was_cancelled": false,
  "error_summary": []
}
`;

describe("AIPerf profile_export_aiperf.json", () => {
  it("is detected as AIPerf, not GenAI-Perf, in both layouts", () => {
    const scores = [TOP_LEVEL, RECORDS].map((head) => [
      aiperfJson.detect({ path: "a.json", head }),
      genaiPerfJson.detect({ path: "a.json", head }),
    ]);
    // GenAI-Perf's detector still matches its look-alike; the higher AIPerf score decides.
    expect(scores).toEqual([
      [0.93, 0.9],
      [0.93, 0.9],
    ]);
  });

  it("reads the metrics, the run facts and the success rate from request_count and error_request_count", () => {
    const parsed = aiperfJson.parse(textFile("profile_export_aiperf.json", TOP_LEVEL));
    expect({
      format: parsed.format,
      ttft: parsed.reported?.filter((s) => s.metric === "ttft_ms").map((s) => [s.statistic, s.value]),
      tpot: parsed.reported?.filter((s) => s.metric === "tpot_ms").map((s) => [s.statistic, s.value]),
      success: parsed.reported?.find((s) => s.metric === "success_rate"),
      context: parsed.context,
      findings: parsed.findings,
    }).toEqual({
      format: "aiperf-json",
      ttft: [
        ["mean", 41.5],
        ["p99", 80],
      ],
      tpot: [
        ["mean", 6.25],
        ["p99", 7.5],
      ],
      success: { metric: "success_rate", statistic: "value", value: 0.95, n: 100, line: 1 },
      context: {
        request_count: 95,
        error_request_count: 5,
        model: "Qwen/Qwen3-0.6B",
        max_concurrency: 8,
        duration: 10,
      },
      findings: [],
    });
  });

  it("reads the metrics under records, and a run with an empty error_summary as all successful", () => {
    const parsed = aiperfJson.parse(textFile("profile_export_aiperf.json", RECORDS));
    expect([
      parsed.reported?.map((s) => [s.metric, s.statistic, s.value]),
      parsed.context,
      parsed.findings,
    ]).toEqual([
      [
        ["ttft_ms", "mean", 20],
        ["ttft_ms", "p50", 19],
        ["ttft_ms", "p99", 35],
        ["success_rate", "value", 1],
      ],
      { request_count: 100, model: "m" },
      [],
    ]);
  });
});

describe("AIPerf profile_export_aiperf.csv", () => {
  it("has its own id, read like GenAI-Perf's table with ascending percentile columns", () => {
    const csv =
      "Metric,avg,min,max,p1,p5,p10,p25,p50,p75,p90,p95,p99,std\r\nTime to First Token (ms),41.50,20.00,90.00,21.00,22.00,23.00,30.00,40.00,50.00,60.00,70.00,80.00,10.00\r\n";
    const parsed = aiperfCsv.parse(textFile("profile_export_aiperf.csv", csv));
    expect([
      aiperfCsv.detect({ path: "a.csv", head: csv }),
      parsed.format,
      parsed.reported?.filter((s) => s.statistic === "p99" || s.statistic === "mean").map((s) => s.value),
    ]).toEqual([0.96, "aiperf-csv", [41.5, 80]]);
  });
});
