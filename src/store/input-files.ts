import { randomUUID } from "node:crypto";
import { renameSync, rmSync } from "node:fs";
import { mkdir, open, readFile, rm } from "node:fs/promises";
import { join } from "node:path";

/** Inputs of this size or more are kept as files beside the database, not in it. */
export const FILE_INPUT_BYTES = 1024 * 1024;

/**
 * The SQLite store's large inputs, one file per SHA-256 in a folder beside the database.
 * better-sqlite3 writes and reads a blob in one synchronous step (a 50 MB blob held the server's
 * event loop for hundreds of milliseconds, its WAL checkpoint longer), while these files are written,
 * flushed and read on libuv's thread pool. A file is moved into place inside the transaction that
 * stores its row and removed inside the one that deletes it, so SQLite's write lock orders the two,
 * across processes too: an upload never finds its bytes removed by a failed upload of the same file.
 */
export interface InputFiles {
  /** Writes the bytes to a new temporary file in the folder and flushes it; returns its path. */
  stage(bytes: Uint8Array): Promise<string>;
  /** Moves a staged file to the input's place (an identical copy may be there); inside the write transaction. */
  place(staged: string, sha256: string): void;
  /** Removes an input's file; inside the transaction that deletes its row. */
  remove(sha256: string): void;
  read(sha256: string): Promise<Uint8Array>;
  /** Flushes the folder itself, so the files moved into it survive a power cut. */
  sync(): Promise<void>;
  /** Removes a staged file that was not placed (nothing when it was). */
  discard(staged: string): Promise<void>;
}

/** The input files of the database at `databasePath`, in the folder `<databasePath>-inputs`. */
export function createInputFiles(databasePath: string): InputFiles {
  const dir = `${databasePath}-inputs`;
  const pathOf = (sha256: string) => join(dir, sha256);
  return {
    async stage(bytes) {
      await mkdir(dir, { recursive: true });
      const path = join(dir, `.staged-${randomUUID()}`);
      const file = await open(path, "wx");
      try {
        await file.writeFile(bytes);
        await file.sync();
      } catch (error) {
        await file.close();
        await rm(path, { force: true });
        throw error;
      }
      await file.close();
      return path;
    },
    place(staged, sha256) {
      renameSync(staged, pathOf(sha256));
    },
    remove(sha256) {
      rmSync(pathOf(sha256), { force: true });
    },
    async read(sha256) {
      const bytes = await readFile(pathOf(sha256));
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
    async sync() {
      const folder = await open(dir, "r");
      try {
        await folder.sync();
      } finally {
        await folder.close();
      }
    },
    async discard(staged) {
      await rm(staged, { force: true });
    },
  };
}
