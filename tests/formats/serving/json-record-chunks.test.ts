import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { FormatAdapter } from "../../../src/formats/format.ts";
import { llmperfResponses } from "../../../src/formats/serving/llmperf.ts";
import type { ParsedEvidence } from "../../../src/model/evidence.ts";

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
