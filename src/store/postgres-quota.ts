import type { Transact } from "./postgres-uploads.ts";
import type { QuotaTake, Store } from "./store.ts";

/**
 * An arbitrary constant: the first key of the per-team advisory locks (the second is the team's hash).
 * Two-key advisory locks do not share the one-key space of the migration lock.
 */
const QUOTA_LOCK_CLASS = 0x71756f74;

/**
 * `Store.takeQuota` on PostgreSQL: one row per counted upload start. A transaction-scoped advisory lock
 * per team serialises the count and the insert across every server process, so of concurrent takes at
 * the limit only one passes (under READ COMMITTED, each statement after the lock sees the rows of the
 * takes that committed before it). Two teams whose names hash alike only wait for each other.
 */
export function postgresQuota(transact: Transact): Pick<Store, "takeQuota"> {
  return {
    async takeQuota(team, at, since, limit) {
      return transact(async (client): Promise<QuotaTake> => {
        await client.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [QUOTA_LOCK_CLASS, team]);
        await client.query("DELETE FROM quota_starts WHERE team = $1 AND started_at <= $2", [team, since]);
        const { rows } = await client.query<{ n: string; oldest: Date | null }>(
          "SELECT count(*) AS n, min(started_at) AS oldest FROM quota_starts WHERE team = $1",
          [team],
        );
        const counted = rows[0];
        if (counted !== undefined && Number(counted.n) >= limit) {
          return { taken: false, oldestStart: counted.oldest?.toISOString() ?? at };
        }
        await client.query("INSERT INTO quota_starts (team, started_at) VALUES ($1, $2)", [team, at]);
        return { taken: true };
      });
    },
  };
}
