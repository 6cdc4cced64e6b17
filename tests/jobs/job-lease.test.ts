import { randomUUID } from "node:crypto";
import PgBoss from "pg-boss";
import { describe, expect, it, onTestFinished } from "vitest";
import { createLeaseTable, openJobLeases } from "../../src/jobs/job-lease.ts";
import { freshDatabase, NO_PG, TEST_PG } from "../store/postgres-test-db.ts";

const QUEUE = "lease-test";

describe.skipIf(TEST_PG === undefined)(
  TEST_PG === undefined ? `job leases on PostgreSQL (${NO_PG})` : "job leases on PostgreSQL",
  () => {
    it("gives a just-fetched job with no lease row the lease's length as grace", async () => {
      const boss = await startBoss(await freshDatabase());
      const leases = openJobLeases(boss.getDb(), randomUUID(), 1);
      const id = await fetchedJob(boss);
      const atOnce = await leases.findLapsed(QUEUE);
      await new Promise((resolve) => setTimeout(resolve, 1200));
      expect([atOnce, await leases.findLapsed(QUEUE)]).toEqual([[], [id]]);
    });

    it("keeps a job while any holder's lease is live, and lets it go once every lease lapsed", async () => {
      const boss = await startBoss(await freshDatabase());
      const [lapsing, live] = [randomUUID(), randomUUID()];
      const short = openJobLeases(boss.getDb(), lapsing, 0.5);
      const long = openJobLeases(boss.getDb(), live, 2);
      const id = await fetchedJob(boss);
      await short.renew(id);
      await long.renew(id);
      // Past the grace and the short lease, within the long one: a worker presumed dead that lives.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const whileOneLives = await short.findLapsed(QUEUE);
      await long.release(id);
      expect([whileOneLives, await short.findLapsed(QUEUE), await leaseRows(boss)]).toEqual([
        [],
        [id],
        [lapsing],
      ]);
      await short.dropLapsed();
      expect(await leaseRows(boss)).toEqual([]);
    });

    it("never counts a job that is not active: waiting, retrying or completed", async () => {
      const boss = await startBoss(await freshDatabase());
      const leases = openJobLeases(boss.getDb(), randomUUID(), 0.1);
      // Retried in a minute, so the next fetch does not take it again.
      const retrying = await fetchedJob(boss, { retryLimit: 1, retryDelay: 60 });
      await boss.fail(QUEUE, retrying);
      await boss.complete(QUEUE, await fetchedJob(boss));
      await boss.send(QUEUE, {}, { id: randomUUID() });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect({ states: await jobStates(boss), lapsed: await leases.findLapsed(QUEUE) }).toEqual({
        states: ["completed", "created", "retry"],
        lapsed: [],
      });
    });
  },
);

// --- internal ---

async function startBoss(db: string): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: db, max: 2, schedule: false, supervise: false });
  await boss.start();
  onTestFinished(() => boss.stop({ graceful: false }));
  await boss.createQueue(QUEUE);
  await createLeaseTable(boss.getDb());
  return boss;
}

/** Sends a job and fetches it, as a worker does before its first renewal: active, no lease row. */
async function fetchedJob(boss: PgBoss, options: PgBoss.SendOptions = {}): Promise<string> {
  const id = randomUUID();
  await boss.send(QUEUE, {}, { ...options, id });
  const [job] = await boss.fetch(QUEUE);
  if (job?.id !== id) throw new Error(`fetched ${job?.id}, not ${id}`);
  return id;
}

async function leaseRows(boss: PgBoss): Promise<string[]> {
  const { rows } = await boss.getDb().executeSql("SELECT holder FROM pgboss.claimcheck_job_leases", []);
  return rows.map((row: { holder: string }) => row.holder);
}

async function jobStates(boss: PgBoss): Promise<string[]> {
  const { rows } = await boss
    .getDb()
    .executeSql("SELECT state FROM pgboss.job WHERE name = $1 ORDER BY state::text", [QUEUE]);
  return rows.map((row: { state: string }) => row.state);
}
