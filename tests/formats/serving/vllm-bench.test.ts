import { describe, expect, it } from "vitest";
import { vllmBench } from "../../../src/formats/serving/vllm-bench.ts";
import { requireColumn } from "../../../src/model/request-columns.ts";
import {
  hasServingSamples,
  meanOk,
  plainColumns,
  readFixture,
  readFixtureText,
  readSample,
  rounded,
  textFile,
} from "./serving-test-helpers.ts";

const NERDALERT = "vllm-legacy-nerdalert-results.jsonl";

describe.skipIf(!hasServingSamples)(
  "vLLM bench serve: the legacy nerdalert JSONL (9 appended runs, SOURCES.md row 1)",
  () => {
    // Skipped suites still run their bodies to collect tests; without the samples there is nothing to read.
    if (!hasServingSamples) return;
    const parsed = vllmBench.parse(readSample(NERDALERT));

    it("reads the last run's own numbers and says that the file holds 9 runs", () => {
      expect({ rows: parsed.rows, requests: parsed.requests, findings: parsed.findings }).toEqual({
        rows: 9,
        requests: undefined,
        findings: [
          {
            code: "SERVING_MULTIPLE_RUNS",
            params: {
              count: 9,
              last_line: 9,
              pooled: "",
              tool: "vLLM bench serve --append-result",
            },
            severity: "warning",
            message:
              "The file holds 9 runs (one JSON object per line, as vLLM bench serve --append-result writes them); the reported statistics and run facts are those of the last run, on line 9. Submit one file per run when the runs used different settings.",
            location: { path: NERDALERT, line: 9 },
          },
        ],
      });
    });

    it("maps the ms summaries by definition and keeps numpy's methods, with the legacy goodput typo left out as null", () => {
      const byName = Object.fromEntries(
        (parsed.reported ?? []).map((s) => [
          `${s.metric}.${s.statistic}`,
          [s.value, s.method ?? "", s.n ?? 0, s.line],
        ]),
      );
      // Values copied from line 9 of the sample, as the tool wrote them.
      expect(byName).toEqual({
        "ttft_ms.mean": [884.9588357166714, "", 900, 9],
        "ttft_ms.median": [867.6726769999732, "linear", 900, 9],
        "ttft_ms.std": [164.40779421335031, "population", 900, 9],
        "ttft_ms.p99": [1249.6421772296253, "linear", 900, 9],
        "tpot_ms.mean": [45.0189959701786, "", 0, 9],
        "tpot_ms.median": [44.02160330742376, "linear", 0, 9],
        "tpot_ms.std": [8.692672848556585, "population", 0, 9],
        "tpot_ms.p99": [71.62702592521168, "linear", 0, 9],
        "itl_ms.mean": [40.442648903097236, "", 0, 9],
        "itl_ms.median": [37.49666700059606, "linear", 0, 9],
        "itl_ms.std": [9.076602885769773, "population", 0, 9],
        "itl_ms.p99": [67.51899562010284, "linear", 0, 9],
        "request_throughput.value": [41.21716673334341, "", 0, 9],
        "output_token_throughput.value": [11011.349280220396, "", 0, 9],
        "total_token_throughput.value": [52187.29884683046, "", 0, 9],
      });
    });

    it('keeps request_rate "inf" as text and the --metadata strings apart from the tool\'s facts', () => {
      expect(parsed.context).toEqual({
        model: "meta-llama/Llama-3.2-3B-Instruct",
        tokenizer: "meta-llama/Llama-3.2-3B-Instruct",
        backend: "vllm",
        date: "20250530-201304",
        num_prompts: 900,
        request_rate: "inf",
        burstiness: 1,
        duration: 21.835562008000124,
        completed: 900,
        total_input_tokens: 899100,
        total_output_tokens: 240439,
        "metadata.deployment": "kvcache",
        "metadata.gpu": "4xNVIDIA_L40S",
        "metadata.model": "meta-llama/Llama-3.2-3B-Instruct",
        "metadata.gateway": "kgateway",
        "metadata.prefill_replicas": "0",
        "metadata.decode_replicas": "4",
        "metadata.input_len": "1000",
        "metadata.output_len": "500",
        runs: 9,
        run_line: 9,
      });
    });

    it("reads a single run without a multi-run finding", () => {
      const first = new TextDecoder().decode(readSample(NERDALERT).bytes).split("\n")[0] as string;
      const one = vllmBench.parse(textFile("one.json", first));
      const p99 = one.reported?.find((s) => s.metric === "ttft_ms" && s.statistic === "p99");
      expect([one.findings, p99?.value, one.context?.request_rate]).toEqual([[], 98.69780922984769, 10]);
    });

    it("reports a truncated last line with its line number and keeps the runs before it", () => {
      const lines = new TextDecoder().decode(readSample(NERDALERT).bytes).split("\n");
      const cut = `${lines[0]}\n${lines[1]}\n${(lines[2] as string).slice(0, 300)}`;
      const broken = vllmBench.parse(textFile("cut.jsonl", cut));
      expect(broken.findings.map((f) => [f.code, f.location?.line])).toEqual([
        ["JSON_SYNTAX", 3],
        ["SERVING_MULTIPLE_RUNS", 2],
      ]);
    });
  },
);

