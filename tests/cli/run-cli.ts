import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../../", import.meta.url));

export interface CliRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built binary the way a user does, from the repository root. */
export function runCli(args: string[], env: Record<string, string> = {}): CliRun {
  const run = spawnSync(process.execPath, ["bin/claimcheck", ...args], {
    cwd: REPO,
    encoding: "utf8",
    // HTML reports with charts run to several hundred kB: above spawnSync's 1 MB default they would be cut.
    maxBuffer: 64 << 20,
    env: { ...process.env, SOURCE_DATE_EPOCH: "1790000000", ...env },
  });
  return { exitCode: run.status, stdout: run.stdout, stderr: run.stderr };
}
