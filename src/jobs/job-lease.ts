import type PgBoss from "pg-boss";

/**
 * Leases of running pg-boss jobs: the heartbeat pg-boss 10 lacks. A process renews a row per job it
 * runs; a job still `active` with no live row is presumed dead. Every time is the database's
 * `now()`, so the clocks of the machines running workers never matter.
 */
export interface JobLeaseOptions {
  /**
   * Seconds a renewal keeps a job alive, and the grace a just-fetched job has before its first
   * renewal. Six renewals fit in it, so a process whose event loop or database connection stalls
   * for up to ~25 s (a loaded host, a database failover) is not taken for dead, while a killed
   * worker's job comes back within about half a minute instead of the job timeout. @default 30
   */
  leaseS?: number;
  /** Seconds between renewals of a running job's lease. @default 5 */
  renewEveryS?: number;
  /** Seconds between looks for jobs whose lease has lapsed, in every process of the queue. @default 5 */
  sweepEveryS?: number;
}

/** The lease table, beside pg-boss's own tables: it lives and goes with the queue. */
export const LEASE_TABLE = "pgboss.claimcheck_job_leases";

/** Where one process keeps its leases: `holder` tells its rows from another process's. */
export interface JobLeases {
  renew(jobId: string): Promise<void>;
  release(jobId: string): Promise<void>;
  /** Ids of the queue's `active` jobs older than the grace with no live lease of any holder. */
  findLapsed(queue: string): Promise<string[]>;
  /** Deletes lapsed rows: they no longer keep anything alive. */
  dropLapsed(): Promise<void>;
}

/** Creates the lease table when missing; two processes starting together take turns. */
export async function createLeaseTable(db: PgBoss.Db): Promise<void> {
  // CREATE TABLE IF NOT EXISTS run twice at once can still fail on the catalog's unique index,
  // hence the transaction-scoped advisory lock (the key is the table's name).
  await db.executeSql(
    `BEGIN;
     SELECT pg_advisory_xact_lock(hashtext('${LEASE_TABLE}'));
     CREATE TABLE IF NOT EXISTS ${LEASE_TABLE} (
       job_id uuid NOT NULL,
       holder uuid NOT NULL,
       expires_at timestamptz NOT NULL,
       PRIMARY KEY (job_id, holder)
     );
     COMMIT;`,
    [],
  );
}

/** The leases of one holder (a queue in one process) over pg-boss's connection pool. */
export function openJobLeases(db: PgBoss.Db, holder: string, leaseS: number): JobLeases {
  return {
    async renew(jobId) {
      await db.executeSql(
        `INSERT INTO ${LEASE_TABLE} (job_id, holder, expires_at)
         VALUES ($1, $2, now() + make_interval(secs => $3))
         ON CONFLICT (job_id, holder) DO UPDATE SET expires_at = EXCLUDED.expires_at`,
        [jobId, holder, leaseS],
      );
    },
    async release(jobId) {
      await db.executeSql(`DELETE FROM ${LEASE_TABLE} WHERE job_id = $1 AND holder = $2`, [jobId, holder]);
    },
    async findLapsed(queue) {
      // A row of an earlier attempt is either lapsed (ignored) or still renewed by a worker that
      // was presumed dead yet lives, which then rightly keeps the job: someone is working on it.
      const result = await db.executeSql(
        `SELECT j.id FROM pgboss.job j
         WHERE j.name = $1 AND j.state = 'active'
           AND j.started_on < now() - make_interval(secs => $2)
           AND NOT EXISTS (
             SELECT 1 FROM ${LEASE_TABLE} l WHERE l.job_id = j.id AND l.expires_at > now()
           )`,
        [queue, leaseS],
      );
      return result.rows.map((row: { id: string }) => row.id);
    },
    async dropLapsed() {
      await db.executeSql(`DELETE FROM ${LEASE_TABLE} WHERE expires_at < now()`, []);
    },
  };
}
