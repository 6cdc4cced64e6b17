import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { VERIFY_NICE } from "../../src/jobs/verify-priority.ts";
import { runCli } from "../cli/run-cli.ts";
import { smallFields, uploadInit } from "../server/helpers.ts";
import { startServe } from "./processes.ts";

// Linux only: the nice value of each thread is read from /proc.
describe.skipIf(process.platform !== "linux")("verification priority in claimcheck serve", () => {
  it("verifies at nice 10 in its threads while the main thread, which answers requests, keeps nice 0", async () => {
    const dir = mkdtempSync(join(tmpdir(), "claimcheck-nice-"));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const db = join(dir, "claimcheck.db");
    const token = runCli(["token", "create", "--team", "Team A", "--db", db]).stdout.trim();
    const serve = await startServe(db, ["--workers", "1"]);
    const response = await fetch(`${serve.url}/api/submissions?wait=true`, uploadInit(token, smallFields()));
    expect(response.status).toBe(201);
    const pid = serve.child.pid as number;
    const nice = threadNices(pid);
    expect(nice.get(pid)).toBe(0);
    expect([...nice.values()].filter((value) => value === VERIFY_NICE).length).toBeGreaterThan(0);
  }, 60_000);
});

/** Each thread's nice value, by thread id (field 19 of /proc/<pid>/task/<tid>/stat). */
function threadNices(pid: number): Map<number, number> {
  const nices = new Map<number, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
    // The fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    nices.set(Number(tid), Number(fields[16]));
  }
  return nices;
}
