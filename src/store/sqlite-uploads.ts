import type { Database } from "better-sqlite3";
import { FILE_INPUT_BYTES, type InputFiles } from "./input-files.ts";
import type { StoredInput } from "./store.ts";
import { type UploadRow, uploadOf } from "./store-rows.ts";
import {
  type IncomingInput,
  incomingBytes,
  incomingSize,
  type NewUpload,
  type UploadOutcome,
  type UploadRecord,
  type UploadStatus,
  type UploadWork,
} from "./upload.ts";

/** How the SQLite store writes: `write` wraps each write like the store's own; `failed` names a failed file write. */
export interface SqliteUploadsOptions {
  write: <T>(run: () => T) => T;
  failed: (cause: unknown) => unknown;
  /** Where inputs of FILE_INPUT_BYTES or more go; undefined (an in-memory database) keeps them all in it. */
  files: InputFiles | undefined;
}

/** The upload methods of the SQLite store. */
export function createSqliteUploads(db: Database, { write, failed, files }: SqliteUploadsOptions) {
  const insertInputs = (inputs: readonly InputBytes[], staged: Map<string, string>) => {
    for (const input of inputs) {
      const file = staged.get(input.sha256);
      // A row whose bytes are shorter than its size has them in a file (see readBytes).
      db.prepare("INSERT OR IGNORE INTO inputs (sha256, size, bytes) VALUES (?, ?, ?)").run(
        input.sha256,
        input.size,
        file === undefined ? input.bytes : NO_BYTES,
      );
      if (file !== undefined && files !== undefined) {
        files.place(file, input.sha256);
        staged.delete(input.sha256);
      }
    }
  };
  const insertUpload = db.transaction(
    (upload: NewUpload, id: string, inputs: readonly InputBytes[], staged: Map<string, string>) => {
      insertInputs(inputs, staged);
      db.prepare(
        "INSERT INTO uploads (id, topic, team, created_at, mode, status) VALUES (?, ?, ?, ?, ?, 'queued')",
      ).run(id, upload.topic, upload.team, upload.createdAt, upload.mode);
      for (const [position, input] of upload.inputs.entries()) {
        db.prepare(
          "INSERT INTO upload_inputs (upload_id, position, role, path, sha256, format) VALUES (?, ?, ?, ?, ?, ?)",
        ).run(id, position, input.role, input.path, input.sha256, input.format ?? null);
      }
    },
  );
  const start = db.transaction((id: string) => {
    const updated = db
      .prepare(
        "UPDATE uploads SET status = 'running', attempts = attempts + 1 WHERE id = ? AND status IN ('queued', 'running')",
      )
      .run(id);
    return updated.changes === 0 ? undefined : workOf(db, id);
  });
  const finish = db.transaction((id: string, outcome: UploadOutcome, finishedAt: string) => {
    const status: UploadStatus = outcome.kind === "verified" ? "done" : "failed";
    const updated = db
      .prepare(
        "UPDATE uploads SET status = ?, finished_at = ?, lease_until = NULL, error = ?, report = ? WHERE id = ? AND status IN ('queued', 'running')",
      )
      .run(
        status,
        finishedAt,
        outcome.kind === "verified" ? null : JSON.stringify(outcome.error),
        outcome.kind === "rejected" ? JSON.stringify(outcome.report) : null,
        id,
      );
    if (updated.changes === 0) return false;
    if (outcome.kind !== "verified") {
      dropInputs(db, id, files);
      return true;
    }
    db.prepare(
      "INSERT INTO submissions (id, topic, team, created_at, mode, verdict, report) SELECT id, topic, team, created_at, mode, ?, ? FROM uploads WHERE id = ?",
    ).run(outcome.report.verdict, JSON.stringify(outcome.report), id);
    db.prepare(
      "INSERT INTO submission_inputs (submission_id, position, role, path, sha256, format) SELECT upload_id, position, role, path, sha256, format FROM upload_inputs WHERE upload_id = ?",
    ).run(id);
    return true;
  });

  return {
    async saveUpload(upload: NewUpload, id: string): Promise<UploadRecord> {
      // Large files are on disk first (spooled as they arrived, or written and flushed off the event
      // loop); the transaction only moves them into place.
      const staged = new Map<string, string>();
      try {
        const inputs: InputBytes[] = [];
        for (const input of upload.inputs) {
          const size = incomingSize(input);
          if (files !== undefined && size >= FILE_INPUT_BYTES) {
            if (!staged.has(input.sha256)) {
              const file = await stageInput(files, input).catch((cause) => Promise.reject(failed(cause)));
              staged.set(input.sha256, file);
            }
            inputs.push({ sha256: input.sha256, size, bytes: NO_BYTES });
          } else inputs.push({ sha256: input.sha256, size, bytes: await incomingBytes(input) });
        }
        const placed = staged.size > 0;
        write(() => insertUpload(upload, id, inputs, staged));
        // Before the 202: the files moved into the folder are on disk once the folder is flushed.
        if (placed) await files?.sync().catch((cause) => Promise.reject(failed(cause)));
      } finally {
        for (const file of staged.values()) await files?.discard(file);
      }
      const { topic, team, createdAt } = upload;
      return { id, topic, team, createdAt, status: "queued", attempts: 0 };
    },
    async getUpload(id: string): Promise<UploadRecord | undefined> {
      const row = db.prepare("SELECT * FROM uploads WHERE id = ?").get(id) as UploadRow | undefined;
      return row === undefined ? undefined : uploadOf(row);
    },
    async startUpload(id: string, _startedAt: string): Promise<UploadWork | undefined> {
      const work = write(() => start(id));
      if (work === undefined) return undefined;
      const inputs = await Promise.all(
        work.inputs.map(async ({ size, bytes, ...input }) => ({
          ...input,
          bytes: await readBytes(files, input.sha256, size, bytes),
        })),
      );
      return { ...work, inputs };
    },
    async finishUpload(id: string, outcome: UploadOutcome, finishedAt: string): Promise<boolean> {
      return write(() => finish(id, outcome, finishedAt));
    },
    async listUnfinishedUploads(before: string): Promise<string[]> {
      const rows = db
        .prepare(
          "SELECT id FROM uploads WHERE status IN ('queued', 'running') AND created_at < ? ORDER BY seq",
        )
        .all(before) as { id: string }[];
      return rows.map((r) => r.id);
    },
  };
}

