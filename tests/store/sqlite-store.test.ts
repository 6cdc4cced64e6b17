import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it, onTestFinished } from "vitest";
import { createSqliteStore } from "../../src/store/sqlite-store.ts";
import type { Store } from "../../src/store/store.ts";
import { describeStoreContract, hourBefore, REPORT, sha } from "./store-contract.ts";

describeStoreContract("SQLite in memory", async () => track(createSqliteStore(":memory:")));
describeStoreContract("SQLite in a file", async () => track(createSqliteStore(join(tempDir(), "c.db"))));

describe("SQLite store on disk", () => {
  it("uses WAL and still holds a submission after it is closed and opened again", async () => {
    const path = join(tempDir(), "claimcheck.db");
    const store = createSqliteStore(path);
    const saved = await store.saveSubmission({
      topic: "1.2",
      team: "Team A",
      createdAt: "2026-08-01T10:00:00.000Z",
      mode: "quick",
      report: REPORT,
      inputs: [{ role: "candidate", path: "c.csv", sha256: sha("x"), bytes: new TextEncoder().encode("x") }],
    });
    await store.close();
    const reopened = track(createSqliteStore(path));
    expect((await reopened.getSubmission(saved.id))?.report).toEqual(REPORT);
    const raw = new Database(path, { readonly: true });
    onTestFinished(() => {
      raw.close();
    });
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
  });

  it("keeps an input of 1 MiB or more as a file named by its SHA-256 beside the database, not in it", async () => {
    const path = join(tempDir(), "claimcheck.db");
    const store = track(createSqliteStore(path));
    const big = new Uint8Array(1024 * 1024).fill(0x31);
    const small = new TextEncoder().encode("a,b\n1,2\n");
    const inputs = [
      {
        role: "candidate",
        path: "c.csv",
        sha256: createHash("sha256").update(big).digest("hex"),
        bytes: big,
      },
      { role: "baseline", path: "b.csv", sha256: sha("a,b\n1,2\n"), bytes: small },
    ];
    await store.saveUpload(
      { topic: "1.2", team: "Team A", createdAt: "2026-08-01T10:00:00.000Z", mode: "quick", inputs },
      "u-1",
    );
    const raw = new Database(path, { readonly: true });
    onTestFinished(() => {
      raw.close();
    });
    expect([
      raw.prepare("SELECT size, length(bytes) AS kept FROM inputs ORDER BY size").all(),
      readdirSync(`${path}-inputs`),
      readFileSync(join(`${path}-inputs`, inputs[0]?.sha256 ?? "")).equals(big),
    ]).toEqual([
      [
        { size: 8, kept: 8 },
        { size: 1024 * 1024, kept: 0 },
      ],
      [inputs[0]?.sha256],
      true,
    ]);
  });

  it("keeps only the SHA-256 of a token", async () => {
    const path = join(tempDir(), "claimcheck.db");
    const store = track(createSqliteStore(path));
    const token = await store.createToken({ role: "officer", name: "Dr. Li" }, "2026-08-01T00:00:00.000Z");
    const raw = new Database(path, { readonly: true });
    onTestFinished(() => {
      raw.close();
    });
    expect(raw.prepare("SELECT hash, role, team, name FROM tokens").all()).toEqual([
      { hash: sha(token), role: "officer", team: null, name: "Dr. Li" },
    ]);
  });

  it("shares one upload quota between two stores on one file, and keeps only the starts still counted", async () => {
    const path = join(tempDir(), "claimcheck.db");
    const [a, b] = [track(createSqliteStore(path)), track(createSqliteStore(path))];
    const take = (store: Store, at: string) => store.takeQuota("Team A", at, hourBefore(at), 2);
    const takes = [
      await take(a, "2026-08-01T10:00:00.000Z"),
      await take(b, "2026-08-01T10:10:00.000Z"),
      await take(b, "2026-08-01T10:20:00.000Z"),
      await take(a, "2026-08-01T11:30:00.000Z"),
    ];
    const raw = new Database(path, { readonly: true });
    onTestFinished(() => {
      raw.close();
    });
    expect([takes, raw.prepare("SELECT team, started_at FROM quota_starts").all()]).toEqual([
      [
        { taken: true },
        { taken: true },
        { taken: false, oldestStart: "2026-08-01T10:00:00.000Z" },
        { taken: true },
      ],
      [{ team: "Team A", started_at: "2026-08-01T11:30:00.000Z" }],
    ]);
  });

  it("keeps only live sessions: opening one deletes the expired rows", async () => {
    const path = join(tempDir(), "claimcheck.db");
    const store = track(createSqliteStore(path));
    const token = await store.createToken({ role: "team", team: "Team A" }, "2026-08-01T00:00:00.000Z");
    await store.createSession(token, "2026-08-01T10:00:00.000Z", "2026-08-01T11:00:00.000Z");
    await store.createSession(token, "2026-08-01T10:00:00.000Z", "2026-08-01T12:00:00.000Z");
    await store.createSession(token, "2026-08-01T11:00:00.000Z", "2026-08-01T23:00:00.000Z");
    const raw = new Database(path, { readonly: true });
    onTestFinished(() => {
      raw.close();
    });
    expect(raw.prepare("SELECT expires_at FROM sessions ORDER BY expires_at").all()).toEqual([
      { expires_at: "2026-08-01T12:00:00.000Z" },
      { expires_at: "2026-08-01T23:00:00.000Z" },
    ]);
  });

  it("leaves nothing behind when a submission's insert fails half-way", async () => {
    const store = track(createSqliteStore(":memory:"));
    const bytes = new TextEncoder().encode("x");
    const input = { role: "candidate", path: "c.csv", sha256: sha("x"), bytes };
    // A mode outside the CHECK constraint fails after the inputs were inserted: the transaction must undo them.
    const broken = { topic: "1.2", team: "A", createdAt: "t", mode: "bogus" as "quick", report: REPORT };
    await expect(store.saveSubmission({ ...broken, inputs: [input] })).rejects.toThrow(/CHECK/);
    expect([await store.listSubmissions(), await store.readInput(sha("x"))]).toEqual([[], undefined]);
  });
});

// --- internal ---

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "claimcheck-store-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function track(store: Store): Store {
  onTestFinished(() => store.close());
  return store;
}
