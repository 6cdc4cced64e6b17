import { describe, expect, it } from "vitest";
import { servingCsv } from "../../../src/formats/serving/serving-csv.ts";
import { SERVING_JSON_FORMATS } from "../../../src/formats/serving/serving-json-formats.ts";
import { decodeHead } from "../../../src/formats/text/text.ts";
import { hasServingSamples, readFixture, readSample } from "./serving-test-helpers.ts";

/** Which adapters claim a file: id → confidence, leaving out the zeros. */
function claims(bytes: Uint8Array): Record<string, number> {
  const head = decodeHead(bytes);
  return Object.fromEntries(
    SERVING_JSON_FORMATS.map((a) => [a.id, a.detect({ path: "x", head })]).filter(([, c]) => c !== 0),
  );
}

describe("SERVING_JSON_FORMATS detection", () => {
  it("lists the adapters in priority order with distinct ids", () => {
    expect(SERVING_JSON_FORMATS.map((a) => a.id)).toEqual([
      "vllm-bench",
      "vllm-bench-sweep",
      "sglang-bench",
      "genai-perf-export",
      "aiperf-json",
      "genai-perf-json",
      "aiperf-csv",
      "genai-perf-csv",
      "aiperf-jsonl",
      "llmperf-summary",
      "llmperf-responses",
    ]);
  });

  it("lets exactly one adapter claim each hand-made fixture", () => {
    const files = [
      "vllm-bench-detailed.json",
      "sglang-bench.jsonl",
      "genai-perf-profile_export_genai_perf.csv",
      "genai-perf-profile_export_genai_perf.json",
      "llmperf-summary.json",
      "llmperf-individual_responses.json",
    ];
    // The canonical serving CSV, which these adapters sit beside in the registry, must not claim them either.
    expect(files.map((f) => servingCsv.detect({ path: f, head: decodeHead(readFixture(f).bytes) }))).toEqual([
      0, 0, 0, 0, 0, 0,
    ]);
    expect(files.map((f) => claims(readFixture(f).bytes))).toEqual([
      { "vllm-bench": 0.95 },
      { "sglang-bench": 0.95 },
      { "genai-perf-csv": 0.95 },
      { "genai-perf-json": 0.9 },
      { "llmperf-summary": 0.95 },
      { "llmperf-responses": 0.95 },
    ]);
  });

  it("claims nothing of unrelated content", () => {
    const unrelated = [
      "request_id,start_s,ttft_ms,e2e_ms,input_tokens,output_tokens\nr1,0,1,2,3,4\n",
      "{}",
      '[{"a": 1}]',
      '{"results": {"hellaswag": {"acc,none": 0.5}}, "config": {"model": "hf"}}',
      "#  out-of-place                       in-place\n#       size         count      type   redop    root     time   algbw   busbw\n",
      "timestamp, index, memory.used [MiB]\n",
    ];
    expect(unrelated.map((text) => claims(new TextEncoder().encode(text)))).toEqual([{}, {}, {}, {}, {}, {}]);
  });
});

describe.skipIf(!hasServingSamples)("SERVING_JSON_FORMATS detection of the shared samples", () => {
  // Skipped suites still run their bodies to collect tests; without the samples there is nothing to read.
  if (!hasServingSamples) return;
  it("lets exactly one adapter claim each real sample and none claim the MLPerf logs", () => {
    const files = [
      "vllm-legacy-nerdalert-results.jsonl",
      "genai-perf-test-openai_profile_export.json",
      "aiperf-docs-profile_export-EXAMPLE.jsonl",
      "mlperf-llama2-70b-server-mlperf_log_detail.txt",
      "mlperf-llama2-70b-server-mlperf_log_summary.txt",
    ];
    expect(files.map((f) => claims(readSample(f).bytes))).toEqual([
      { "vllm-bench": 0.95 },
      { "genai-perf-export": 0.95 },
      { "aiperf-jsonl": 0.95 },
      {},
      {},
    ]);
  });
});
