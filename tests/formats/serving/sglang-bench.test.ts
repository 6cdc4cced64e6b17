import { describe, expect, it } from "vitest";
import { sglangBench } from "../../../src/formats/serving/sglang-bench.ts";
import { requireColumn } from "../../../src/model/request-columns.ts";
import {
  meanOk,
  plainColumns,
  readFixture,
  readFixtureText,
  rounded,
  textFile,
} from "./serving-test-helpers.ts";

// Fixture: tests/formats/data/sglang-bench.jsonl, written by make-serving-fixtures.py in the key order
// of python/sglang/bench_serving.py @ 0033168f (serving-formats.md §2.2): two appended runs, line 1
// with --request-rate inf (bare Infinity) and no details, line 2 with --output-details.
describe("SGLang bench_serving: two appended runs, the second with --output-details", () => {
  const parsed = sglangBench.parse(readFixture("sglang-bench.jsonl"));
  const requests = parsed.requests;
  if (requests === undefined) throw new Error("line 2 of the fixture must give per-request rows");

  it("takes per-request rows from the run that has them and says where the statistics come from", () => {
    expect({ rows: parsed.rows, findings: parsed.findings }).toEqual({
      rows: 5,
      findings: [
        {
          code: "SERVING_E2E_DERIVED",
          params: {},
          severity: "info",
          message:
            "The per-request lists have no \"latencies\", so each request's end-to-end latency is taken as ttfts[i] + Σ itls[i] (its last streamed chunk), which can be slightly below the tool's own E2E; TPOT is derived from it.",
          location: { path: "sglang-bench.jsonl", line: 2 },
        },
        {
          code: "SERVING_MULTIPLE_RUNS",
          params: {
            count: 2,
            last_line: 2,
            pooled: "per-request rows of the run with per-request lists (line 2) were pooled, and ",
            tool: "SGLang bench_serving --output-file",
          },
          severity: "warning",
          message:
            "The file holds 2 runs (one JSON object per line, as SGLang bench_serving --output-file writes them); per-request rows of the run with per-request lists (line 2) were pooled, and the reported statistics and run facts are those of the last run, on line 2. Submit one file per run when the runs used different settings.",
          location: { path: "sglang-bench.jsonl", line: 2 },
        },
      ],
    });
  });

  it("reads ttfts and itls in seconds into ms columns and marks the request with an error text as failed", () => {
    const columns = plainColumns(requests) ?? {};
    // Expected values: the fixture's lists × 1000 (numpy), E2E = ttft + Σ itl.
    expect({
      ok: columns.ok,
      lines: columns.lines,
      inputTokens: columns.inputTokens,
      outputTokens: columns.outputTokens,
      ttft: rounded(requireColumn(requests, "ttftMs")),
      itl: rounded(requireColumn(requests, "itlMs")),
      e2e: rounded(requireColumn(requests, "e2eMs")),
    }).toEqual({
      ok: [1, 1, 0, 1, 1],
      lines: [2, 2, 2, 2, 2],
      inputTokens: [256, 240, 251, 260, 249],
      outputTokens: [7, 5, 0, 6, 8],
      ttft: [45.7, 47.9, 0, 35.5, 66],
      itl: [11.05, 11.1, Number.NaN, 11.86, 12.042857143],
      e2e: [112, 92.3, 0, 94.8, 150.3],
    });
  });

  it("reproduces the tool's mean TTFT, and its mean E2E less the [DONE] line that the lists do not record", () => {
    const own = (key: string) =>
      parsed.reported?.find((s) => `${s.metric}.${s.statistic}` === key)?.value as number;
    // The fixture's [DONE] line arrives 0.4 ms after the last content chunk (make-serving-fixtures.py).
    expect(
      rounded([
        meanOk(requests, requireColumn(requests, "ttftMs")),
        meanOk(requests, requireColumn(requests, "e2eMs")) + 0.4,
      ]),
    ).toEqual(rounded([own("ttft_ms.mean"), own("e2e_ms.mean")]));
  });

  it("maps e2e_latency to e2e_ms and keeps SGLang's p95 ITL", () => {
    expect((parsed.reported ?? []).map((s) => `${s.metric}.${s.statistic}`)).toEqual([
      "e2e_ms.mean",
      "e2e_ms.median",
      "e2e_ms.std",
      "e2e_ms.p99",
      "ttft_ms.mean",
      "ttft_ms.median",
      "ttft_ms.std",
      "ttft_ms.p99",
      "tpot_ms.mean",
      "tpot_ms.median",
      "tpot_ms.std",
      "tpot_ms.p99",
      "itl_ms.mean",
      "itl_ms.median",
      "itl_ms.std",
      "itl_ms.p95",
      "itl_ms.p99",
      "request_throughput.value",
      "input_token_throughput.value",
      "output_token_throughput.value",
    ]);
  });

  it("records the last run's facts", () => {
    expect(parsed.context).toEqual({
      backend: "sglang-oai",
      dataset_name: "random",
      request_rate: 4,
      random_input_len: 256,
      random_output_len: 8,
      random_range_ratio: 0,
      duration: 1.84,
      completed: 4,
      total_input_tokens: 1005,
      total_output_tokens: 26,
      total_output_tokens_retokenized: 26,
      concurrency: 0.24510869565217389,
      runs: 2,
      run_line: 2,
    });
  });
});

describe("SGLang bench_serving: single runs and bad input", () => {
  const [first, second] = readFixtureText("sglang-bench.jsonl").split("\n") as [string, string];

  it('reads a bare Infinity request rate as "inf" and a summary-only run without rows', () => {
    const parsed = sglangBench.parse(textFile("inf.jsonl", `${first}\n`));
    expect([parsed.requests, parsed.findings, parsed.context?.request_rate, parsed.reported?.[4]]).toEqual([
      undefined,
      [],
      "inf",
      { metric: "ttft_ms", statistic: "mean", value: 70.825, line: 1, n: 4 },
    ]);
  });

  it("reads per-request lists nested under details (refactored package)", () => {
    const run = second.replace(', "input_lens":', ', "details": {"input_lens":').replace(/\}$/, "}}");
    const parsed = sglangBench.parse(textFile("nested.jsonl", run));
    expect([parsed.rows, Array.from(parsed.requests?.ok ?? [])]).toEqual([5, [1, 1, 0, 1, 1]]);
  });

  it("names the line and element of an ITL list that is not a list", () => {
    const parsed = sglangBench.parse(
      textFile("bad.jsonl", second.replace(/"itls": \[\[[^\]]*\], /, '"itls": ["slow", ')),
    );
    expect(parsed.findings.map((f) => [f.code, f.location?.line, f.location?.column])).toEqual([
      ["JSON_WRONG_TYPE", 1, "itls[0]"],
      ["SERVING_E2E_DERIVED", 1, undefined],
    ]);
  });

  it("is detected from its argument echo and not from a vLLM result", () => {
    expect([
      sglangBench.detect({ path: "a.jsonl", head: first }),
      sglangBench.detect({ path: "b.json", head: readFixtureText("vllm-bench-detailed.json") }),
    ]).toEqual([0.95, 0]);
  });
});
