import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { FormatAdapter } from "../../../src/formats/format.ts";
import { aiperfJsonl } from "../../../src/formats/serving/aiperf.ts";
import { genaiPerfExport } from "../../../src/formats/serving/genai-perf.ts";
import { llmperfResponses } from "../../../src/formats/serving/llmperf.ts";
import type { ParsedEvidence } from "../../../src/model/evidence.ts";
import { hasServingSamples } from "./serving-test-helpers.ts";

const ROOT = new URL("../../..", import.meta.url).pathname;

/** The file's bytes in chunks of `size`, in one reused Node Buffer, as readEvidenceChunks hands them. */
function* chunksOf(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  const buffer = Buffer.alloc(size);
  for (let at = 0; at < bytes.length; at += size) {
    buffer.set(bytes.subarray(at, at + size));
    yield buffer.subarray(0, Math.min(size, bytes.length - at));
  }
}

function both(adapter: FormatAdapter, path: string, bytes: Uint8Array, size: number) {
  let general: ParsedEvidence | string;
  try {
    general = adapter.parse({ path, bytes });
  } catch (error) {
    general = (error as Error).message;
  }
  const streamed = adapter.parseChunks?.(path, chunksOf(bytes, size), bytes.length);
  return { general, streamed };
}

function fileBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(join(ROOT, path)));
}

/** Every file of a corpus folder read both ways: the paths where the streamed read disagrees, and how many it read. */
function corpus(adapter: FormatAdapter, paths: string[]) {
  const disagree: string[] = [];
  const read: string[] = [];
  for (const path of paths)
    for (const size of [3, 1 << 20]) {
      const { general, streamed } = both(adapter, path, fileBytes(path), size);
      if (streamed === undefined) continue;
      if (size === 3) read.push(path);
      try {
        expect(streamed).toEqual(general);
      } catch {
        disagree.push(`${path} @ ${size}`);
      }
    }
  return { disagree, read };
}

function folder(name: string): string[] {
  const dir = `tests/reliability/data/corpus/${name}`;
  return readdirSync(join(ROOT, dir)).map((file) => `${dir}/${file}`);
}

describe("the streaming read of LLMPerf individual responses", () => {
  const FIXTURE = "tests/formats/data/llmperf-individual_responses.json";
  it.each([1, 2, 7, 64, 1 << 20])(
    "gives the general reader's result for the fixture in chunks of %i bytes",
    (size) => {
      const { general, streamed } = both(llmperfResponses, FIXTURE, fileBytes(FIXTURE), size);
      expect(streamed).toEqual(general);
    },
  );

  it("steps aside for the damaged files of the corpus it cannot read exactly, and agrees on the rest", () => {
    const result = corpus(llmperfResponses, folder("llmperf-responses"));
    const dir = "tests/reliability/data/corpus/llmperf-responses";
    expect(result).toEqual({
      disagree: [],
      read: ["huge-number", "negative-number", "null-everywhere", "number-as-string"].map(
        (name) => `${dir}/${name}.json`,
      ),
    });
  });
});

describe("the streaming read of AIPerf profile_export.jsonl", () => {
  const lines = (n: number, at: (i: number) => string) =>
    Array.from({ length: n }, (_, i) => at(i)).join("\n");
  const record = (i: number) =>
    `{"metadata": {"x_request_id": "r-${i}", "request_start_ns": ${1759813207532900363n + BigInt(i) * 1000003n}, "benchmark_phase": "${i < 2 ? "warmup" : "profiling"}", "was_cancelled": ${i === 7}}, "metrics": {"input_sequence_length": {"value": ${500 + i}, "unit": "tokens"}, "time_to_first_token": {"value": ${250.5 + i / 3}, "unit": "ms"}, "request_latency": {"value": ${i === 5 ? 0.3 : 300.25 + i}, "unit": "${i === 5 ? "s" : "ms"}"}, "inter_chunk_latency": {"value": [4.8, 5.3, ${i}.25], "unit": "ms"}, "output_sequence_length": {"value": ${9 + (i % 4)}, "unit": "tokens"}, "inter_token_latency": {"value": 5.2, "unit": "ms"}}, "error": ${i === 9 ? '{"code": 500, "message": "boom"}' : "null"}}`;
  const text = `${lines(12, record)}\n`;
  const bytes = new TextEncoder().encode(text);

  it.each([1, 5, 64, 1 << 20])("gives the general reader's result in chunks of %i bytes", (size) => {
    const { general, streamed } = both(aiperfJsonl, "p.jsonl", bytes, size);
    expect(streamed).toEqual(general);
  });

  it("reads ids, nanosecond starts, units and list means from bytes, and skips the warm-up", () => {
    const { streamed } = both(aiperfJsonl, "p.jsonl", bytes, 7);
    const r = streamed?.requests;
    expect({
      id: r?.requestId?.slice(0, 2),
      start: r?.startS?.[0],
      e2e: r?.e2eMs?.[3],
      itl: r?.itlMs?.[1],
      ok: [...(r?.ok ?? [])],
      context: streamed?.context,
      codes: streamed?.findings.map((f) => f.code),
    }).toEqual({
      id: ["r-2", "r-3"],
      start: Number(1759813207532900363n + 2n * 1000003n) / 1e9,
      e2e: 300,
      itl: (4.8 + 5.3 + 3.25) / 3,
      ok: [1, 1, 1, 1, 1, 0, 1, 0, 1, 1],
      context: { records: 10, completed: 8, failed: 2, cancelled: 1 },
      codes: ["AIPERF_WARMUP_SKIPPED"],
    });
  });

  it("steps aside for the documentation sample (a duplicated key) and the damaged corpus files, and agrees on the rest", () => {
    const doc = "../shared/samples/serving/aiperf-docs-profile_export-EXAMPLE.jsonl";
    const result = corpus(aiperfJsonl, [...(hasServingSamples ? [doc] : []), ...folder("aiperf")]);
    // The corpus files are damaged copies of the documentation sample, which repeats a key.
    expect(result).toEqual({
      disagree: [],
      read: ["tests/reliability/data/corpus/aiperf/no-first-line.jsonl"],
    });
  });
});