// Fixture: tests/formats/data/vllm-bench-detailed.json, written by make-serving-fixtures.py in the
// key order of vllm/benchmarks/serve.py (serving-formats.md §1.2, §1.4: --save-detailed lists in seconds).
describe("vLLM bench serve: a --save-detailed result", () => {
  const parsed = vllmBench.parse(readFixture("vllm-bench-detailed.json"));
  const requests = parsed.requests;
  if (requests === undefined) throw new Error("the detailed fixture must give per-request rows");

  it("turns the per-request lists (seconds) into ms columns, with errors[i] marking the failed request", () => {
    const { tpotMs, itlMs, e2eMs, ttftMs, ...rest } = plainColumns(requests) ?? {};
    expect({ findings: parsed.findings, rest }).toEqual({
      findings: [],
      rest: {
        startS: [5021.1143, 5021.6021, 5022.0547, 5022.441, 5023.0982, 5023.3305],
        inputTokens: [128, 130, 128, 126, 131, 127],
        outputTokens: [5, 4, 0, 7, 1, 7],
        ok: [1, 1, 0, 1, 1, 1],
        lines: [1, 1, 1, 1, 1, 1],
      },
    });
    // Expected values: numpy on the fixture's lists (× 1000; TPOT = (latency − ttft)/(out − 1)).
    expect({
      ttft: rounded(requireColumn(requests, "ttftMs")),
      e2e: rounded(requireColumn(requests, "e2eMs")),
      itl: rounded(requireColumn(requests, "itlMs")),
      tpot: rounded(requireColumn(requests, "tpotMs")),
    }).toEqual({
      ttft: [41.2, 38.5, 0, 52, 60.1, 45],
      e2e: [89.5, 76.4, 0, 99.6, 60.1, 115.8],
      itl: [12.075, 12.633333333, Number.NaN, 23.8, Number.NaN, 11.8],
      tpot: [12.075, 12.633333333, Number.NaN, 7.933333333, Number.NaN, 11.8],
    });
  });

  it("reproduces the tool's own mean TTFT, TPOT and E2E from the columns", () => {
    const own = (key: string) => parsed.reported?.find((s) => `${s.metric}.${s.statistic}` === key)?.value;
    expect(
      rounded([
        meanOk(requests, requireColumn(requests, "ttftMs")),
        meanOk(requests, requireColumn(requests, "tpotMs")),
        meanOk(requests, requireColumn(requests, "e2eMs")),
      ]),
    ).toEqual(
      rounded([own("ttft_ms.mean") as number, own("tpot_ms.mean") as number, own("e2e_ms.mean") as number]),
    );
  });

  it("keeps ttft, tpot, itl and e2el statistics and leaves the client-queue ones out", () => {
    expect((parsed.reported ?? []).map((s) => `${s.metric}.${s.statistic}`)).toEqual([
      ...["mean", "median", "std", "p50", "p90", "p99"].map((s) => `ttft_ms.${s}`),
      ...["mean", "median", "std", "p50", "p90", "p99"].map((s) => `tpot_ms.${s}`),
      ...["mean", "median", "std", "p50", "p90", "p99"].map((s) => `itl_ms.${s}`),
      ...["mean", "median", "std", "p50", "p90", "p99"].map((s) => `e2e_ms.${s}`),
      "request_throughput.value",
      "output_token_throughput.value",
      "total_token_throughput.value",
    ]);
  });

  it("records the run facts, including failed and the --metadata value", () => {
    expect(parsed.context).toEqual({
      model: "Qwen/Qwen3-8B",
      tokenizer: "Qwen/Qwen3-8B",
      backend: "openai-chat",
      endpoint_type: "openai-chat",
      date: "20260812-101500",
      num_prompts: 6,
      request_rate: 2,
      burstiness: 1,
      max_concurrency: 4,
      duration: 2.61,
      completed: 5,
      failed: 1,
      total_input_tokens: 642,
      total_output_tokens: 24,
      max_concurrent_requests: 2,
      "metadata.tp": "1",
    });
  });
});

