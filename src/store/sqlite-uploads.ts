import type { Database } from "better-sqlite3";
import type { StoredInput } from "./store.ts";
import { type UploadRow, uploadOf } from "./store-rows.ts";
import type { NewUpload, UploadOutcome, UploadRecord, UploadStatus, UploadWork } from "./upload.ts";

/** The upload methods of the SQLite store; `write` wraps each write like the store's own. */
export function createSqliteUploads(db: Database, write: <T>(run: () => T) => T) {
  const insertInputs = (inputs: StoredInput[]) => {
    for (const input of inputs) {
      db.prepare("INSERT OR IGNORE INTO inputs (sha256, size, bytes) VALUES (?, ?, ?)").run(
        input.sha256,
        input.bytes.length,
        input.bytes,
      );
    }
  };
  const insertUpload = db.transaction((upload: NewUpload, id: string) => {
    insertInputs(upload.inputs);
    db.prepare(
      "INSERT INTO uploads (id, topic, team, created_at, mode, status) VALUES (?, ?, ?, ?, ?, 'queued')",
    ).run(id, upload.topic, upload.team, upload.createdAt, upload.mode);
    for (const [position, input] of upload.inputs.entries()) {
      db.prepare(
        "INSERT INTO upload_inputs (upload_id, position, role, path, sha256, format) VALUES (?, ?, ?, ?, ?, ?)",
      ).run(id, position, input.role, input.path, input.sha256, input.format ?? null);
    }
  });
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
      dropInputs(db, id);
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
      write(() => insertUpload(upload, id));
      const { topic, team, createdAt } = upload;
      return { id, topic, team, createdAt, status: "queued", attempts: 0 };
    },
    async getUpload(id: string): Promise<UploadRecord | undefined> {
      const row = db.prepare("SELECT * FROM uploads WHERE id = ?").get(id) as UploadRow | undefined;
      return row === undefined ? undefined : uploadOf(row);
    },
    async startUpload(id: string, _startedAt: string): Promise<UploadWork | undefined> {
      return write(() => start(id));
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

// --- internal ---

/**
 * A failed upload keeps its status, error and report but not its files: evidence that could not be
 * judged is not stored (as when a 422 was answered at once); bytes another upload uses stay.
 */
function dropInputs(db: Database, id: string): void {
  const shas = db.prepare("SELECT sha256 FROM upload_inputs WHERE upload_id = ?").all(id) as {
    sha256: string;
  }[];
  db.prepare("DELETE FROM upload_inputs WHERE upload_id = ?").run(id);
  for (const { sha256 } of shas) {
    db.prepare(
      "DELETE FROM inputs WHERE sha256 = ? AND NOT EXISTS (SELECT 1 FROM submission_inputs WHERE sha256 = ?) AND NOT EXISTS (SELECT 1 FROM upload_inputs WHERE sha256 = ?)",
    ).run(sha256, sha256, sha256);
  }
}

function workOf(db: Database, id: string): UploadWork {
  const row = db.prepare("SELECT * FROM uploads WHERE id = ?").get(id) as UploadRow;
  const inputs = db
    .prepare(
      "SELECT role, path, u.sha256 AS sha256, format, bytes FROM upload_inputs u JOIN inputs i ON i.sha256 = u.sha256 WHERE upload_id = ? ORDER BY position",
    )
    .all(id) as { role: string; path: string; sha256: string; format: string | null; bytes: Buffer }[];
  return {
    id: row.id,
    topic: row.topic,
    team: row.team,
    createdAt: row.created_at,
    mode: row.mode,
    attempts: row.attempts,
    inputs: inputs.map(({ format, bytes, ...input }) => ({
      ...input,
      bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length),
      ...(format === null ? {} : { format }),
    })),
  };
}
