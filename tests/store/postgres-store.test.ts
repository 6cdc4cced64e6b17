import pg from "pg";
import { describe, expect, it, onTestFinished } from "vitest";
import { createPostgresStore, isPostgresUrl, redact } from "../../src/store/postgres-store.ts";
import type { Store } from "../../src/store/store.ts";
import { freshDatabase, NO_PG, TEST_PG } from "./postgres-test-db.ts";
import { describeStoreContract, hourBefore } from "./store-contract.ts";

if (TEST_PG === undefined) {
  process.stderr.write(`${NO_PG}\n`);
  describe.skip(NO_PG, () => {
    it("runs the store contract on PostgreSQL", () => {});
  });
} else {
  describeStoreContract("PostgreSQL", async () => track(await createPostgresStore(await freshDatabase())));

  describe("PostgreSQL store", () => {
    it("migrates once when two processes open a new database at the same time, and keeps data across opens", async () => {
      const url = await freshDatabase();
      const [a, b] = await Promise.all([createPostgresStore(url), createPostgresStore(url)]);
      const token = await a.createToken({ role: "team", team: "Team A" }, "2026-08-01T00:00:00.000Z");
      await Promise.all([a.close(), b.close()]);
      const reopened = track(await createPostgresStore(url));
      expect(await reopened.findToken(token)).toEqual({
        role: "team",
        team: "Team A",
        createdAt: "2026-08-01T00:00:00.000Z",
      });
    });

    it("shares one upload quota between two processes: of concurrent takes, exactly the limit pass", async () => {
      const url = await freshDatabase();
      const [a, b] = [track(await createPostgresStore(url)), track(await createPostgresStore(url))];
      const at = "2026-08-01T10:00:00.000Z";
      const takeMany = (team: string) =>
        Promise.all(
          [a, b].flatMap((store) =>
            Array.from({ length: 10 }, () => store.takeQuota(team, at, hourBefore(at), 5)),
          ),
        );
      // A first round opens both stores' connections, so the second one's takes really overlap.
      const warmUp = await takeMany("Team B");
      const takes = await takeMany("Team A");
      expect([warmUp, takes].map((round) => round.filter((t) => t.taken).length)).toEqual([5, 5]);
    });

    it("deletes the upload starts that left the window, and the expired sessions", async () => {
      const url = await freshDatabase();
      const store = track(await createPostgresStore(url));
      const take = (at: string) => store.takeQuota("Team A", at, hourBefore(at), 5);
      await take("2026-08-01T10:00:00.000Z");
      await take("2026-08-01T10:10:00.000Z");
      await take("2026-08-01T11:05:00.000Z");
      const token = await store.createToken({ role: "team", team: "Team A" }, "2026-08-01T00:00:00.000Z");
      await store.createSession(token, "2026-08-01T10:00:00.000Z", "2026-08-01T11:00:00.000Z");
      await store.createSession(token, "2026-08-01T11:00:00.000Z", "2026-08-01T23:00:00.000Z");
      const raw = new pg.Client({ connectionString: url });
      await raw.connect();
      onTestFinished(() => raw.end());
      const starts = await raw.query("SELECT team, started_at FROM quota_starts ORDER BY started_at");
      const sessions = await raw.query("SELECT expires_at FROM sessions");
      expect([starts.rows, sessions.rows]).toEqual([
        [
          { team: "Team A", started_at: new Date("2026-08-01T10:10:00.000Z") },
          { team: "Team A", started_at: new Date("2026-08-01T11:05:00.000Z") },
        ],
        [{ expires_at: "2026-08-01T23:00:00.000Z" }],
      ]);
    });

    it("says which database it cannot reach, without the password", async () => {
      await expect(createPostgresStore("postgres://cc:secret@127.0.0.1:1/none")).rejects.toThrow(
        /^Cannot open the PostgreSQL database postgres:\/\/cc:\*\*\*@127\.0\.0\.1:1\/none \(.*\); check that it runs and the URL\.$/,
      );
    });
  });
}

describe("--db values", () => {
  it("tells a PostgreSQL URL from a SQLite file and hides the password", () => {
    expect([
      isPostgresUrl("postgres://u@h/db"),
      isPostgresUrl("postgresql://u@h/db"),
      isPostgresUrl("/srv/claimcheck.db"),
      redact("postgres://u:pw@h:5432/db"),
      redact("postgres://u@h/db"),
    ]).toEqual([true, true, false, "postgres://u:***@h:5432/db", "postgres://u@h/db"]);
  });
});

// --- internal ---

function track(store: Store): Store {
  onTestFinished(() => store.close());
  return store;
}
