import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { createInputFiles, LEFTOVER_AGE_MS, sweepLeftovers } from "../../src/store/input-files.ts";

describe("sweepLeftovers", () => {
  it("removes spool and staged files older than a day and keeps newer ones and stored inputs", async () => {
    const dir = tempDir();
    const now = Date.parse("2026-08-02T12:00:00.000Z");
    const files = {
      ".spool-old": now - LEFTOVER_AGE_MS - 1000,
      ".staged-old": now - LEFTOVER_AGE_MS - 1000,
      ".spool-receiving": now - 60_000,
      [`${"a".repeat(64)}`]: now - 10 * LEFTOVER_AGE_MS,
    };
    for (const [name, mtime] of Object.entries(files)) {
      writeFileSync(join(dir, name), name);
      utimesSync(join(dir, name), mtime / 1000, mtime / 1000);
    }
    expect(await sweepLeftovers(dir, now)).toBe(2);
    expect(readdirSync(dir).sort()).toEqual([".spool-receiving", "a".repeat(64)]);
    expect(await sweepLeftovers(join(dir, "absent"), now)).toBe(0);
  });
});

describe("createInputFiles", () => {
  it("adopts a file of its own folder as it is and copies one from elsewhere", async () => {
    const dir = tempDir();
    const files = createInputFiles(join(dir, "claimcheck.db"));
    const inside = await files.stage(new TextEncoder().encode("inside"));
    expect(await files.adopt(inside)).toBe(inside);
    const outside = join(dir, "outside.csv");
    writeFileSync(outside, "outside");
    const copy = await files.adopt(outside);
    expect(copy.startsWith(join(files.dir, ".staged-"))).toBe(true);
    files.place(copy, "b".repeat(64));
    expect(new TextDecoder().decode(await files.read("b".repeat(64)))).toBe("outside");
    expect(readdirSync(dir).sort()).toEqual(["claimcheck.db-inputs", "outside.csv"]);
  });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "claimcheck-input-files-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
