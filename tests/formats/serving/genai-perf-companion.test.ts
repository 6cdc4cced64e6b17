import { describe, expect, it } from "vitest";
import { genaiPerfExport, genaiPerfJson } from "../../../src/formats/serving/genai-perf.ts";
import { mergeGenaiPerfCompanion } from "../../../src/formats/serving/genai-perf-companion.ts";
import { mergeSplinteredResponses } from "../../../src/formats/serving/genai-perf-sse.ts";
import { llmperfSummary } from "../../../src/formats/serving/llmperf.ts";
import { prepareInput } from "../../../src/judge/prepare-input.ts";
import type { MeasureInput } from "../../../src/measure/metric.ts";
import { METRICS } from "../../../src/measure/registry.ts";
import type { ParsedEvidence } from "../../../src/model/evidence.ts";
import { readFixture, textFile } from "./serving-test-helpers.ts";

// Inline data in perf_analyzer's profile_export.json layout (serving-formats.md §3.1): two streamed chat
// requests, each a role-only chunk, content chunks and [DONE]; times in ns from the send at 0 and 100 ns.
const chunk = (text: string) =>
  `{"response": "data: {\\"object\\":\\"chat.completion.chunk\\",\\"choices\\":[{\\"delta\\":{\\"content\\":\\"${text}\\"}}]}\\n\\n"}`;
const role =
  '{"response": "data: {\\"object\\":\\"chat.completion.chunk\\",\\"choices\\":[{\\"delta\\":{\\"role\\":\\"assistant\\"}}]}\\n\\n"}';
const done = '{"response": "data: [DONE]\\n\\n"}';
const request = (t: number, stamps: number[], outputs: string[]) =>
  `{"timestamp": ${t}, "request_inputs": {"payload": "{\\"model\\": \\"m\\"}"}, "response_timestamps": [${stamps.join(", ")}], "response_outputs": [${outputs.join(", ")}]}`;
const EXPORT = `{"service_kind": "openai", "endpoint": "v1/chat/completions", "experiments": [{"experiment": {"mode": "concurrency", "value": 2}, "requests": [
${request(0, [2, 4, 9, 13, 14], [role, chunk("Hi"), chunk(" there"), chunk("!"), done])},
${request(100, [103, 106, 111, 112], [role, chunk("Yes"), chunk("."), done])}]}]}`;
// GenAI-Perf's profile_export_genai_perf.json of a run of 2 requests, in ms (output_reporter scales ns → ms).
const summary = (count: number) => `{
  "request_throughput": { "unit": "requests/sec", "avg": 142857142.857 },
  "request_latency": { "unit": "ms", "avg": 0.000012, "p50": 0.000012, "p99": 0.00001298, "min": 0.000011, "max": 0.000013, "std": 0.000001 },
  "time_to_first_token": { "unit": "ms", "avg": 0.000005, "p99": 0.00000599, "min": 0.000004, "max": 0.000006, "std": 0.000001 },
  "inter_token_latency": { "unit": "ms", "avg": 0.000004, "p99": 0.00000499, "min": 0.000003, "max": 0.000005, "std": 0.000001 },
  "output_token_throughput": { "unit": "tokens/sec", "avg": 500000000.0 },
  "output_sequence_length": { "unit": "tokens", "avg": 3.5, "p99": 4.0 },
  "request_count": { "unit": "count", "avg": ${count} },
  "input_config": { "model": ["m"], "concurrency": 2 }
}
`;
const exportEvidence = () => genaiPerfExport.parse(textFile("profile_export.json", EXPORT));
const companion = (count: number) =>
  genaiPerfJson.parse(textFile("profile_export_genai_perf.json", summary(count)));

function evaluate(id: string, candidate: ParsedEvidence) {
  const input: MeasureInput = {
    evidence: { candidate },
    system: { accelerators: [], software: {} },
    confidence: 0.95,
    seed: 1,
    percentileMethod: "linear",
    comparison: "none",
    conditions: {},
  };
  const result = METRICS.get(id)?.evaluate(input);
  return result !== undefined && "value" in result ? result.value : result;
}

