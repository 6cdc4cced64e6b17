import { describe, expect, it } from "vitest";
import { genaiPerfCsv, genaiPerfExport, genaiPerfJson } from "../../../src/formats/serving/genai-perf.ts";
import { deriveTpot } from "../../../src/formats/serving/serving-columns.ts";
import {
  hasServingSamples,
  plainColumns,
  readFixture,
  readFixtureText,
  readSample,
  textFile,
} from "./serving-test-helpers.ts";

const EXPORT = "genai-perf-test-openai_profile_export.json";

describe.skipIf(!hasServingSamples)(
  "GenAI-Perf profile_export.json: the upstream test fixture (SOURCES.md row 2)",
  () => {
    // Skipped suites still run their bodies to collect tests; without the samples there is nothing to read.
    if (!hasServingSamples) return;
    const parsed = genaiPerfExport.parse(readSample(EXPORT));
    const requests = parsed.requests;

    it("drops the role-only, empty and [DONE] responses and reproduces GenAI-Perf's TTFT [4, 5] ns and latency [11, 13] ns", () => {
      const { tpotMs, inputTokens, outputTokens, ...rest } = plainColumns(requests) ?? {};
      expect(rest).toEqual({
        startS: [1e-9, 2e-9],
        ttftMs: [4e-6, 5e-6],
        e2eMs: [11e-6, 13e-6],
        // Mean gap between content chunks: (5→8→12) and (7→11→15) ns.
        itlMs: [3.5e-6, 4e-6],
        ok: [1, 1],
        lines: [11, 45],
      });
    });

    it("leaves token counts and TPOT empty, since GenAI-Perf counts tokens with its own tokenizer", () => {
      expect([plainColumns(requests)?.outputTokens, parsed.findings.map((f) => f.code)]).toEqual([
        [Number.NaN, Number.NaN],
        ["GENAI_PERF_NO_TOKEN_COUNTS"],
      ]);
    });

    it("gives GenAI-Perf's ITL [4, 2] ns (rounded) as TPOT once its OSL [3, 6] is known: same definition", () => {
      if (requests === undefined) throw new Error("rows expected");
      const withOsl = {
        ...requests,
        tpotMs: new Float64Array(2).fill(Number.NaN),
        outputTokens: Float64Array.from([3, 6]),
      };
      deriveTpot(withOsl);
      expect(Array.from(withOsl.tpotMs, (ms) => Math.round(ms * 1e6))).toEqual([4, 2]);
    });

    it("records the run facts, with duration = last response − first request = 14 ns (request_throughput 2/14 ns⁻¹)", () => {
      expect(parsed.context).toEqual({
        service_kind: "openai",
        endpoint: "v1/chat/completions",
        max_concurrency: 10,
        model: "llama-2-7b",
        duration: 1.4e-8,
        requests: 2,
        completed: 2,
      });
    });

    it("names the line and element of a response timestamp that is not a number", () => {
      const text = new TextDecoder().decode(readSample(EXPORT).bytes);
      const bad = genaiPerfExport.parse(
        textFile("bad.json", text.replace("3,\n            5,", '3,\n            "five",')),
      );
      expect(bad.findings[0]).toEqual({
        code: "JSON_WRONG_TYPE",
        params: {
          expected: "an integer timestamp in nanoseconds",
          field: "response_timestamps[1]",
          value: 'the text "five"',
        },
        severity: "error",
        message:
          'Field "response_timestamps[1]" holds the text "five" where an integer timestamp in nanoseconds is expected; fix the value or submit the file exactly as the tool wrote it.',
        location: { path: "bad.json", line: 18, column: "response_timestamps[1]" },
      });
    });
  },
);

