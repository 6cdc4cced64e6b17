import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { FormatAdapter } from "../../../src/formats/format.ts";
import { aiperfJsonl } from "../../../src/formats/serving/aiperf.ts";
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
