import { createRequire } from "node:module";
import { gunzipSync } from "node:zlib";
import type * as Fflate from "fflate";
import type * as Fzstd from "fzstd";
import { ClaimcheckError } from "../model/errors.ts";
import { inflateGzipChunks } from "./inflate-gzip.ts";

/** How an evidence file is compressed, told by its first bytes (never by its name). */
export type Compression = "gzip" | "zstd";

/** gzip's 1f 8b (RFC 1952); zstd's frame magic 28 b5 2f fd (RFC 8878). */
export function detectCompression(bytes: Uint8Array): Compression | undefined {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return "gzip";
  if (bytes[0] === 0x28 && bytes[1] === 0xb5 && bytes[2] === 0x2f && bytes[3] === 0xfd) return "zstd";
  return undefined;
}

/** The whole file decompressed (a small file, or one a fast reader handed back). */
export function decompressWhole(kind: Compression, bytes: Uint8Array, displayPath: string): Uint8Array {
  try {
    return kind === "gzip" ? gunzipSync(bytes) : fzstd().decompress(bytes);
  } catch (cause) {
    throw brokenArchive(kind, displayPath, cause);
  }
}

/**
 * The decompressed bytes of `chunks` (the file as stored, in order), chunk by chunk; the input chunks
 * may be reused, and so are the output chunks: each is valid until the next is asked for. gzip is
 * inflated by zlib as the chunks come (`inflate-gzip.ts`), fflate only where Node's zlib cannot be
 * driven chunk by chunk (zlib, native, is about five times faster); zstd streams through fzstd
 * (Node 20 has no zstd).
 */
export function* decompressChunks(
  kind: Compression,
  chunks: Iterable<Uint8Array>,
  displayPath: string,
): Generator<Uint8Array> {
  try {
    const inflated = kind === "gzip" ? inflateGzipChunks(chunks) : undefined;
    if (inflated !== undefined) {
      yield* inflated;
      return;
    }
    const engine = kind === "gzip" ? gzipEngine() : zstdEngine();
    for (const chunk of chunks) yield* engine.push(chunk, false);
    yield* engine.push(new Uint8Array(0), true);
  } catch (cause) {
    if (cause instanceof ClaimcheckError) throw cause;
    throw brokenArchive(kind, displayPath, cause);
  }
}

/**
 * The first `limit` decompressed bytes of a compressed file's first bytes (for format detection);
 * what the head holds, or fewer bytes when it ends early.
 */
export function decompressHead(kind: Compression, head: Uint8Array, limit: number): Uint8Array {
  const out: Uint8Array[] = [];
  let length = 0;
  try {
    for (const chunk of headChunks(kind, head, limit)) {
      out.push(chunk.slice());
      length += chunk.length;
      if (length >= limit) break;
    }
  } catch {
    // A head is cut short: past what it holds the stream "ends early"; detection sees what came before.
  }
  return concatAll(out).subarray(0, limit);
}

// --- internal ---

/**
 * fflate and fzstd load on first use: most evidence is plain or gzip (zlib), and loading them cost
 * every reading thread (the main one and each worker) 50–130 ms on a busy two-core machine.
 */
const requireOnUse = createRequire(import.meta.url);

function fflate(): typeof Fflate {
  return requireOnUse("fflate") as typeof Fflate;
}

function fzstd(): typeof Fzstd {
  return requireOnUse("fzstd") as typeof Fzstd;
}

interface Engine {
  push(chunk: Uint8Array, final: boolean): Uint8Array[];
}

/** What a head decompresses to, `limit` bytes at a time (zlib for gzip where it can be driven so). */
function headChunks(kind: Compression, head: Uint8Array, limit: number): Iterable<Uint8Array> {
  const inflated = kind === "gzip" ? inflateGzipChunks([head], limit) : undefined;
  return inflated ?? (kind === "gzip" ? gzipEngine() : zstdEngine()).push(head, false);
}

function gzipEngine(): Engine {
  let out: Uint8Array[] = [];
  const stream = new (fflate().Gunzip)((data) => {
    out.push(data);
  });
  return {
    push(chunk, final) {
      // fflate may keep the tail of pushed input for the next push: give it its own copy.
      stream.push(new Uint8Array(chunk), final);
      const ready = out;
      out = [];
      return ready;
    },
  };
}

function zstdEngine(): Engine {
  let out: Uint8Array[] = [];
  const stream = new (fzstd().Decompress)((data) => {
    out.push(data);
  });
  return {
    push(chunk, final) {
      // fzstd keeps a reference to pushed input until it is decoded: give it its own copy.
      stream.push(new Uint8Array(chunk), final);
      const ready = out;
      out = [];
      return ready;
    },
  };
}

function brokenArchive(kind: Compression, displayPath: string, cause: unknown): ClaimcheckError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new ClaimcheckError(
    "E_INPUT",
    `${displayPath} starts like a ${kind} archive but cannot be decompressed (${reason}); it was probably cut short while being copied. Compress the tool's file again (\`${kind === "gzip" ? "gzip -k" : "zstd"} <file>\`) or submit it uncompressed.`,
    { cause },
  );
}

function concatAll(parts: Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return joined;
}
