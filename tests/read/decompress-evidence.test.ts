import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decompressChunks, decompressHead, detectCompression } from "../../src/read/decompress-evidence.ts";
import { readEvidence } from "../../src/read/read-evidence.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const PLAIN = new Uint8Array(readFileSync(`${ROOT}tests/formats/data/vllm-bench-detailed.json`));
const GZ = `${ROOT}tests/read/data/vllm-bench-detailed.json.gz`;
const ZST = `${ROOT}tests/read/data/vllm-bench-detailed.json.zst`;
/** What the first 300 stored bytes of GZ inflate to (zlib, `gzip -dc` of the cut file). */
const HEAD_OF_300 = 497;

/** The bytes in chunks of `size`, in one reused buffer, as the evidence reader hands them. */
function* chunksOf(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  const buffer = new Uint8Array(size);
  for (let at = 0; at < bytes.length; at += size) {
    buffer.set(bytes.subarray(at, at + size));
    yield buffer.subarray(0, Math.min(size, bytes.length - at));
  }
}

/** The chunks joined, each copied as it comes: a chunk is valid only until the next is asked for. */
function joined(chunks: Iterable<Uint8Array>): Uint8Array {
  const copies: Buffer[] = [];
  for (const chunk of chunks) copies.push(Buffer.from(chunk));
  return new Uint8Array(Buffer.concat(copies));
}

describe("compressed evidence", () => {
  it("is told by its magic bytes, not its name", () => {
    const gz = readFileSync(GZ);
    const zst = readFileSync(ZST);
    expect([detectCompression(gz), detectCompression(zst), detectCompression(PLAIN)]).toEqual([
      "gzip",
      "zstd",
      undefined,
    ]);
  });

  it.each([
    ["gzip", GZ],
    ["zstd", ZST],
  ])("decompresses %s from chunks of any size to the tool's bytes", (_, path) => {
    const stored = new Uint8Array(readFileSync(path));
    const kind = detectCompression(stored) ?? "gzip";
    for (const size of [1, 7, 4096])
      expect(joined(decompressChunks(kind, chunksOf(stored, size), "x"))).toEqual(PLAIN);
  });

  it("gives the decompressed head for format detection", () => {
    const stored = new Uint8Array(readFileSync(GZ));
    expect(decompressHead("gzip", stored.subarray(0, 400), 64)).toEqual(PLAIN.subarray(0, 64));
  });

  it("gives as much of the decompressed head as the bytes hold when they hold less than asked", () => {
    const stored = new Uint8Array(readFileSync(GZ));
    const head = decompressHead("gzip", stored.subarray(0, 300), PLAIN.length);
    expect([head.length, head]).toEqual([HEAD_OF_300, PLAIN.subarray(0, HEAD_OF_300)]);
  });

  it("hashes the file as submitted and hands the readers its decompressed bytes", async () => {
    const stored = readFileSync(ZST);
    const read = await readEvidence(ZST, "run.json.zst");
    expect(read).toEqual({
      file: { path: "run.json.zst", bytes: PLAIN },
      sha256: createHash("sha256").update(stored).digest("hex"),
    });
  });

  it("says a cut archive cannot be decompressed and what to do", async () => {
    await expect(readEvidence(`${ROOT}tests/read/data/cut.json.gz`, "cut.json.gz")).rejects.toMatchObject({
      code: "E_INPUT",
      message:
        "cut.json.gz starts like a gzip archive but cannot be decompressed (unexpected end of file); it was probably cut short while being copied. Compress the tool's file again (`gzip -k <file>`) or submit it uncompressed.",
    });
  });
});