/**
 * The bytes of an input row: the row's own, or (when they are shorter than its size) its file's.
 * Files are read on libuv's thread pool into a buffer of their own, which a worker thread can take.
 */
export async function readBytes(
  files: InputFiles | undefined,
  sha256: string,
  size: number,
  bytes: Buffer,
): Promise<Uint8Array> {
  if (bytes.length === size || files === undefined)
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  return files.read(sha256);
}

// --- internal ---

const NO_BYTES = Buffer.alloc(0);

/** An input's row: its SHA-256, size and the bytes kept in the row (none when they are in a file). */
interface InputBytes {
  sha256: string;
  size: number;
  bytes: Uint8Array;
}

/** A staged file in the input folder holding the input's bytes: its spool file itself when it has one. */
async function stageInput(files: InputFiles, input: IncomingInput): Promise<string> {
  return "spooled" in input ? files.adopt(input.spooled.path) : files.stage(input.bytes);
}

/** A stored input with its row's size, its bytes still to be read when they are in a file. */
type InputRow = Omit<StoredInput, "bytes"> & { size: number; bytes: Buffer };

/**
 * A failed upload keeps its status, error and report but not its files: evidence that could not be
 * judged is not stored (as when a 422 was answered at once); bytes another upload uses stay. A file
 * is removed inside this transaction (see InputFiles), so an upload storing the same bytes waits.
 */
function dropInputs(db: Database, id: string, files: InputFiles | undefined): void {
  const shas = db.prepare("SELECT sha256 FROM upload_inputs WHERE upload_id = ?").all(id) as {
    sha256: string;
  }[];
  db.prepare("DELETE FROM upload_inputs WHERE upload_id = ?").run(id);
  for (const { sha256 } of shas) {
    const removed = db
      .prepare(
        "DELETE FROM inputs WHERE sha256 = ? AND NOT EXISTS (SELECT 1 FROM submission_inputs WHERE sha256 = ?) AND NOT EXISTS (SELECT 1 FROM upload_inputs WHERE sha256 = ?) RETURNING size, length(bytes) AS kept",
      )
      .get(sha256, sha256, sha256) as { size: number; kept: number } | undefined;
    if (removed !== undefined && removed.kept < removed.size) files?.remove(sha256);
  }
}

function workOf(db: Database, id: string): Omit<UploadWork, "inputs"> & { inputs: InputRow[] } {
  const row = db.prepare("SELECT * FROM uploads WHERE id = ?").get(id) as UploadRow;
  const inputs = db
    .prepare(
      "SELECT role, path, u.sha256 AS sha256, format, size, bytes FROM upload_inputs u JOIN inputs i ON i.sha256 = u.sha256 WHERE upload_id = ? ORDER BY position",
    )
    .all(id) as {
    role: string;
    path: string;
    sha256: string;
    format: string | null;
    size: number;
    bytes: Buffer;
  }[];
  return {
    id: row.id,
    topic: row.topic,
    team: row.team,
    createdAt: row.created_at,
    mode: row.mode,
    attempts: row.attempts,
    inputs: inputs.map(({ format, ...input }) => (format === null ? input : { ...input, format })),
  };
}
