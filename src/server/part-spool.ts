import { randomUUID } from "node:crypto";
import { type FileHandle, mkdir, open, readFile, rm } from "node:fs/promises";
import { join } from "node:path";

/** A part's bytes as received: in memory while small, else the flushed file they were written to. */
export type PartContent = { bytes: Uint8Array } | { file: string; size: number };

/**
 * Where one multipart part goes while it streams in. Its first `memoryBytes` stay in memory (a topic,
 * a manifest, a small log); past them the part is written to a new file in `dir` chunk by chunk on
 * libuv's thread pool, so a 50 MB file never becomes one 50 MB buffer on the event loop (filling
 * fresh memory that size took the loop ~600 ms on the load-test machine).
 */
export interface PartSpool {
  /** Takes the next chunk; the spool keeps it until it is on disk. */
  write(chunk: Uint8Array): void;
  /** Bytes taken but not yet written: the reader waits (see `settle`) instead of buffering a whole body. */
  readonly pending: number;
  /** Resolves when every chunk taken so far is written; rejects when a write failed. */
  settle(): Promise<void>;
  /** Writes what is left, flushes the file to disk and closes it; the part's content. */
  end(): Promise<PartContent>;
  /** Removes the part's file, if it has one (a refused upload, or the store copied it). */
  discard(): Promise<void>;
}

export function createPartSpool(dir: string, memoryBytes: number): PartSpool {
  let chunks: Uint8Array[] = [];
  let size = 0;
  let pending = 0;
  let path: string | undefined;
  // Every file operation runs after the one before it, in order; the chain's value is the open file.
  let chain: Promise<FileHandle | undefined> = Promise.resolve(undefined);
  const then = (step: (file: FileHandle) => Promise<unknown>) => {
    chain = chain.then(async (file) => {
      await step(file as FileHandle);
      return file;
    });
    // A failure is seen by settle/end; until then it must not count as unhandled.
    chain.catch(() => {});
  };
  const spill = () => {
    const held = chunks;
    chunks = [];
    const target = join(dir, `.spool-${randomUUID()}`);
    path = target;
    chain = mkdir(dir, { recursive: true }).then(() => open(target, "wx"));
    chain.catch(() => {});
    writeChunks(held);
  };
  const writeChunks = (list: Uint8Array[]) => {
    const bytes = list.reduce((sum, chunk) => sum + chunk.length, 0);
    pending += bytes;
    then(async (file) => {
      await file.writev(list);
      pending -= bytes;
    });
  };
  return {
    write(chunk) {
      size += chunk.length;
      if (path !== undefined) writeChunks([chunk]);
      else {
        chunks.push(chunk);
        if (size > memoryBytes) spill();
      }
    },
    get pending() {
      return pending;
    },
    async settle() {
      await chain;
    },
    async end() {
      if (path === undefined) {
        const bytes = chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks);
        return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) };
      }
      const file = (await chain) as FileHandle;
      try {
        await file.sync();
      } finally {
        await file.close();
      }
      return { file: path, size };
    },
    async discard() {
      const file = await chain.catch(() => undefined);
      await file?.close().catch(() => {});
      if (path !== undefined) await rm(path, { force: true });
    },
  };
}

/** The bytes of a part's content, read back from its file when it was spooled. */
export async function contentBytes(content: PartContent): Promise<Uint8Array> {
  if ("bytes" in content) return content.bytes;
  const bytes = await readFile(content.file);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Removes a part's file, when it was spooled to one. */
export async function discardContent(content: PartContent): Promise<void> {
  if ("file" in content) await rm(content.file, { force: true });
}
