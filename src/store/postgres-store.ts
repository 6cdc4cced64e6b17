import { randomUUID } from "node:crypto";
import pg from "pg";
import { ClaimcheckError } from "../model/errors.ts";
import type { Report, Verdict } from "../model/report.ts";
import { TEMP_SPOOL_DIR } from "./input-files.ts";
import { inputBytes, insertInput } from "./postgres-inputs.ts";
import { postgresPublications } from "./postgres-publications.ts";
import { postgresQuota } from "./postgres-quota.ts";
import { migratePostgres } from "./postgres-schema.ts";
import { createPostgresUploads, type Transact } from "./postgres-uploads.ts";
import type { InputRef, NewSubmission, Store, SubmissionRecord } from "./store.ts";
import { type SubmissionRow, summaryOfRow, type TokenRow, tokenOf } from "./store-rows.ts";
import { generateToken, hashToken } from "./tokens.ts";

export interface PostgresStoreOptions {
  /** Connections this process keeps open. @default 10 */
  maxConnections?: number;
}

/**
 * Opens a PostgreSQL store (`postgres://user@host:port/db`) and brings its schema up to date. Any
 * number of servers and workers may share one database; evidence is stored once per SHA-256.
 * @example const store = await createPostgresStore("postgres://claimcheck@127.0.0.1/claimcheck");
 */
export async function createPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10 });
  // An idle connection that breaks (server restart) must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  const shown = redact(url);
  try {
    const client = await pool.connect();
    try {
      await migratePostgres(client);
    } finally {
      client.release();
    }
  } catch (cause) {
    await pool.end();
    if (cause instanceof ClaimcheckError) throw cause;
    throw new ClaimcheckError(
      "E_IO",
      `Cannot open the PostgreSQL database ${shown} (${(cause as Error).message}); check that it runs and the URL.`,
      { cause },
    );
  }
  const transact: Transact = async (work) => {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw ioError(shown, error);
    } finally {
      client.release();
    }
  };

  return {
    spoolDir: TEMP_SPOOL_DIR,
    ...createPostgresUploads(pool, transact),
    ...postgresPublications(pool),
    ...postgresQuota(transact),
    async saveSubmission(submission: NewSubmission) {
      const id = randomUUID();
      await transact(async (client) => {
        for (const input of submission.inputs) await insertInput(client, input);
        await client.query(
          "INSERT INTO submissions (id, topic, team, created_at, mode, verdict, report) VALUES ($1, $2, $3, $4, $5, $6, $7)",
          [
            id,
            submission.topic,
            submission.team,
            submission.createdAt,
            submission.mode,
            submission.report.verdict,
            JSON.stringify(submission.report),
          ],
        );
        for (const [position, input] of submission.inputs.entries()) {
          await client.query(
            "INSERT INTO submission_inputs (submission_id, position, role, path, sha256, format) VALUES ($1, $2, $3, $4, $5, $6)",
            [id, position, input.role, input.path, input.sha256, input.format ?? null],
          );
        }
      });
      const { topic, team, createdAt } = submission;
      return { id, topic, team, createdAt, verdict: submission.report.verdict };
    },
    async getSubmission(id) {
      const { rows } = await pool.query<SubmissionRow>("SELECT * FROM submissions WHERE id = $1", [id]);
      return rows[0] === undefined ? undefined : recordOf(pool, rows[0]);
    },
    async listSubmissions(filter = {}) {
      const { rows } = await pool.query<SubmissionRow>(
        "SELECT id, topic, team, created_at, verdict FROM submissions WHERE ($1::text IS NULL OR topic = $1) AND ($2::text IS NULL OR team = $2) ORDER BY seq",
        [filter.topic ?? null, filter.team ?? null],
      );
      return rows.map(summaryOfRow);
    },
    async readInput(sha256) {
      const { rows } = await pool.query<{ size: string; bytes: Buffer }>(
        "SELECT size, bytes FROM inputs WHERE sha256 = $1",
        [sha256],
      );
      const row = rows[0];
      return row === undefined ? undefined : inputBytes(pool, sha256, Number(row.size), row.bytes);
    },
    async addWaiver(submissionId, waiver, verdict: Verdict) {
      return transact(async (client) => {
        const updated = await client.query("UPDATE submissions SET verdict = $1 WHERE id = $2", [
          verdict,
          submissionId,
        ]);
        if (updated.rowCount === 0) return false;
        await client.query(
          "INSERT INTO waivers (submission_id, requirement, reason, officer, created_at) VALUES ($1, $2, $3, $4, $5)",
          [submissionId, waiver.requirement, waiver.reason, waiver.officer, waiver.createdAt],
        );
        return true;
      });
    },
    async createToken(grant, createdAt) {
      const token = generateToken();
      await pool.query(
        "INSERT INTO tokens (hash, role, team, name, created_at) VALUES ($1, $2, $3, $4, $5)",
        [
          hashToken(token),
          grant.role,
          grant.role === "team" ? grant.team : null,
          grant.role === "officer" ? grant.name : null,
          createdAt,
        ],
      );
      return token;
    },
    async findToken(token) {
      const { rows } = await pool.query<TokenRow>("SELECT * FROM tokens WHERE hash = $1", [hashToken(token)]);
      return rows[0] === undefined ? undefined : tokenOf(rows[0]);
    },
    async close() {
      await pool.end();
    },
  };
}

/** True for a `--db` value that names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/** The URL without its password, for messages and logs. */
export function redact(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]+):[^@]*@/i, "$1:***@");
}

// --- internal ---

/** A failed write is E_IO (the transaction rolled back); a constraint error stays as it is. */
function ioError(shown: string, error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  // Class 53 (insufficient resources: disk full, out of memory), 58 (system error), 08 (connection).
  if (typeof code === "string" && /^(53|58|08)/.test(code)) {
    return new ClaimcheckError(
      "E_IO",
      `The database ${shown} could not store the upload (${code}: ${(error as Error).message}); nothing was stored. Check the database server, then upload again.`,
      { cause: error },
    );
  }
  return error;
}

async function recordOf(pool: pg.Pool, row: SubmissionRow): Promise<SubmissionRecord> {
  const inputs = await pool.query<{
    role: string;
    path: string;
    sha256: string;
    format: string | null;
    size: string;
  }>(
    "SELECT role, path, s.sha256 AS sha256, format, size FROM submission_inputs s JOIN inputs i ON i.sha256 = s.sha256 WHERE submission_id = $1 ORDER BY position",
    [row.id],
  );
  const waivers = await pool.query<{
    requirement: string;
    reason: string;
    officer: string;
    created_at: string;
  }>("SELECT requirement, reason, officer, created_at FROM waivers WHERE submission_id = $1 ORDER BY seq", [
    row.id,
  ]);
  return {
    ...summaryOfRow(row),
    mode: row.mode,
    report: JSON.parse(row.report) as Report,
    inputs: inputs.rows.map(({ format, size, ...input }): InputRef => {
      const ref = { ...input, size: Number(size) };
      return format === null ? ref : { ...ref, format };
    }),
    waivers: waivers.rows.map(({ created_at, ...waiver }) => ({ ...waiver, createdAt: created_at })),
  };
}
