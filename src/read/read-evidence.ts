import { createHash, type Hash } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { ClaimcheckError } from "../model/errors.ts";
import type { EvidenceFile } from "../model/evidence.ts";
import {
  type Compression,
  decompressChunks,
  decompressHead,
  decompressWhole,
  detectCompression,
} from "./decompress-evidence.ts";

export interface ReadEvidenceResult {
  file: EvidenceFile;
  sha256: string;
}

/** Reads one evidence file; `displayPath` is what reports and findings show (as the user wrote it). */
export async function readEvidence(absolutePath: string, displayPath: string): Promise<ReadEvidenceResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(absolutePath);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const what =
      code === "ENOENT"
        ? "does not exist"
        : code === "EISDIR"
          ? "is a directory"
          : `cannot be read (${code ?? "unknown error"})`;
    throw new ClaimcheckError(
      "E_IO",
      `Evidence file ${displayPath} ${what}; check the path (paths in claimcheck.yaml are relative to it).`,
      { cause },
    );
  }
  // The hash is of the file as submitted; the readers see its decompressed bytes.
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const compression = detectCompression(bytes);
  if (compression !== undefined) bytes = decompressWhole(compression, bytes, displayPath);
  return { file: { path: displayPath, bytes }, sha256 };
}

export interface ReadEvidenceChunksResult<T> {
  parsed: T;
  sha256: string;
  size: number;
}

/**
 * Reads a big evidence file in chunks into `parse` (hashing as it goes), so the file is never held
 * whole: one reused buffer of 4 MiB. A gzip or zstd file (told by its first bytes) is decompressed
 * as it streams: `parse` sees the decompressed head and chunks, and `size` is then the decompressed
 * size as far as the file tells it (gzip's trailer), while the hash and the returned `size` are of
 * the file as stored. Undefined when the file is small, cannot be opened (then `readEvidence` reports
 * why), or `parse` hands it back; the caller then reads it with `readEvidence`. Shows progress on
 * stderr when stderr is a terminal.
 */
export function readEvidenceChunks<T>(
  absolutePath: string,
  displayPath: string,
  parse: (head: EvidenceFile, chunks: () => Iterable<Uint8Array>, size: number) => T | undefined,
  /** Called with the share read (0–100) each time it grows; default: a line on stderr when it is a terminal. */
  onProgress?: (percent: number) => void,
): ReadEvidenceChunksResult<T> | undefined {
  let fd: number;
  try {
    fd = openSync(absolutePath, "r");
  } catch {
    return undefined;
  }
  try {
    const size = fstatSync(fd).size;
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    const first = buffer.subarray(0, readSync(fd, buffer, 0, HEAD_BYTES, 0));
    const compression = detectCompression(first);
    if (size < (compression === undefined ? STREAM_MIN_BYTES : STREAM_MIN_COMPRESSED_BYTES)) return undefined;
    const hash = createHash("sha256");
    const progress = createProgress(displayPath, size, onProgress);
    const raw = () => readChunks(fd, buffer, hash, progress);
    const decompressed = compression === undefined ? size : decompressedSize(fd, size, compression);
    const parsed =
      compression === undefined
        ? parse({ path: displayPath, bytes: first }, raw, size)
        : parse(
            { path: displayPath, bytes: decompressHead(compression, first, HEAD_BYTES) },
            () => decompressChunks(compression, raw(), displayPath),
            decompressed,
          );
    progress(size, true);
    return parsed === undefined ? undefined : { parsed, sha256: hash.digest("hex"), size };
  } finally {
    closeSync(fd);
  }
}

// --- internal ---

/** Files below this size are read whole: streaming only pays off for big ones. */
const STREAM_MIN_BYTES = 8 * 1024 * 1024;
/** A compressed file holds several times its size (CSV and JSON logs compress 2–10×). */
const STREAM_MIN_COMPRESSED_BYTES = 1024 * 1024;
const CHUNK_BYTES = 4 * 1024 * 1024;
const HEAD_BYTES = 64 * 1024;

/**
 * The decompressed size for sizing columns: gzip's trailer holds it modulo 2^32 (exact below 4 GiB;
 * a value below the stored size means it wrapped), zstd's frame header often omits it: 4× then.
 */
function decompressedSize(fd: number, size: number, compression: Compression): number {
  if (compression !== "gzip") return size * 4;
  const trailer = Buffer.alloc(4);
  readSync(fd, trailer, 0, 4, size - 4);
  const stated = trailer.readUInt32LE(0);
  return stated >= size ? stated : size * 4;
}

function* readChunks(
  fd: number,
  buffer: Buffer,
  hash: Hash,
  progress: (done: number, last?: boolean) => void,
): Generator<Uint8Array> {
  let position = 0;
  for (;;) {
    const read = readSync(fd, buffer, 0, buffer.length, position);
    if (read === 0) return;
    const chunk = buffer.subarray(0, read);
    hash.update(chunk);
    position += read;
    progress(position);
    yield chunk;
  }
}

/** `reading <file> 42 %` on one stderr line, rewritten in place; nothing when stderr is not a terminal. */
function createProgress(
  displayPath: string,
  size: number,
  onProgress?: (percent: number) => void,
): (done: number, last?: boolean) => void {
  if (onProgress !== undefined) {
    let reported = -1;
    return (done) => {
      const percent = Math.floor((100 * done) / size);
      if (percent !== reported) onProgress(percent);
      reported = percent;
    };
  }
  if (!process.stderr.isTTY) return () => {};
  let shown = -1;
  return (done, last = false) => {
    const percent = Math.floor((100 * done) / size);
    if (last) process.stderr.write("\r\x1b[K");
    else if (percent !== shown) process.stderr.write(`\rreading ${displayPath} ${percent} %`);
    shown = percent;
  };
}
