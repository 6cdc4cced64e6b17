import type { Pool, PoolClient } from "pg";
import { inputBytes, insertInput } from "./postgres-inputs.ts";
import { type UploadRow, uploadOf } from "./store-rows.ts";
import type { NewUpload, UploadOutcome, UploadRecord, UploadStatus, UploadWork } from "./upload.ts";

/** Runs `work` in one transaction on one connection; rolls back when it throws. */
export type Transact = <T>(work: (client: PoolClient) => Promise<T>) => Promise<T>;

/** The upload methods of the PostgreSQL store. */
export function createPostgresUploads(pool: Pool, transact: Transact) {
  return {
    async saveUpload(upload: NewUpload, id: string): Promise<UploadRecord> {
      await transact(async (client) => {
        for (const input of upload.inputs) await insertInput(client, input);
        await client.query(
          "INSERT INTO uploads (id, topic, team, created_at, mode, status) VALUES ($1, $2, $3, $4, $5, 'queued')",
          [id, upload.topic, upload.team, upload.createdAt, upload.mode],
        );
        for (const [position, input] of upload.inputs.entries()) {
          await client.query(
            "INSERT INTO upload_inputs (upload_id, position, role, path, sha256, format) VALUES ($1, $2, $3, $4, $5, $6)",
            [id, position, input.role, input.path, input.sha256, input.format ?? null],
          );
        }
      });
      const { topic, team, createdAt } = upload;
      return { id, topic, team, createdAt, status: "queued", attempts: 0 };
    },
    async getUpload(id: string): Promise<UploadRecord | undefined> {
      const { rows } = await pool.query<UploadRow>("SELECT * FROM uploads WHERE id = $1", [id]);
      return rows[0] === undefined ? undefined : uploadOf(rows[0]);
    },
    async startUpload(id: string, _startedAt: string): Promise<UploadWork | undefined> {
      const { rows } = await pool.query<UploadRow>(
        "UPDATE uploads SET status = 'running', attempts = attempts + 1 WHERE id = $1 AND status IN ('queued', 'running') RETURNING *",
        [id],
      );
      const row = rows[0];
      if (row === undefined) return undefined;
      const inputs = await pool.query<{
        role: string;
        path: string;
        sha256: string;
        format: string | null;
        size: string;
        bytes: Buffer;
      }>(
        "SELECT role, path, u.sha256 AS sha256, format, size, bytes FROM upload_inputs u JOIN inputs i ON i.sha256 = u.sha256 WHERE upload_id = $1 ORDER BY position",
        [id],
      );
      return {
        id: row.id,
        topic: row.topic,
        team: row.team,
        createdAt: row.created_at,
        mode: row.mode,
        attempts: row.attempts,
        inputs: await Promise.all(
          inputs.rows.map(async ({ format, size, bytes, ...input }) => ({
            ...input,
            bytes: await inputBytes(pool, input.sha256, Number(size), bytes),
            ...(format === null ? {} : { format }),
          })),
        ),
      };
    },
    async finishUpload(id: string, outcome: UploadOutcome, finishedAt: string): Promise<boolean> {
      let dropped: string[] = [];
      const status: UploadStatus = outcome.kind === "verified" ? "done" : "failed";
      const finished = await transact(async (client) => {
        // The row lock taken by this UPDATE makes a second worker finishing the same job wait, then match nothing.
        const updated = await client.query(
          "UPDATE uploads SET status = $1, finished_at = $2, error = $3, report = $4 WHERE id = $5 AND status IN ('queued', 'running')",
          [
            status,
            finishedAt,
            outcome.kind === "verified" ? null : JSON.stringify(outcome.error),
            outcome.kind === "rejected" ? JSON.stringify(outcome.report) : null,
            id,
          ],
        );
        if (updated.rowCount === 0) return false;
        if (outcome.kind !== "verified") {
          const { rows } = await client.query<{ sha256: string }>(
            "DELETE FROM upload_inputs WHERE upload_id = $1 RETURNING sha256",
            [id],
          );
          dropped = rows.map((r) => r.sha256);
        } else {
          await client.query(
            "INSERT INTO submissions (id, topic, team, created_at, mode, verdict, report) SELECT id, topic, team, created_at, mode, $1, $2 FROM uploads WHERE id = $3",
            [outcome.report.verdict, JSON.stringify(outcome.report), id],
          );
          await client.query(
            "INSERT INTO submission_inputs (submission_id, position, role, path, sha256, format) SELECT upload_id, position, role, path, sha256, format FROM upload_inputs WHERE upload_id = $1",
            [id],
          );
        }
        return true;
      });
      // After the commit and best effort: a concurrent upload of the same bytes keeps them (its
      // reference makes the DELETE fail or match nothing).
      for (const sha256 of dropped) {
        await pool
          .query(
            "DELETE FROM inputs WHERE sha256 = $1 AND NOT EXISTS (SELECT 1 FROM submission_inputs WHERE sha256 = $1) AND NOT EXISTS (SELECT 1 FROM upload_inputs WHERE sha256 = $1)",
            [sha256],
          )
          .catch(() => {});
      }
      return finished;
    },
    async listUnfinishedUploads(before: string): Promise<string[]> {
      const { rows } = await pool.query<{ id: string }>(
        "SELECT id FROM uploads WHERE status IN ('queued', 'running') AND created_at < $1 ORDER BY seq",
        [before],
      );
      return rows.map((r) => r.id);
    },
  };
}

// --- internal ---
