import { randomUUID } from "node:crypto";
import DatabaseConstructor, { type Database } from "better-sqlite3";
import type { JobQueue } from "../jobs/job-queue.ts";
import { ClaimcheckError } from "../model/errors.ts";
import type { Report, Verdict } from "../model/report.ts";
import { createInputFiles, TEMP_SPOOL_DIR } from "./input-files.ts";
import { sqlitePublications } from "./sqlite-publications.ts";
import { createSqliteQueue, type SqliteQueueOptions } from "./sqlite-queue.ts";
import { sqliteQuota } from "./sqlite-quota.ts";
import { migrate } from "./sqlite-schema.ts";
import { sqliteSessions } from "./sqlite-sessions.ts";
import { createSqliteUploads, readBytes } from "./sqlite-uploads.ts";
import type {
  InputRef,
  ListFilter,
  NewSubmission,
  Store,
  SubmissionRecord,
  SubmissionSummary,
  TokenGrant,
  Waiver,
} from "./store.ts";
import { type SubmissionRow, summaryOfRow, type TokenRow, tokenOf } from "./store-rows.ts";
import { generateToken, hashToken } from "./tokens.ts";

export interface SqliteStoreOptions {
  /** Caps the database at this many pages (4 KiB each), as a full disk would. @default no cap */
  maxPageCount?: number;
  /** The embedded job queue's lease and polling. @default 30 s lease, 500 ms polling */
  queue?: SqliteQueueOptions;
}

/** The SQLite store and, in the same file, the embedded queue of verification jobs. */
export interface SqliteStore extends Store {
  readonly queue: JobQueue;
}

/**
 * Opens (or creates) a SQLite store: a file in WAL mode with full fsync on commit, so an upload answered
 * 201 survives a crash; `":memory:"` for tests.
 * @example const store = createSqliteStore(":memory:");
 */
export function createSqliteStore(path: string, options: SqliteStoreOptions = {}): SqliteStore {
  const db = openDatabase(path);
  const files = path === ":memory:" || path === "" ? undefined : createInputFiles(path);
  if (options.maxPageCount !== undefined) db.pragma(`max_page_count = ${Math.floor(options.maxPageCount)}`);
  const insertSubmission = db.transaction((submission: NewSubmission, id: string) => {
    for (const input of submission.inputs) {
      db.prepare("INSERT OR IGNORE INTO inputs (sha256, size, bytes) VALUES (?, ?, ?)").run(
        input.sha256,
        input.bytes.length,
        input.bytes,
      );
    }
    db.prepare(
      "INSERT INTO submissions (id, topic, team, created_at, mode, verdict, report) VALUES (?, ?, ?, ?, ?, ?, ?)",
    ).run(
      id,
      submission.topic,
      submission.team,
      submission.createdAt,
      submission.mode,
      submission.report.verdict,
      JSON.stringify(submission.report),
    );
    for (const [position, input] of submission.inputs.entries()) {
      db.prepare(
        "INSERT INTO submission_inputs (submission_id, position, role, path, sha256, format) VALUES (?, ?, ?, ?, ?, ?)",
      ).run(id, position, input.role, input.path, input.sha256, input.format ?? null);
    }
  });
  const insertWaiver = db.transaction((id: string, waiver: Waiver, verdict: Verdict) => {
    const updated = db.prepare("UPDATE submissions SET verdict = ? WHERE id = ?").run(verdict, id);
    if (updated.changes === 0) return false;
    db.prepare(
      "INSERT INTO waivers (submission_id, requirement, reason, officer, created_at) VALUES (?, ?, ?, ?, ?)",
    ).run(id, waiver.requirement, waiver.reason, waiver.officer, waiver.createdAt);
    return true;
  });

  return {
    spoolDir: files?.dir ?? TEMP_SPOOL_DIR,
    ...createSqliteUploads(db, {
      write: (run) => writing(path, run),
      failed: (cause) => storeError(path, cause),
      files,
    }),
    queue: createSqliteQueue(db, options.queue),
    async saveSubmission(submission) {
      const id = randomUUID();
      // The transaction rolls back on any error, so a failed write leaves no half-stored submission.
      writing(path, () => insertSubmission(submission, id));
      return summaryOf({ id, ...submission, verdict: submission.report.verdict });
    },
    async getSubmission(id) {
      const row = db.prepare("SELECT * FROM submissions WHERE id = ?").get(id) as SubmissionRow | undefined;
      return row === undefined ? undefined : recordOf(db, row);
    },
    async listSubmissions(filter: ListFilter = {}) {
      const rows = db
        .prepare(
          "SELECT id, topic, team, created_at, verdict FROM submissions WHERE (@topic IS NULL OR topic = @topic) AND (@team IS NULL OR team = @team) ORDER BY seq",
        )
        .all({ topic: filter.topic ?? null, team: filter.team ?? null }) as SubmissionRow[];
      return rows.map(summaryOfRow);
    },
    async readInput(sha256) {
      const row = db.prepare("SELECT size, bytes FROM inputs WHERE sha256 = ?").get(sha256) as
        | { size: number; bytes: Buffer }
        | undefined;
      return row === undefined ? undefined : readBytes(files, sha256, row.size, row.bytes);
    },
    async addWaiver(submissionId, waiver, verdict) {
      return writing(path, () => insertWaiver(submissionId, waiver, verdict));
    },
    async createToken(grant: TokenGrant, createdAt: string) {
      const token = generateToken();
      db.prepare("INSERT INTO tokens (hash, role, team, name, created_at) VALUES (?, ?, ?, ?, ?)").run(
        hashToken(token),
        grant.role,
        grant.role === "team" ? grant.team : null,
        grant.role === "officer" ? grant.name : null,
        createdAt,
      );
      return token;
    },
    async findToken(token: string) {
      const row = db.prepare("SELECT * FROM tokens WHERE hash = ?").get(hashToken(token)) as
        | TokenRow
        | undefined;
      return row === undefined ? undefined : tokenOf(row);
    },
    ...sqlitePublications(db),
    ...sqliteSessions(db),
    ...sqliteQuota(db, (run) => writing(path, run)),
    async close() {
      db.close();
    },
  };
}

