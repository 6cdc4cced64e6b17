import type { Database } from "better-sqlite3";
import { ClaimcheckError } from "../model/errors.ts";

/** Schema migrations, applied in order; `PRAGMA user_version` records how many ran. */
const MIGRATIONS = [
  `CREATE TABLE inputs (
     sha256 TEXT PRIMARY KEY,
     size INTEGER NOT NULL,
     bytes BLOB NOT NULL
   );
   CREATE TABLE submissions (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
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
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
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
   );`,
  // 2: results are private until an officer publishes them; browser sessions apart from upload tokens.
  `CREATE TABLE publications (
     topic TEXT PRIMARY KEY,
     selection TEXT NOT NULL CHECK (selection IN ('chosen', 'latest')),
     deadline TEXT,
     full_reports INTEGER NOT NULL,
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
  // 3: uploads waiting for (or done with) verification; the table is also the embedded job queue: a
  // worker holds a job until lease_until (ms since the epoch) and renews it while it works.
  `CREATE TABLE uploads (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     topic TEXT NOT NULL,
     team TEXT NOT NULL,
     created_at TEXT NOT NULL,
     mode TEXT NOT NULL CHECK (mode IN ('manifest', 'quick')),
     status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
     attempts INTEGER NOT NULL DEFAULT 0,
     lease_until INTEGER,
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
  // 4: the hourly upload quota counted in the store, so every server process shares one count; expired
  // sessions found by their expiry, to delete them.
  `CREATE TABLE quota_starts (
     team TEXT NOT NULL,
     started_at TEXT NOT NULL
   );
   CREATE INDEX quota_starts_by_team ON quota_starts (team, started_at);
   CREATE INDEX sessions_by_expiry ON sessions (expires_at);`,
];

/** Brings a database up to the current schema, one transaction per migration. */
export function migrate(db: Database): void {
  const applied = db.pragma("user_version", { simple: true }) as number;
  if (applied > MIGRATIONS.length) {
    throw new ClaimcheckError(
      "E_IO",
      `The database was written by a newer claimcheck (schema ${applied}, this one knows ${MIGRATIONS.length}); upgrade claimcheck.`,
    );
  }
  for (const [index, sql] of MIGRATIONS.entries()) {
    if (index < applied) continue;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${index + 1}`);
    })();
  }
}
