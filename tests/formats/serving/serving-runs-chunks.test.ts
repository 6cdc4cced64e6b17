import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { FormatAdapter } from "../../../src/formats/format.ts";
import { sglangBench } from "../../../src/formats/serving/sglang-bench.ts";
import { vllmBench } from "../../../src/formats/serving/vllm-bench.ts";
import type { ParsedEvidence } from "../../../src/model/evidence.ts";

const ROOT = new URL("../../..", import.meta.url).pathname;
const FIXTURE = "tests/formats/data/vllm-bench-detailed.json";

/** The file's bytes in chunks of `size`, in one reused Node Buffer, as readEvidenceChunks hands them. */
function* chunksOf(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  const buffer = Buffer.alloc(size);
  for (let at = 0; at < bytes.length; at += size) {
    buffer.set(bytes.subarray(at, at + size));
    yield buffer.subarray(0, Math.min(size, bytes.length - at));
  }
}

function both(adapter: FormatAdapter, path: string, size: number) {
  const bytes = new Uint8Array(readFileSync(join(ROOT, path)));
  let general: ParsedEvidence | string;
  try {
    general = adapter.parse({ path, bytes });
  } catch (error) {
    general = (error as Error).message;
  }
  const streamed = adapter.parseChunks?.(path, chunksOf(bytes, size), bytes.length);
  return { general, streamed };
}

describe("the streaming read of vLLM --save-detailed JSON", () => {
  it.each([1, 2, 7, 64, 1 << 20])(
    "gives the general reader's result for the fixture in chunks of %i bytes",
    (size) => {
      const { general, streamed } = both(vllmBench, FIXTURE, size);
      expect(streamed).toEqual(general);
    },
  );

  it("reads the per-request lists from bytes: failed requests, ITL means and derived TPOT", () => {
    const { streamed } = both(vllmBench, FIXTURE, 5);
    const r = streamed?.requests;
    expect({
      ok: [...(r?.ok ?? [])],
      itl: [...(r?.itlMs ?? [])].map((v) => Math.round(v * 1e4) / 1e4),
    }).toEqual({
      ok: [1, 1, 0, 1, 1, 1],
      itl: [12.075, 12.6333, Number.NaN, 23.8, Number.NaN, 11.8],
    });
  });

  it("steps aside (undefined) for a file it cannot read exactly, and otherwise agrees with the general reader", () => {
    const cases: Array<[FormatAdapter, string]> = [];
    for (const [adapter, folder] of [
      [vllmBench, "tests/reliability/data/corpus/vllm-bench-detailed"],
      [vllmBench, "tests/reliability/data/corpus/vllm-legacy"],
      [sglangBench, "tests/reliability/data/corpus/sglang-bench"],
    ] as const)
      for (const name of readdirSync(join(ROOT, folder))) cases.push([adapter, `${folder}/${name}`]);
    cases.push([sglangBench, "tests/formats/data/sglang-bench.jsonl"]);
    const disagree: string[] = [];
    let fast = 0;
    for (const [adapter, path] of cases)
      for (const size of [3, 1 << 20]) {
        const { general, streamed } = both(adapter, path, size);
        if (streamed === undefined) continue;
        fast++;
        try {
          expect(streamed).toEqual(general);
        } catch {
          disagree.push(`${path} @ ${size}`);
        }
      }
    expect({ disagree, someReadFast: fast > 0 }).toEqual({ disagree: [], someReadFast: true });
  });
});
