import type pg from "pg";
import type { Choice, Publication, Store, TokenRecord } from "./store.ts";
import { type PublicationRow, publicationOf } from "./store-rows.ts";
import { generateSessionId, hashToken } from "./tokens.ts";

type PublicationMethods = Pick<
  Store,
  | "savePublication"
  | "getPublication"
  | "deletePublication"
  | "saveChoice"
  | "listChoices"
  | "createSession"
  | "findSession"
  | "deleteSession"
>;

/**
 * The `Store` methods for publications, teams' choices and browser sessions on PostgreSQL; the same
 * tables and meaning as `sqlite-publications.ts` and `sqlite-sessions.ts` (one contract suite runs on both).
 */
export function postgresPublications(pool: pg.Pool): PublicationMethods {
  return {
    async savePublication(p: Publication) {
      await pool.query(
        `INSERT INTO publications (topic, selection, deadline, full_reports, submission_ids, officer, published_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (topic) DO UPDATE SET selection = EXCLUDED.selection, deadline = EXCLUDED.deadline,
           full_reports = EXCLUDED.full_reports, submission_ids = EXCLUDED.submission_ids,
           officer = EXCLUDED.officer, published_at = EXCLUDED.published_at`,
        [
          p.topic,
          p.select,
          p.deadline ?? null,
          p.full,
          JSON.stringify(p.submissionIds),
          p.officer,
          p.publishedAt,
        ],
      );
    },
    async getPublication(topic) {
      const { rows } = await pool.query<PublicationRow>("SELECT * FROM publications WHERE topic = $1", [
        topic,
      ]);
      return rows[0] === undefined ? undefined : publicationOf(rows[0]);
    },
    async deletePublication(topic) {
      const { rowCount } = await pool.query("DELETE FROM publications WHERE topic = $1", [topic]);
      return (rowCount ?? 0) > 0;
    },
    async saveChoice(submissionId) {
      const { rowCount } = await pool.query(
        `INSERT INTO choices (topic, team, submission_id)
         SELECT topic, team, id FROM submissions WHERE id = $1
         ON CONFLICT (topic, team) DO UPDATE SET submission_id = EXCLUDED.submission_id`,
        [submissionId],
      );
      return (rowCount ?? 0) > 0;
    },
    async listChoices(topic) {
      const { rows } = await pool.query<{ topic: string; team: string; submission_id: string }>(
        "SELECT topic, team, submission_id FROM choices WHERE topic = $1 ORDER BY team",
        [topic],
      );
      return rows.map((r): Choice => ({ topic: r.topic, team: r.team, submissionId: r.submission_id }));
    },
    async createSession(token, createdAt, expiresAt) {
      const tokenHash = hashToken(token);
      const known = await pool.query("SELECT 1 FROM tokens WHERE hash = $1", [tokenHash]);
      if (known.rowCount === 0) return undefined;
      const id = generateSessionId();
      // Opening a session deletes those expired by then, so the table holds live sessions only.
      await pool.query("DELETE FROM sessions WHERE expires_at <= $1", [createdAt]);
      await pool.query(
        "INSERT INTO sessions (hash, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4)",
        [hashToken(id), tokenHash, createdAt, expiresAt],
      );
      return id;
    },
    async findSession(sessionId, at) {
      const { rows } = await pool.query<{
        role: "team" | "officer";
        team: string | null;
        name: string | null;
        created_at: string;
      }>(
        `SELECT t.role, t.team, t.name, t.created_at FROM sessions s JOIN tokens t ON t.hash = s.token_hash
         WHERE s.hash = $1 AND s.expires_at > $2`,
        [hashToken(sessionId), at],
      );
      const row = rows[0];
      if (row === undefined) return undefined;
      return row.role === "team"
        ? ({ role: "team", team: row.team ?? "", createdAt: row.created_at } satisfies TokenRecord)
        : { role: "officer", name: row.name ?? "officer", createdAt: row.created_at };
    },
    async deleteSession(sessionId) {
      await pool.query("DELETE FROM sessions WHERE hash = $1", [hashToken(sessionId)]);
    },
  };
}

// --- internal ---