describe("GenAI-Perf profile_export.json: nanosecond epochs", () => {
  it("keeps nanosecond precision beyond 2^53 and marks a request with no content response as failed", () => {
    const done = '{"response": "data: [DONE]\\n\\n"}';
    const chunk = (text: string) =>
      `{"response": "data: {\\"object\\":\\"chat.completion.chunk\\",\\"choices\\":[{\\"delta\\":{\\"content\\":\\"${text}\\"}}]}\\n\\n"}`;
    const request = (t: string, stamps: string, outputs: string) =>
      `{"timestamp": ${t}, "request_inputs": {"payload": "{}"}, "response_timestamps": [${stamps}], "response_outputs": [${outputs}]}`;
    const text = `{"service_kind": "openai", "endpoint": "v1/chat/completions", "experiments": [{"experiment": {"mode": "request_rate", "value": 2.0}, "requests": [
${request("1759813207532900363", "1759813207533000364, 1759813207533000365", `${chunk("Hi")}, ${done}`)},
${request("1759813207632900363", "1759813207633000001", done)}]}]}`;
    const parsed = genaiPerfExport.parse(textFile("ns.json", text));
    expect([
      Array.from(parsed.requests?.ttftMs ?? []),
      Array.from(parsed.requests?.ok ?? []),
      parsed.context?.request_rate,
    ]).toEqual([[0.100001, Number.NaN], [1, 0], 2]);
  });
});

// Fixture: tests/formats/data/genai-perf-profile_export_genai_perf.csv, written by make-serving-fixtures.py
// like genai_perf/export_data/csv_exporter.py (serving-formats.md §3.1): CRLF, "1,146.69" separators.
describe("GenAI-Perf profile_export_genai_perf.csv", () => {
  const parsed = genaiPerfCsv.parse(readFixture("genai-perf-profile_export_genai_perf.csv"));
  const stat = (metric: string) =>
    (parsed.reported ?? [])
      .filter((s) => s.metric === metric)
      .map((s) => [s.statistic, s.value, s.method ?? "", s.line]);

  it("reads the TTFT row with its thousands separators, as the tool printed it", () => {
    expect(stat("ttft_ms")).toEqual([
      ["mean", 1146.69, "", 2],
      ["min", 249.5, "", 2],
      ["max", 3485.2, "", 2],
      ["p99", 3370.49, "linear", 2],
      ["p95", 2911.67, "linear", 2],
      ["p90", 2338.15, "linear", 2],
      ["p75", 1284.75, "linear", 2],
      ["p50", 831.35, "linear", 2],
      ["p25", 501.27, "linear", 2],
      ["p10", 282.8, "linear", 2],
      ["p5", 266.15, "linear", 2],
      ["p1", 252.83, "linear", 2],
    ]);
  });

  it("maps Inter Token Latency to tpot_ms and Request Latency to e2e_ms, and reads the Metric,Value table", () => {
    expect({
      tpot: stat("tpot_ms").slice(0, 2),
      e2e: stat("e2e_ms").slice(0, 2),
      rates: [...stat("output_token_throughput"), ...stat("request_throughput")],
      itl: stat("itl_ms"),
      context: parsed.context,
      findings: parsed.findings,
      rows: parsed.rows,
    }).toEqual({
      tpot: [
        ["mean", 30.54, "", 5],
        ["min", 27.59, "", 5],
      ],
      e2e: [
        ["mean", 6460.57, "", 4],
        ["min", 4746.67, "", 4],
      ],
      rates: [
        ["value", 183.79, "", 11],
        ["value", 1.05, "", 12],
      ],
      itl: [],
      context: { mean_output_tokens: 174.6, mean_input_tokens: 3000.1, request_count: 10 },
      findings: [],
      rows: 10,
    });
  });

  it("names the line and column of a cell that is not a number, and of a unit it does not know", () => {
    const text = readFixtureText("genai-perf-profile_export_genai_perf.csv")
      .replace("249.50", "fast")
      .replace("Inter Token Latency (ms)", "Inter Token Latency (fortnights)");
    const bad = genaiPerfCsv.parse(textFile("bad.csv", text));
    expect(bad.findings.map((f) => [f.code, f.location?.line, f.location?.column])).toEqual([
      ["CSV_BAD_NUMBER", 2, "min"],
      ["GENAI_PERF_UNKNOWN_UNIT", 5, "Metric"],
    ]);
  });

  it("reads the older ns tables, converting to ms", () => {
    const old =
      "Metric,avg,min,max,p99,p90,p75\r\nTime To First Token (ns),2000000,1000000,3000000,2980000,2800000,2500000\r\n";
    expect(
      genaiPerfCsv
        .parse(textFile("old.csv", old))
        .reported?.slice(0, 2)
        .map((s) => s.value),
    ).toEqual([2, 1]);
  });
});