describe("vLLM bench serve: bad input", () => {
  const text = readFixtureText("vllm-bench-detailed.json");

  it("throws E_INPUT naming the line when a single result object is cut off", () => {
    expect(() => vllmBench.parse(textFile("cut.json", text.slice(0, 700)))).toThrowError(
      expect.objectContaining({
        code: "E_INPUT",
        message: expect.stringMatching(
          /^cut\.json is not valid JSON: Line 1, character 701: the file ends inside this value/,
        ),
      }),
    );
  });

  it("names the line and the list element of a value of the wrong type", () => {
    const parsed = vllmBench.parse(
      textFile("bad.json", text.replace('"ttfts": [0.0412, 0.0385', '"ttfts": [0.0412, "fast"')),
    );
    expect([parsed.findings, parsed.requests?.ttftMs?.[1]]).toEqual([
      [
        {
          code: "JSON_WRONG_TYPE",
          params: {
            expected: "a number",
            field: "ttfts[1]",
            value: 'the text "fast"',
          },
          severity: "error",
          message:
            'Field "ttfts[1]" holds the text "fast" where a number is expected; fix the value or submit the file exactly as the tool wrote it.',
          location: { path: "bad.json", line: 1, column: "ttfts[1]" },
        },
      ],
      Number.NaN,
    ]);
  });

  it("ignores a per-request list of the wrong length and says which one", () => {
    const parsed = vllmBench.parse(
      textFile("short.json", text.replace('"latencies": [0.0895, ', '"latencies": [')),
    );
    expect(parsed.findings.map((f) => [f.code, f.location?.column])).toEqual([
      ["DETAIL_LENGTH_MISMATCH", "latencies"],
      ["SERVING_E2E_DERIVED", undefined],
    ]);
  });

  it("leaves a NaN statistic out with a finding instead of reporting it", () => {
    const parsed = vllmBench.parse(
      textFile("nan.json", text.replace(/"mean_e2el_ms": [0-9.]+/, '"mean_e2el_ms": NaN')),
    );
    expect([
      parsed.findings.map((f) => [f.code, f.location?.column]),
      parsed.reported?.some((s) => s.metric === "e2e_ms" && s.statistic === "mean"),
    ]).toEqual([[["JSON_NOT_A_NUMBER", "mean_e2el_ms"]], false]);
  });

  it("is detected from model_id and tokenizer_id, and not from SGLang's or an unrelated object", () => {
    expect([
      vllmBench.detect({ path: "a.json", head: text }),
      vllmBench.detect({ path: "b.jsonl", head: readFixtureText("sglang-bench.jsonl") }),
      vllmBench.detect({ path: "c.json", head: '{"model_id": "x"}' }),
    ]).toEqual([0.95, 0, 0]);
  });
});
