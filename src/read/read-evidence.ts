import { createHash, type Hash } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { ClaimcheckError } from "../model/errors.ts";
import type { EvidenceFile } from "../model/evidence.ts";

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
  return { file: { path: displayPath, bytes }, sha256: createHash("sha256").update(bytes).digest("hex") };
}

export interface ReadEvidenceChunksResult<T> {
  parsed: T;
  sha256: string;
  size: number;
}

/**
 * Reads a big evidence file in chunks into `parse` (hashing as it goes), so the file is never held
 * whole: one reused buffer of 4 MiB. Undefined when the file is small, cannot be opened (then
 * `readEvidence` reports why), or `parse` hands it back; the caller then reads it with `readEvidence`.
 * Shows progress on stderr when stderr is a terminal.
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
    if (size < STREAM_MIN_BYTES) return undefined;
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    const head = { path: displayPath, bytes: buffer.subarray(0, readSync(fd, buffer, 0, HEAD_BYTES, 0)) };
    const hash = createHash("sha256");
    const progress = createProgress(displayPath, size, onProgress);
    const parsed = parse(head, () => readChunks(fd, buffer, hash, progress), size);
    progress(size, true);
    return parsed === undefined ? undefined : { parsed, sha256: hash.digest("hex"), size };
  } finally {
    closeSync(fd);
  }
}

// --- internal ---

/** Files below this size are read whole: streaming only pays off for big ones. */
const STREAM_MIN_BYTES = 8 * 1024 * 1024;
const CHUNK_BYTES = 4 * 1024 * 1024;
const HEAD_BYTES = 64 * 1024;

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