// --- internal ---

function openDatabase(path: string): Database {
  let db: Database;
  try {
    db = new DatabaseConstructor(path);
  } catch (cause) {
    throw new ClaimcheckError(
      "E_IO",
      `Cannot open the database ${path}; check the path and its permissions.`,
      {
        cause,
      },
    );
  }
  try {
    db.pragma("journal_mode = WAL");
    // FULL: a commit is on disk before the server answers 201, even if the machine loses power.
    db.pragma("synchronous = FULL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    migrate(db);
    checkReadable(db);
  } catch (cause) {
    db.close();
    if (cause instanceof ClaimcheckError) throw cause;
    // Never recreate or repair here: a damaged file is the only copy of the submissions.
    throw new ClaimcheckError(
      "E_IO",
      `The database ${path} is damaged or not a claimcheck database (${(cause as Error).message}); nothing was changed. Restore it from a backup, or pass --db <file> for a new one.`,
      { cause },
    );
  }
  return db;
}

const TABLES = [
  "inputs",
  "submissions",
  "submission_inputs",
  "waivers",
  "tokens",
  "publications",
  "choices",
  "sessions",
  "uploads",
  "quota_starts",
];

/** Reads the first and last page of each table, so a damaged file fails at start, not on a later upload. */
function checkReadable(db: Database): void {
  for (const table of TABLES) {
    db.prepare(`SELECT rowid FROM ${table} ORDER BY rowid LIMIT 1`).all();
    db.prepare(`SELECT rowid FROM ${table} ORDER BY rowid DESC LIMIT 1`).all();
  }
}

/** Runs a write; a full disk or an I/O error becomes an E_IO that says so (the transaction rolled back). */
function writing<T>(path: string, write: () => T): T {
  try {
    return write();
  } catch (cause) {
    throw storeError(path, cause);
  }
}

/** A full disk or an I/O error of the database or its input files as an E_IO that says so; other errors as they are. */
function storeError(path: string, cause: unknown): unknown {
  const code = (cause as { code?: unknown }).code;
  if (
    typeof code !== "string" ||
    !/^(SQLITE_(FULL|IOERR|READONLY|CANTOPEN)|ENOSPC|EDQUOT|EIO|EROFS|EACCES)/.test(code)
  ) {
    return cause;
  }
  return new ClaimcheckError(
    "E_IO",
    `The database ${path} could not store the upload (${code}: ${(cause as Error).message}); nothing was stored. Free disk space or check the disk, then upload again.`,
    { cause },
  );
}

function summaryOf(s: SubmissionSummary): SubmissionSummary {
  return { id: s.id, topic: s.topic, team: s.team, createdAt: s.createdAt, verdict: s.verdict };
}

function recordOf(db: Database, row: SubmissionRow): SubmissionRecord {
  const inputs = db
    .prepare(
      "SELECT role, path, s.sha256 AS sha256, format, size FROM submission_inputs s JOIN inputs i ON i.sha256 = s.sha256 WHERE submission_id = ? ORDER BY position",
    )
    .all(row.id) as { role: string; path: string; sha256: string; format: string | null; size: number }[];
  const waivers = db
    .prepare(
      "SELECT requirement, reason, officer, created_at FROM waivers WHERE submission_id = ? ORDER BY seq",
    )
    .all(row.id) as { requirement: string; reason: string; officer: string; created_at: string }[];
  return {
    ...summaryOfRow(row),
    mode: row.mode,
    report: JSON.parse(row.report) as Report,
    inputs: inputs.map(({ format, ...input }): InputRef => (format === null ? input : { ...input, format })),
    waivers: waivers.map(({ created_at, ...waiver }) => ({ ...waiver, createdAt: created_at })),
  };
}
