import type { Database } from "better-sqlite3";
import type { Choice, Publication, Store } from "./store.ts";
import { type PublicationRow, publicationOf } from "./store-rows.ts";

type PublicationMethods = Pick<
  Store,
  "savePublication" | "getPublication" | "deletePublication" | "saveChoice" | "listChoices"
>;

/** The `Store` methods for publications and teams' choices, over an open, migrated database. */
export function sqlitePublications(db: Database): PublicationMethods {
  return {
    async savePublication(p: Publication) {
      db.prepare(
        `INSERT OR REPLACE INTO publications (topic, selection, deadline, full_reports, submission_ids, officer, published_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        p.topic,
        p.select,
        p.deadline ?? null,
        p.full ? 1 : 0,
        JSON.stringify(p.submissionIds),
        p.officer,
        p.publishedAt,
      );
    },
    async getPublication(topic) {
      const row = db.prepare("SELECT * FROM publications WHERE topic = ?").get(topic) as
        | PublicationRow
        | undefined;
      return row === undefined ? undefined : publicationOf(row);
    },
    async deletePublication(topic) {
      return db.prepare("DELETE FROM publications WHERE topic = ?").run(topic).changes > 0;
    },
    async saveChoice(submissionId) {
      const changes = db
        .prepare(
          `INSERT OR REPLACE INTO choices (topic, team, submission_id)
           SELECT topic, team, id FROM submissions WHERE id = ?`,
        )
        .run(submissionId).changes;
      return changes > 0;
    },
    async listChoices(topic) {
      const rows = db
        .prepare("SELECT topic, team, submission_id FROM choices WHERE topic = ? ORDER BY team")
        .all(topic) as { topic: string; team: string; submission_id: string }[];
      return rows.map((r): Choice => ({ topic: r.topic, team: r.team, submissionId: r.submission_id }));
    },
  };
}

// --- internal ---
