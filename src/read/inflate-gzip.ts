import { constants, createGunzip } from "node:zlib";

/**
 * Inflates a gzip stream given as chunks (the file as stored, in order), yielding the inflated bytes
 * in one reused buffer: each yielded chunk is valid until the next one is asked for, the same
 * contract as the evidence reader's own chunks. Throws zlib's error (`unexpected end of file`, …).
 * Undefined when this Node's zlib cannot be driven this way (see `syncHandle`).
 */
export function inflateGzipChunks(
  chunks: Iterable<Uint8Array>,
  outBytes = OUT_BYTES,
): Generator<Uint8Array> | undefined {
  const engine = syncHandle();
  return engine === undefined ? undefined : inflateWith(engine, chunks, Buffer.allocUnsafe(outBytes));
}

// --- internal ---

/** 4 MiB: the size of the chunks the reader hands the parsers, so a chunk costs one parser pass. */
const OUT_BYTES = 4 * 1024 * 1024;
const NO_INPUT = new Uint8Array(0);

/**
 * The parts of a zlib stream that `zlib.gunzipSync` itself drives (lib/zlib.js, processChunkSync):
 * the native handle's synchronous write and the two counters it leaves behind. Node offers
 * synchronous inflation only for a whole buffer, and the evidence readers are synchronous; inflating
 * whole costs a copy of the file, the inflated file, and Buffer.concat of its 16 KiB pieces.
 */
interface SyncHandle {
  writeSync(
    flush: number,
    input: Uint8Array,
    inOffset: number,
    inLength: number,
    output: Uint8Array,
    outOffset: number,
    outLength: number,
  ): void;
  onerror: (message: string, errno: number, code: string) => void;
  close(): void;
}

interface SyncEngine {
  handle: SyncHandle;
  /** After each write: [output bytes left free, input bytes left unread]. */
  state: Uint32Array;
  failure: { error?: Error };
}

/** A gunzip handle to drive by hand, or undefined when this Node's zlib has no such handle. */
function syncHandle(): SyncEngine | undefined {
  const stream = createGunzip() as unknown as { _handle?: Partial<SyncHandle>; _writeState?: unknown };
  const handle = stream._handle;
  const state = stream._writeState;
  if (typeof handle?.writeSync !== "function" || !(state instanceof Uint32Array)) return undefined;
  const failure: SyncEngine["failure"] = {};
  // Replaces the stream's handler, which would destroy the stream and emit its error on a later tick.
  handle.onerror = (message, errno, code) => {
    failure.error = Object.assign(new Error(message), { errno, code });
  };
  return { handle: handle as SyncHandle, state, failure };
}

function* inflateWith(engine: SyncEngine, chunks: Iterable<Uint8Array>, out: Buffer): Generator<Uint8Array> {
  try {
    for (const chunk of chunks) yield* inflateChunk(engine, chunk, constants.Z_NO_FLUSH, out);
    yield* inflateChunk(engine, NO_INPUT, constants.Z_FINISH, out);
  } finally {
    engine.handle.close();
  }
}

/** Everything one input chunk inflates to, `out` at a time; zlib keeps no reference to the input. */
function* inflateChunk(
  engine: SyncEngine,
  input: Uint8Array,
  flush: number,
  out: Buffer,
): Generator<Uint8Array> {
  const { handle, state, failure } = engine;
  let inOffset = 0;
  let inLeft = input.length;
  for (;;) {
    handle.writeSync(flush, input, inOffset, inLeft, out, 0, out.length);
    if (failure.error !== undefined) throw failure.error;
    const [outFree = 0, inAfter = 0] = state;
    if (outFree < out.length) yield out.subarray(0, out.length - outFree);
    // Room left in `out`: zlib has read all it could (the input, or the stream ended).
    if (outFree > 0) return;
    inOffset += inLeft - inAfter;
    inLeft = inAfter;
  }
}