describe("the streaming read of GenAI-Perf profile_export.json", () => {
  const done = '{"response": "data: [DONE]\\n\\n"}';
  const chunk = (text: string) =>
    `{"response": "data: {\\"object\\":\\"chat.completion.chunk\\",\\"choices\\":[{\\"delta\\":{\\"content\\":\\"${text}\\"}}]}\\n\\n"}`;
  const usage =
    '{"response": "data: {\\"choices\\":[],\\"usage\\":{\\"prompt_tokens\\":7,\\"completion_tokens\\":2}}\\n\\n"}';
  const request = (t: string, stamps: string, outputs: string, model = "m-1") =>
    `{"timestamp": ${t}, "request_inputs": {"payload": "{\\"model\\":\\"${model}\\"}"}, "response_timestamps": [${stamps}], "response_outputs": [${outputs}]}`;
  const experiment = (mode: string, requests: string[]) =>
    `{"experiment": {"mode": "${mode}", "value": 4}, "requests": [\n${requests.join(",\n")}\n], "window_boundaries": [1, 2]}`;
  const requests = [
    request(
      "1759813207532900363",
      "1759813207533000364, 1759813207533000365, 1759813207533100365",
      `${chunk("Hi")}, ${chunk("!")}, ${usage}`,
    ),
    request("1759813207632900363", "1759813207633000001", done),
    request(
      "1759813207732900363",
      "1759813207733000001, 1759813207734000001",
      `${chunk("yo")}, ${done}`,
      "m-2",
    ),
  ];
  const file = (serviceKind: string, experiments: string[], last = true) =>
    new TextEncoder().encode(
      last
        ? `{\n"experiments": [${experiments.join(", ")}],\n"service_kind": "${serviceKind}", "endpoint": "v1/chat/completions", "version": "x"}\n`
        : `{"service_kind": "${serviceKind}", "endpoint": "v1/chat/completions",\n"experiments": [${experiments.join(", ")}]}`,
    );
  const cases: Array<[string, Uint8Array]> = [
    ["openai, service_kind after the requests", file("openai", [experiment("concurrency", requests)])],
    ["triton", file("triton", [experiment("concurrency", requests)], false)],
    [
      "two experiments",
      file("openai", [
        experiment("concurrency", requests.slice(0, 1)),
        experiment("request_rate", requests.slice(1)),
      ]),
    ],
  ];

  it.each(cases.flatMap(([name, bytes]) => [1, 13, 1 << 20].map((size) => [name, bytes, size] as const)))(
    "gives the general reader's result (%s) in chunks of %i bytes",
    (_name, bytes, size) => {
      const { general, streamed } = both(genaiPerfExport, "export.json", bytes, size);
      expect(streamed).toEqual(general);
    },
  );

  it("reads nanosecond epochs exactly, the server's token counts, and a request without content as failed", () => {
    const { streamed } = both(genaiPerfExport, "export.json", cases[0]?.[1] as Uint8Array, 5);
    const r = streamed?.requests;
    expect({
      ttft: [...(r?.ttftMs ?? [])],
      itl: [...(r?.itlMs ?? [])],
      tokens: [...(r?.outputTokens ?? [])],
      ok: [...(r?.ok ?? [])],
      lines: [...(r?.lines ?? [])],
      model: streamed?.context?.model,
    }).toEqual({
      // 533000364 − 532900363 ns; 733000001 − 732900363 ns; one ns between the two content chunks.
      ttft: [0.100001, Number.NaN, 0.099638],
      itl: [0.000001, Number.NaN, Number.NaN],
      tokens: [2, Number.NaN, Number.NaN],
      ok: [1, 0, 1],
      lines: [3, 4, 5],
      model: "m-1",
    });
  });

  it("gives the general reader's result for the upstream test fixture", () => {
    if (!hasServingSamples) return;
    const path = "../shared/samples/serving/genai-perf-test-openai_profile_export.json";
    for (const size of [1, 64, 1 << 20]) {
      const { general, streamed } = both(genaiPerfExport, path, fileBytes(path), size);
      expect(streamed).toEqual(general);
    }
  });

  it("steps aside when a timestamp is not an integer, a key repeats, or the file is cut", () => {
    const text = new TextDecoder().decode(cases[0]?.[1]);
    const broken = [
      text.replace("1759813207632900363", '"1759813207632900363"'),
      text.replace("1759813207633000001", "null"),
      text.replace('"timestamp": 1759813207732900363', '"timestamp": 1.5'),
      text.replace('"version"', '"endpoint"'),
      text.slice(0, text.length - 40),
    ];
    expect(
      broken.map((t) => {
        const bytes = new TextEncoder().encode(t);
        return genaiPerfExport.parseChunks?.("x.json", chunksOf(bytes, 1 << 20), bytes.length);
      }),
    ).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
