import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { inflateGzipChunks } from "../../src/read/inflate-gzip.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const PLAIN = new Uint8Array(readFileSync(`${ROOT}tests/formats/data/vllm-bench-detailed.json`));
const STORED = new Uint8Array(readFileSync(`${ROOT}tests/read/data/vllm-bench-detailed.json.gz`));

/** The bytes in chunks of `size`, in one reused buffer, as the evidence reader hands them. */
function* chunksOf(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  const buffer = new Uint8Array(size);
  for (let at = 0; at < bytes.length; at += size) {
    buffer.set(bytes.subarray(at, at + size));
    yield buffer.subarray(0, Math.min(size, bytes.length - at));
  }
}

/** Everything inflated, each chunk copied as it comes (the inflater reuses its buffer). */
function inflated(stored: Uint8Array, inSize: number, outSize?: number): Uint8Array {
  const chunks = inflateGzipChunks(chunksOf(stored, inSize), outSize);
  if (chunks === undefined) throw new Error("no synchronous zlib handle");
  const copies: Buffer[] = [];
  for (const chunk of chunks) copies.push(Buffer.from(chunk));
  return new Uint8Array(Buffer.concat(copies));
}

describe("inflateGzipChunks", () => {
  it("is driven by this Node's own zlib (fflate is the slow fallback)", () => {
    expect(inflateGzipChunks([])).toBeDefined();
  });

  it("inflates the tool's gzip to its bytes from input and output chunks of any size", () => {
    for (const [inSize, outSize] of [
      [1, 7],
      [7, 4096],
      [4096, 1],
      [STORED.length, PLAIN.length],
      [STORED.length, undefined],
    ])
      expect(inflated(STORED, inSize as number, outSize)).toEqual(PLAIN);
  });

  it("yields every output chunk in the same buffer, filled before it is handed on", () => {
    const views = [...(inflateGzipChunks(chunksOf(STORED, 4096), 1000) ?? [])];
    expect(new Set(views.map((v) => v.buffer)).size).toBe(1);
    expect(views.slice(0, -1).every((v) => v.length === 1000)).toBe(true);
  });

  it("inflates a file of several gzip members to all of them, as gunzip does", () => {
    const members = Buffer.concat([gzipSync("ttft_ms\n12.5\n"), gzipSync("13.25\n")]);
    expect(Buffer.from(inflated(members, 5, 3)).toString()).toBe("ttft_ms\n12.5\n13.25\n");
  });

  it("throws zlib's reason for a file cut short or damaged", () => {
    expect(() => inflated(STORED.subarray(0, 300), 64)).toThrow("unexpected end of file");
    const damaged = new Uint8Array(STORED);
    damaged.fill(0xff, 20, 60);
    expect(() => inflated(damaged, 64)).toThrow(/invalid/);
  });
});
