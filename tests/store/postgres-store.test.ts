import { describe, expect, it, onTestFinished } from "vitest";
import { createPostgresStore, isPostgresUrl, redact } from "../../src/store/postgres-store.ts";
import type { Store } from "../../src/store/store.ts";
import { freshDatabase, NO_PG, TEST_PG } from "./postgres-test-db.ts";
import { describeStoreContract } from "./store-contract.ts";

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
