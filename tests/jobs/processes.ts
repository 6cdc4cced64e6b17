import { type ChildProcess, spawn } from "node:child_process";
import { onTestFinished } from "vitest";
import { servingTraceLines } from "../../scripts/synthetic-trace.mjs";
import { REPO } from "../cli/run-cli.ts";
import type { Part } from "../server/helpers.ts";

/** A running `claimcheck` child with everything it wrote to stderr so far. */
export interface Child {
  child: ChildProcess;
  stderr(): string;
  /** Resolves when stderr matches `pattern`; returns the first group (or the match). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  exited(): Promise<void>;
}

/** Spawns `bin/claimcheck <args>`; SIGKILLed when the test ends if still running. */
export function startCli(args: string[]): Child {
  const child = spawn(process.execPath, ["bin/claimcheck", ...args], {
    cwd: REPO,
    stdio: ["ignore", "ignore", "pipe"],
  });
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  let stderr = "";
  const listeners = new Set<() => void>();
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const listener of listeners) listener();
  });
  return {
    child,
    stderr: () => stderr,
    waitFor(pattern, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(stderr);
          if (match === null) return;
          done();
          resolve(match[1] ?? match[0]);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no ${pattern} in ${timeoutMs} ms; stderr:\n${stderr}`));
        }, timeoutMs);
        const onExit = () => {
          done();
          reject(new Error(`claimcheck ${args[0]} exited before ${pattern}; stderr:\n${stderr}`));
        };
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
          child.off("exit", onExit);
        };
        listeners.add(check);
        child.once("exit", onExit);
        check();
      });
    },
    exited() {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise((resolve) => child.once("exit", () => resolve()));
    },
  };
}

/** `claimcheck serve` on a free port; resolves with its URL once it listens. */
export async function startServe(db: string, extra: string[] = []): Promise<Child & { url: string }> {
  const serve = startCli(["serve", "--port", "0", "--db", db, ...extra]);
  const url = await serve.waitFor(/listening on (http:\/\/\S+)/);
  return { ...serve, url };
}

/** A quick-mode upload of a seeded synthetic pair of `rows` requests each (distinct per seed). */
export function traceFields(seed: number, rows: number): Record<string, Part> {
  const csv = (lines: Iterable<string>) => new TextEncoder().encode(`${[...lines].join("\n")}\n`);
  return {
    topic: "1.2",
    baseline: { name: "baseline.csv", bytes: csv(servingTraceLines({ seed, rows, qps: 100 })) },
    candidate: {
      name: "candidate.csv",
      bytes: csv(
        servingTraceLines({
          seed: seed + 1,
          workloadSeed: seed,
          rows,
          qps: 100,
          ttftScale: 0.98,
          tpotScale: 0.98,
        }),
      ),
    },
  };
}

/** Ids of the uploads each job log line names, from the `claimcheck: upload <id> verified` lines. */
export function finishedIds(stderr: string): string[] {
  return [...stderr.matchAll(/claimcheck: upload (\S+) (verified|rejected|error) in/g)].map(
    (m) => m[1] as string,
  );
}