describe("GenAI-Perf profile_export.json without a companion", () => {
  it("computes TTFT and E2E from the first and last content response, as GenAI-Perf does", () => {
    const requests = exportEvidence().requests;
    expect([Array.from(requests?.ttftMs ?? []), Array.from(requests?.e2eMs ?? [])]).toEqual([
      [4e-6, 6e-6],
      [13e-6, 11e-6],
    ]);
  });

  it("raises no missing-value error for the token counts GenAI-Perf keeps on the client", () => {
    const input = prepareInput({
      role: "candidate",
      file: textFile("profile_export.json", EXPORT),
      sha256: "",
    });
    // The upstream test vector's timestamps are a few nanoseconds apart, far below any real server, so
    // the latency-unit rule rightly warns about TTFT and E2E; none of the findings is an error.
    expect(input.parsed.findings.map((f) => [f.code, f.severity])).toEqual([
      ["GENAI_PERF_NO_TOKEN_COUNTS", "info"],
      ["LATENCY_UNIT_SUSPECT", "warning"],
      ["LATENCY_UNIT_SUSPECT", "warning"],
    ]);
  });

  it("says TPOT and token throughput are missing, and what to submit", () => {
    expect([
      evaluate("tpot_ms.p99", exportEvidence()),
      evaluate("output_token_throughput", exportEvidence()),
    ]).toEqual([
      {
        unavailable: "missing",
        reason:
          "tpot_ms is not in this genai-perf-export file: TPOT (GenAI-Perf's inter_token_latency) needs GenAI-Perf's token counts; declare GenAI-Perf's profile_export_genai_perf.json (or .csv) of the same run as the evidence's `companion`.",
      },
      {
        unavailable: "missing",
        reason:
          "output_token_throughput needs a column the candidate's genai-perf-export file does not hold: GenAI-Perf counts tokens with its client tokenizer and writes them only to its summary; declare GenAI-Perf's profile_export_genai_perf.json (or .csv) of the same run as the evidence's `companion`.",
      },
    ]);
  });
});

describe("GenAI-Perf profile_export.json with its companion summary", () => {
  it("takes TPOT and token throughput from the summary and keeps TTFT from the rows", () => {
    const merged = mergeGenaiPerfCompanion(exportEvidence(), companion(2), "profile_export_genai_perf.json");
    expect({
      tpot: evaluate("tpot_ms.p99", merged),
      tokens: evaluate("output_token_throughput", merged),
      ttft: evaluate("ttft_ms.mean", merged),
      context: merged.context,
      findings: merged.findings.map((f) => f.code),
    }).toEqual({
      tpot: 0.00000499,
      tokens: 500000000,
      ttft: (4e-6 + 6e-6) / 2,
      context: {
        service_kind: "openai",
        endpoint: "v1/chat/completions",
        max_concurrency: 2,
        model: "m",
        duration: 1.11e-7,
        requests: 2,
        completed: 2,
        mean_output_tokens: 3.5,
        companion: "profile_export_genai_perf.json",
      },
      findings: ["GENAI_PERF_NO_TOKEN_COUNTS"],
    });
  });

  it("refuses a summary of another run (its request count differs) and a companion of another tool", () => {
    const other = mergeGenaiPerfCompanion(exportEvidence(), companion(10), "other.json");
    const wrongTool = mergeGenaiPerfCompanion(
      exportEvidence(),
      llmperfSummary.parse(readFixture("llmperf-summary.json")),
      "llmperf-summary.json",
    );
    expect(
      [other, wrongTool].map((m) => [m.findings.at(-1)?.code, m.findings.at(-1)?.severity, m.reported]),
    ).toEqual([
      ["COMPANION_OTHER_RUN", "error", undefined],
      ["COMPANION_FORMAT", "error", undefined],
    ]);
  });
});

describe("splintered SSE responses", () => {
  it("gives a response's text up to its first `data: ` back to the response before it, as GenAI-Perf does", () => {
    const responses = [
      'data: {"choices":[{"text":"a',
      '"}]}\n\ndata: {"choices":[{"text":"b"}]}\n\n',
      ": ping",
      'x"}]}',
    ];
    mergeSplinteredResponses(responses);
    expect(responses).toEqual([
      'data: {"choices":[{"text":"a"}]}\n\n',
      'data: {"choices":[{"text":"b"}]}\n\n',
      ': pingx"}]}',
      "",
    ]);
  });
});
