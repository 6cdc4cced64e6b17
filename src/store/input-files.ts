import { randomUUID } from "node:crypto";
import { renameSync, rmSync } from "node:fs";
import { copyFile, mkdir, open, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

/** Inputs of this size or more are kept as files beside the database, not in it. */
export const FILE_INPUT_BYTES = 1024 * 1024;

/** Where uploads are spooled for a store that keeps no input files (PostgreSQL, SQLite in memory). */
export const TEMP_SPOOL_DIR = join(tmpdir(), "claimcheck-spool");

/**
 * The SQLite store's large inputs, one file per SHA-256 in a folder beside the database.
 * better-sqlite3 writes and reads a blob in one synchronous step (a 50 MB blob held the server's
 * event loop for hundreds of milliseconds, its WAL checkpoint longer), while these files are written,
 * flushed and read on libuv's thread pool. A file is moved into place inside the transaction that
 * stores its row and removed inside the one that deletes it, so SQLite's write lock orders the two,
 * across processes too: an upload never finds its bytes removed by a failed upload of the same file.
 */
export interface InputFiles {
  /** The folder; uploads for this store are spooled into it, so placing one is a rename. */
  readonly dir: string;
  /** Writes the bytes to a new temporary file in the folder and flushes it; returns its path. */
  stage(bytes: Uint8Array): Promise<string>;
  /** A flushed file to place as it is when it is in the folder, else a flushed staged copy of it. */
  adopt(path: string): Promise<string>;
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
    dir,
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
    async adopt(path) {
      if (dirname(resolve(path)) === resolve(dir)) return path;
      const staged = join(dir, `.staged-${randomUUID()}`);
      await copyFile(path, staged);
      const file = await open(staged, "r+");
      try {
        await file.sync();
      } finally {
        await file.close();
      }
      return staged;
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

/** Spool and staged files left by a process that died mid-upload are removed after this long. */
export const LEFTOVER_AGE_MS = 24 * 3_600_000;

/**
 * Removes spool (`.spool-*`) and staged (`.staged-*`) files older than `olderThanMs` from `dir`: what
 * a server killed mid-upload left. Newer ones may be uploads another process is receiving now. Best
 * effort: a file that cannot be removed is left for the next start. Returns how many were removed.
 */
export async function sweepLeftovers(
  dir: string,
  nowMs: number,
  olderThanMs = LEFTOVER_AGE_MS,
): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    if (!name.startsWith(".spool-") && !name.startsWith(".staged-")) continue;
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (info === undefined || nowMs - info.mtimeMs < olderThanMs) continue;
    if (
      await rm(path, { force: true }).then(
        () => true,
        () => false,
      )
    )
      removed++;
  }
  return removed;
}
