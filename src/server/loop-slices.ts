import { createHash } from "node:crypto";
import { setImmediate as nextTurn } from "node:timers/promises";

/**
 * Returns `pause()`, which lets the event loop run other requests once `sliceMs` of work has passed
 * since the last pause: a long copy, hash or inflation on the request path is cut into slices, so a
 * `GET` waits for one slice, not for a 64 MiB upload.
 */
export function createLoopSlicer(sliceMs = 4): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await nextTurn();
    since = performance.now();
  };
}

/** The chunks in one array, copied a slice at a time (one copy of 64 MiB would hold the loop ~20 ms). */
export async function joinChunks(
  chunks: readonly Uint8Array[],
  size: number,
  pause: () => Promise<void>,
): Promise<Uint8Array> {
  if (chunks.length === 1 && chunks[0]?.length === size) return chunks[0];
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
    await pause();
  }
  return bytes;
}

/** The SHA-256 of `bytes` in hex, hashed a MiB at a time between pauses. */
export async function sha256InSlices(bytes: Uint8Array, pause: () => Promise<void>): Promise<string> {
  const hash = createHash("sha256");
  for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
    hash.update(bytes.subarray(at, at + SLICE_BYTES));
    await pause();
  }
  return hash.digest("hex");
}

// --- internal ---

const SLICE_BYTES = 1024 * 1024;
