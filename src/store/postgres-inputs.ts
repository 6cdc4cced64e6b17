import { open } from "node:fs/promises";
import type { Pool, PoolClient, QueryConfig } from "pg";
import { type IncomingInput, incomingBytes, incomingSize } from "./upload.ts";

/**
 * Inputs of this size or more are stored in `input_chunks`, a row per CHUNK_BYTES, and their
 * `inputs` row keeps no bytes. One 53 MB bytea was one 53 MB bind message built on the server's event
 * loop (and parsed from hex in one piece when read); a chunk at a time, the loop is held for one chunk,
 * and a spooled upload is read from its file a chunk at a time, never whole.
 */
export const CHUNK_BYTES = 1024 * 1024;

/** Stores an input once per SHA-256 (nothing when it is there already), inside the caller's transaction. */
export async function insertInput(client: PoolClient, input: IncomingInput): Promise<void> {
  const size = incomingSize(input);
  const chunked = size >= CHUNK_BYTES;
  const bytes = chunked ? NO_BYTES : asBuffer(await incomingBytes(input));
  // A concurrent upload of the same bytes waits here for the other transaction, then inserts nothing.
  const inserted = await client.query(
    "INSERT INTO inputs (sha256, size, bytes) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING",
    [input.sha256, size, bytes],
  );
  if (!chunked || inserted.rowCount === 0) return;
  let seq = 0;
  for await (const chunk of chunksOf(input)) {
    await client.query("INSERT INTO input_chunks (sha256, seq, bytes) VALUES ($1, $2, $3)", [
      input.sha256,
      seq++,
      chunk,
    ]);
  }
}

/** An input row's bytes: its own, or (when they are shorter than its size) its chunks, joined. */
export async function inputBytes(
  db: Pool | PoolClient,
  sha256: string,
  size: number,
  bytes: Buffer,
): Promise<Uint8Array> {
  if (bytes.length === size) return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  // Binary results (a query option pg has but its types lack): each chunk arrives as its bytes, not
  // as hex text to decode.
  const query: QueryConfig & { binary: true } = {
    text: "SELECT bytes FROM input_chunks WHERE sha256 = $1 ORDER BY seq",
    values: [sha256],
    binary: true,
    types: { getTypeParser: () => (value: Buffer) => value },
  };
  const { rows } = await db.query<{ bytes: Buffer }>(query);
  const joined = new Uint8Array(size);
  let offset = 0;
  for (const row of rows) {
    if (offset + row.bytes.length > size) break;
    joined.set(row.bytes, offset);
    offset += row.bytes.length;
  }
  if (offset !== size) {
    throw new Error(`the stored chunks of input ${sha256} hold ${offset} of its ${size} bytes`);
  }
  return joined;
}

// --- internal ---

const NO_BYTES = Buffer.alloc(0);

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

/** The input's bytes a chunk at a time; a spooled file's through one reused buffer (each chunk is sent before the next is read). */
async function* chunksOf(input: IncomingInput): AsyncGenerator<Buffer> {
  if (!("spooled" in input)) {
    for (let at = 0; at < input.bytes.length; at += CHUNK_BYTES) {
      yield asBuffer(input.bytes.subarray(at, at + CHUNK_BYTES));
    }
    return;
  }
  const file = await open(input.spooled.path, "r");
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  try {
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await file.close();
  }
}
