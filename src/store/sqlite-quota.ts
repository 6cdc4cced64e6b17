import type { Database } from "better-sqlite3";
import type { QuotaTake, Store } from "./store.ts";

/**
 * `Store.takeQuota` on SQLite: one row per counted upload start. The count and the insert run in one
 * IMMEDIATE transaction, which takes the database's write lock before it reads, so two processes on
 * one file cannot both count the same free slot (a deferred one would read first and fail to upgrade).
 */
export function sqliteQuota(db: Database, write: <T>(run: () => T) => T): Pick<Store, "takeQuota"> {
  const take = db.transaction((team: string, at: string, since: string, limit: number): QuotaTake => {
    db.prepare("DELETE FROM quota_starts WHERE team = ? AND started_at <= ?").run(team, since);
    const counted = db
      .prepare("SELECT count(*) AS n, min(started_at) AS oldest FROM quota_starts WHERE team = ?")
      .get(team) as { n: number; oldest: string | null };
    if (counted.n >= limit) return { taken: false, oldestStart: counted.oldest ?? at };
    db.prepare("INSERT INTO quota_starts (team, started_at) VALUES (?, ?)").run(team, at);
    return { taken: true };
  });
  return {
    async takeQuota(team, at, since, limit) {
      return write(() => take.immediate(team, at, since, limit));
    },
  };
}
