import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { describe, expect, it, onTestFinished } from "vitest";
import { servingTrace } from "../../scripts/synthetic-trace.mjs";
import type { WorkerReply } from "../../src/cli/commands/parse-in-worker.ts";
import { REPO, runCli } from "./run-cli.ts";

// bin/claimcheck runs the esbuild bundle in dist/bundle/ (scripts/bundle-cli.mjs), built by the global setup.
const BUNDLE = join(REPO, "dist/bundle");

/** Every `new URL("…", import.meta.url)` in the bundle, resolved from its chunk, relative to the repository. */
function locatedFiles(): string[] {
  const found = new Set<string>();
  for (const name of readdirSync(BUNDLE).filter((n) => n.endsWith(".js"))) {
    const text = readFileSync(join(BUNDLE, name), "utf8");
    for (const match of text.matchAll(/new URL\("([^"]+)", import\.meta\.url\)/g)) {
      const url = new URL(match[1] as string, pathToFileURL(join(BUNDLE, name)));
      found.add(
        relative(REPO, fileURLToPath(url)).replaceAll("\\", "/") + (url.pathname.endsWith("/") ? "/" : ""),
      );
    }
  }
  return [...found].sort();
}

describe("the bundled binary", () => {
  it("prints the version of package.json", () => {
    const { version } = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { version: string };
    expect(runCli(["--version"])).toEqual({
      exitCode: 0,
      stdout: `claimcheck/${version} ${process.platform}-${process.arch} node-${process.version}\n`,
      stderr: "",
    });
  });

  it("finds the package's files and the worker entry relative to its chunks", () => {
    const files = locatedFiles();
    expect([files, files.filter((f) => !existsSync(join(REPO, f)))]).toEqual([
      [
        "dist/bundle/read-input-worker.js",
        "dist/bundle/verify-worker.js",
        "dist/topics/",
        "hardware/catalog.csv",
        "package.json",
        "topics/",
      ],
      [],
    ]);
  });

  it("parses a big serving CSV in the bundled worker entry", async () => {
    // Above read-evidence's streaming threshold (8 MiB); a smaller file is handed back to the main thread.
    const dir = mkdtempSync(join(tmpdir(), "claimcheck-worker-"));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, "candidate.csv");
    writeFileSync(file, servingTrace({ seed: 7, rows: 160_000, qps: 100 }));
    const worker = new Worker(join(BUNDLE, "read-input-worker.js"), {
      workerData: { absolutePath: file, displayPath: "candidate.csv", progress: false },
    });
    onTestFinished(async () => {
      await worker.terminate();
    });
    const reply = await new Promise<WorkerReply>((done, fail) => {
      worker.once("message", done);
      worker.once("error", fail);
    });
    expect([reply.fallback, reply.parsed?.kind, reply.size, reply.sha256]).toEqual([
      undefined,
      "serving-requests",
      statSync(file).size,
      createHash("sha256").update(readFileSync(file)).digest("hex"),
    ]);
  });
});
