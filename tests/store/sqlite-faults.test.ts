import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it, onTestFinished } from "vitest";
import { isClaimcheckError } from "../../src/model/errors.ts";
import { createSqliteStore } from "../../src/store/sqlite-store.ts";
import type { NewSubmission, Store } from "../../src/store/store.ts";
import { REPORT } from "./store-contract.ts";

describe("SQLite store faults: a clear error, never silent loss", () => {
  it("refuses a file that is not a database, and leaves its bytes alone", () => {
    const path = join(tempDir(), "claimcheck.db");
    const garbage = randomBytes(64 * 1024);
    writeFileSync(path, garbage);
    expect(openError(path)).toMatch(
      /^The database .*claimcheck\.db is damaged or not a claimcheck database \(file is not a database\); nothing was changed\./,
    );
    expect(readFileSync(path).equals(garbage)).toBe(true);
  });

  it("refuses a database cut short (a copy that stopped half-way) at start", async () => {
    const path = join(tempDir(), "claimcheck.db");
    const store = createSqliteStore(path);
    for (let i = 0; i < 40; i++) await store.saveSubmission(submission(i, 8 * 1024));
    await store.close();
    const size = readFileSync(path).length;
    truncateSync(path, Math.floor(size / 2));
    expect(openError(path)).toMatch(
      /is damaged or not a claimcheck database \(database disk image is malformed\)/,
    );
  });

  it("answers a full disk with E_IO, rolls the upload back, and keeps every earlier submission", async () => {
    const store = track(createSqliteStore(join(tempDir(), "claimcheck.db"), { maxPageCount: 64 }));
    const saved = await fillUntilFull(store);
    expect(saved.error).toMatch(
      /could not store the upload \(SQLITE_FULL: database or disk is full\); nothing was stored/,
    );
    expect((await store.listSubmissions()).map((s) => s.id)).toEqual(saved.ids);
    for (const id of saved.ids) expect((await store.getSubmission(id))?.inputs).toHaveLength(1);
    process.stderr.write(
      `store disk full (page cap): ${saved.ids.length} submissions stored, 1 write failed, lost: 0\n`,
    );
  });

  it("survives a real full file system (a 1 MiB tmpfs; skipped where mounting is not permitted)", async (context) => {
    const mount = join(tempDir(), "tmpfs");
    mkdirSync(mount);
    const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", mount]).status === 0;
    if (!mounted) context.skip();
    onTestFinished(() => {
      spawnSync("umount", [mount]);
    });
    const path = join(mount, "claimcheck.db");
    const store = createSqliteStore(path);
    const saved = await fillUntilFull(store);
    expect(saved.error).toMatch(/could not store the upload \(SQLITE_FULL/);
    await store.close();
    const reopened = track(createSqliteStore(path));
    expect((await reopened.listSubmissions()).map((s) => s.id)).toEqual(saved.ids);
    const raw = new Database(path, { readonly: true });
    onTestFinished(() => {
      raw.close();
    });
    expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
    process.stderr.write(
      `store disk full (tmpfs): ${saved.ids.length} submissions stored, 1 write failed, lost: 0\n`,
    );
  });
});

// --- internal ---

/** Saves distinct submissions of 16 KiB until a write fails; returns the ids saved and the error. */
async function fillUntilFull(store: Store): Promise<{ ids: string[]; error: string }> {
  const ids: string[] = [];
  for (let i = 0; i < 10_000; i++) {
    try {
      ids.push((await store.saveSubmission(submission(i, 16 * 1024))).id);
    } catch (error) {
      expect(isClaimcheckError(error) && error.code === "E_IO").toBe(true);
      return { ids, error: (error as Error).message };
    }
  }
  throw new Error("the store never filled up");
}

function submission(i: number, size: number): NewSubmission {
  const bytes = new Uint8Array(randomBytes(size));
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return {
    topic: "1.2",
    team: "Team A",
    createdAt: `2026-08-01T10:00:${String(i % 60).padStart(2, "0")}.000Z`,
    mode: "quick",
    report: REPORT,
    inputs: [{ role: "candidate", path: `c${i}.csv`, sha256, bytes }],
  };
}

function openError(path: string): string {
  try {
    createSqliteStore(path);
  } catch (error) {
    expect(isClaimcheckError(error) && error.code === "E_IO").toBe(true);
    return (error as Error).message;
  }
  throw new Error(`${path} opened`);
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "claimcheck-faults-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function track(store: Store): Store {
  onTestFinished(() => store.close());
  return store;
}
