import type { PoolClient } from "pg";
import { ClaimcheckError } from "../model/errors.ts";

/**
 * Schema migrations, applied in order under an advisory lock (several servers and workers may start
 * at once); `claimcheck_schema.version` records how many ran. Evidence bytes are content-addressed:
 * one row per SHA-256 in `inputs`, whoever uploaded them.
 */
const MIGRATIONS = [
  `CREATE TABLE inputs (
     sha256 TEXT PRIMARY KEY,
     size BIGINT NOT NULL,
     bytes BYTEA NOT NULL
   );
   CREATE TABLE submissions (
     seq BIGSERIAL PRIMARY KEY,
     id TEXT NOT NULL UNIQUE,
     topic TEXT NOT NULL,
     team TEXT NOT NULL,
     created_at TEXT NOT NULL,
     mode TEXT NOT NULL CHECK (mode IN ('manifest', 'quick')),
     verdict TEXT NOT NULL,
     report TEXT NOT NULL
   );
   CREATE INDEX submissions_by_topic ON submissions (topic, team, seq);
   CREATE TABLE submission_inputs (
     submission_id TEXT NOT NULL REFERENCES submissions (id),
     position INTEGER NOT NULL,
     role TEXT NOT NULL,
     path TEXT NOT NULL,
     sha256 TEXT NOT NULL REFERENCES inputs (sha256),
     format TEXT,
     PRIMARY KEY (submission_id, position)
   );
   CREATE TABLE waivers (
     seq BIGSERIAL PRIMARY KEY,
     submission_id TEXT NOT NULL REFERENCES submissions (id),
     requirement TEXT NOT NULL,
     reason TEXT NOT NULL,
     officer TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE tokens (
     hash TEXT PRIMARY KEY,
     role TEXT NOT NULL CHECK (role IN ('team', 'officer')),
     team TEXT,
     name TEXT,
     created_at TEXT NOT NULL
   );
   CREATE TABLE uploads (
     seq BIGSERIAL PRIMARY KEY,
     id TEXT NOT NULL UNIQUE,
     topic TEXT NOT NULL,
     team TEXT NOT NULL,
     created_at TEXT NOT NULL,
     mode TEXT NOT NULL CHECK (mode IN ('manifest', 'quick')),
     status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
     attempts INTEGER NOT NULL DEFAULT 0,
     finished_at TEXT,
     error TEXT,
     report TEXT
   );
   CREATE INDEX uploads_open ON uploads (status, seq);
   CREATE TABLE upload_inputs (
     upload_id TEXT NOT NULL REFERENCES uploads (id),
     position INTEGER NOT NULL,
     role TEXT NOT NULL,
     path TEXT NOT NULL,
     sha256 TEXT NOT NULL REFERENCES inputs (sha256),
     format TEXT,
     PRIMARY KEY (upload_id, position)
   );`,
  // 2: results are private until an officer publishes them; browser sessions apart from upload tokens.
  `CREATE TABLE publications (
     topic TEXT PRIMARY KEY,
     selection TEXT NOT NULL CHECK (selection IN ('chosen', 'latest')),
     deadline TEXT,
     full_reports BOOLEAN NOT NULL,
     submission_ids TEXT NOT NULL,
     officer TEXT NOT NULL,
     published_at TEXT NOT NULL
   );
   CREATE TABLE choices (
     topic TEXT NOT NULL,
     team TEXT NOT NULL,
     submission_id TEXT NOT NULL REFERENCES submissions (id),
     PRIMARY KEY (topic, team)
   );
   CREATE TABLE sessions (
     hash TEXT PRIMARY KEY,
     token_hash TEXT NOT NULL REFERENCES tokens (hash),
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL
   );`,
  // 3: large inputs in 1 MiB chunks (see postgres-inputs.ts), stored uncompressed (EXTERNAL): the
  // database does not spend CPU compressing every chunk while uploads arrive (a team may send gzip).
  `CREATE TABLE input_chunks (
     sha256 TEXT NOT NULL REFERENCES inputs (sha256) ON DELETE CASCADE,
     seq INTEGER NOT NULL,
     bytes BYTEA NOT NULL,
     PRIMARY KEY (sha256, seq)
   );
   ALTER TABLE input_chunks ALTER COLUMN bytes SET STORAGE EXTERNAL;`,
  // 4: the hourly upload quota counted in the store, so every server process shares one count (instants,
  // not text, so the window compares whatever the database's collation); expired sessions found by their
  // expiry, to delete them.
  `CREATE TABLE quota_starts (
     seq BIGSERIAL PRIMARY KEY,
     team TEXT NOT NULL,
     started_at TIMESTAMPTZ NOT NULL
   );
   CREATE INDEX quota_starts_by_team ON quota_starts (team, started_at);
   CREATE INDEX sessions_by_expiry ON sessions (expires_at);`,
];

/** An arbitrary constant: the advisory lock that serialises migrations across processes. */
const MIGRATION_LOCK = 0x636c6d63;

/** Brings the database up to the current schema, one transaction per migration. */
export async function migratePostgres(client: PoolClient): Promise<void> {
  await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
  try {
    await client.query("CREATE TABLE IF NOT EXISTS claimcheck_schema (version INTEGER NOT NULL)");
    const { rows } = await client.query<{ version: number }>("SELECT version FROM claimcheck_schema");
    const applied = rows[0]?.version ?? 0;
    if (applied > MIGRATIONS.length) {
      throw new ClaimcheckError(
        "E_IO",
        `The database was written by a newer claimcheck (schema ${applied}, this one knows ${MIGRATIONS.length}); upgrade claimcheck.`,
      );
    }
    for (const [index, sql] of MIGRATIONS.entries()) {
      if (index < applied) continue;
      await client.query("BEGIN");
      await client.query(sql);
      await client.query("DELETE FROM claimcheck_schema");
      await client.query("INSERT INTO claimcheck_schema (version) VALUES ($1)", [index + 1]);
      await client.query("COMMIT");
    }
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
  }
}
