import { randomBytes } from "node:crypto";
import pg from "pg";
import { onTestFinished } from "vitest";

/**
 * The PostgreSQL server the tests may use (`CLAIMCHECK_TEST_PG`, e.g. set by .ci/run), or undefined:
 * the PostgreSQL tests are then skipped with this message.
 */
export const TEST_PG = process.env.CLAIMCHECK_TEST_PG;
export const NO_PG =
  "PostgreSQL tests skipped: set CLAIMCHECK_TEST_PG=postgres://user@host:port/db (.ci/run starts one)";

/** A new, empty database on the test server, dropped when the test ends; returns its URL. */
export async function freshDatabase(): Promise<string> {
  const server = TEST_PG as string;
  const name = `claimcheck_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  onTestFinished(async () => {
    const dropper = new pg.Client({ connectionString: server });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await dropper.end();
  });
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}