// Fixture: tests/formats/data/genai-perf-profile_export_genai_perf.json (same run as the CSV), written
// by make-serving-fixtures.py like json_exporter.py: per-metric {unit, avg, p1…p99, min, max, std}.
describe("GenAI-Perf profile_export_genai_perf.json", () => {
  const parsed = genaiPerfJson.parse(readFixture("genai-perf-profile_export_genai_perf.json"));

  it("agrees with the CSV of the same run to the CSV's two decimals", () => {
    const csv = genaiPerfCsv.parse(readFixture("genai-perf-profile_export_genai_perf.csv"));
    const key = (s: { metric: string; statistic: string }) => `${s.metric}.${s.statistic}`;
    const fromJson = new Map((parsed.reported ?? []).map((s) => [key(s), s.value]));
    // 0.005 is the CSV's rounding; the CSV scales ns by 1e-6 and the JSON divides by 1e6, so ties may round apart.
    const pairs = (csv.reported ?? []).map(
      (s) => [key(s), s.value, fromJson.get(key(s)) ?? Number.NaN] as const,
    );
    expect(pairs.filter(([, a, b]) => !(Math.abs(a - b) <= 0.005 + 1e-9))).toEqual([]);
    expect(pairs.length).toBe(38);
  });

  it("reads std with numpy's population method and the run facts from input_config", () => {
    const std = parsed.reported?.find((s) => s.metric === "ttft_ms" && s.statistic === "std");
    expect([std, parsed.context, parsed.findings]).toEqual([
      { metric: "ttft_ms", statistic: "std", value: 955.1753676158111, method: "population", line: 2 },
      {
        mean_output_tokens: 174.6,
        mean_input_tokens: 3000.1,
        request_count: 10,
        model: "Qwen/Qwen3-8B",
        max_concurrency: 8,
      },
      [],
    ]);
  });

  it("reports a latency in a unit it does not know instead of guessing", () => {
    const text = readFixtureText("genai-perf-profile_export_genai_perf.json").replace(
      '"unit": "ms",\n    "avg": 1146.69',
      '"unit": "minutes",\n    "avg": 1146.69',
    );
    const bad = genaiPerfJson.parse(textFile("bad.json", text));
    expect(bad.findings.map((f) => [f.code, f.location?.line, f.location?.column])).toEqual([
      ["GENAI_PERF_UNKNOWN_UNIT", 2, "time_to_first_token.unit"],
    ]);
  });
});

describe("GenAI-Perf detection", () => {
  it("tells the three files apart and leaves AIPerf's per-request JSONL alone", () => {
    const heads = [
      readFixtureText("genai-perf-profile_export_genai_perf.csv"),
      readFixtureText("genai-perf-profile_export_genai_perf.json"),
      '{ "metadata": {}, "metrics": { "request_latency": {"value": 1, "unit": "ms"} } }',
    ];
    expect(
      heads.map((head) =>
        [genaiPerfExport, genaiPerfCsv, genaiPerfJson].map((a) => a.detect({ path: "x", head })),
      ),
    ).toEqual([
      [0, 0.95, 0],
      [0, 0, 0.9],
      [0, 0, 0],
    ]);
  });
});
