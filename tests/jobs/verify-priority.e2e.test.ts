import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { VERIFY_NICE } from "../../src/jobs/verify-priority.ts";
import { REPO } from "../cli/run-cli.ts";
import { head, uploadInit } from "../server/helpers.ts";

// Linux only: the nice value of each thread is read from /proc.
describe.skipIf(process.platform !== "linux")("verification priority in claimcheck serve", () => {
  it("verifies at nice 10 in its threads while the main thread, which answers requests, keeps nice 0", async () => {
    const dir = mkdtempSync(join(tmpdir(), "claimcheck-nice-"));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const db = join(dir, "claimcheck.db");
    const token = claimcheck(["token", "create", "--team", "Team A", "--db", db]).trim();
    const child = spawn(
      process.execPath,
      ["bin/claimcheck", "serve", "--port", "0", "--db", db, "--workers", "1"],
      {
        cwd: REPO,
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    onTestFinished(() => {
      if (child.exitCode === null) child.kill("SIGKILL");
    });
    let stderr = "";
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr?.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(stderr);
        if (match?.[1] !== undefined) resolve(match[1]);
      });
      child.once("exit", () => reject(new Error(`claimcheck serve exited early:\n${stderr}`)));
    });
    const fields = {
      topic: "1.2",
      candidate: { name: "candidate.csv", bytes: head("1.2-pass/candidate.csv", 200) },
      baseline: { name: "baseline.csv", bytes: head("1.2-pass/baseline.csv", 200) },
    };
    const response = await fetch(`${url}/api/submissions?wait=true`, uploadInit(token, fields));
    expect(response.status).toBe(201);
    const pid = child.pid as number;
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

function claimcheck(args: string[]): string {
  const result = spawnSync(process.execPath, ["bin/claimcheck", ...args], { cwd: REPO, encoding: "utf8" });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout;
}
