import { readFileSync } from "node:fs";
import { onTestFinished } from "vitest";
import { startJobRunner } from "../../src/jobs/job-runner.ts";
import { createVerifyPool } from "../../src/jobs/verify-pool.ts";
import { type AppOptions, createApp, type FetchHandler } from "../../src/server/app.ts";
import type { UploadLimits } from "../../src/server/limits.ts";
import { createSqliteStore } from "../../src/store/sqlite-store.ts";
import type { Store } from "../../src/store/store.ts";

export const FIXTURES = new URL("../../fixtures/", import.meta.url);

export function fixture(path: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(path, FIXTURES)));
}

/** The 1.2-pass candidate with one cell turned into "160.189 ms" (file line 5, column ttft_ms). */
export function badCandidate(): Uint8Array {
  const lines = new TextDecoder().decode(fixture("1.2-pass/candidate.csv")).split("\n");
  const cells = (lines[4] as string).split(",");
  cells[2] = "160.189 ms";
  lines[4] = cells.join(",");
  return new TextEncoder().encode(lines.join("\n"));
}

export interface TestApp {
  handle: FetchHandler;
  store: Store;
  tokens: { teamA: string; teamB: string; example: string; officer: string };
  /** Sends a request to the handler; `path` is relative to http://claimcheck.test. */
  request(path: string, init?: RequestInit): Promise<Response>;
}

export const EXAMPLE_TEAM = "示例大学 Example University";

/** An app over a fresh in-memory store with four tokens and a clock that ticks one minute per call. */
export async function createTestApp(
  limits: Partial<UploadLimits> = {},
  log: (line: string) => void = () => {},
  options: Omit<AppOptions, "store" | "now" | "limits" | "log"> = {},
): Promise<TestApp> {
  const store = createSqliteStore(":memory:", { queue: { pollMs: 20 } });
  // Verification runs off the request path, as in `claimcheck serve` (inline: the tests run the sources).
  const runner = await startJobRunner({
    store,
    queue: store.queue,
    pool: createVerifyPool({ size: 1, log }),
    log,
  });
  onTestFinished(async () => {
    await runner.stop();
    await store.close();
  });
  const at = "2026-08-01T00:00:00.000Z";
  const tokens = {
    teamA: await store.createToken({ role: "team", team: "Team A" }, at),
    teamB: await store.createToken({ role: "team", team: "Team B" }, at),
    example: await store.createToken({ role: "team", team: EXAMPLE_TEAM }, at),
    officer: await store.createToken({ role: "officer", name: "Dr. Li" }, at),
  };
  let minute = 0;
  const now = () => new Date(Date.UTC(2026, 7, 1, 10, minute++));
  const handle = createApp({ store, now, limits, log, ...options });
  return {
    handle,
    store,
    tokens,
    request: (path, init) => handle(new Request(`http://claimcheck.test${path}`, init)),
  };
}

export type Part = string | { name: string; bytes: Uint8Array; type?: string };

/** A multipart POST /api/submissions with the given token and fields. */
export function uploadInit(token: string | undefined, fields: Record<string, Part>): RequestInit {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === "string") form.append(name, value);
    else
      form.append(name, new File([value.bytes], value.name, { type: value.type ?? "text/csv" }), value.name);
  }
  return {
    method: "POST",
    body: form,
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  };
}

/** The quick-mode upload of fixtures/1.2-pass: candidate and baseline CSVs. */
export function passFields(candidate = fixture("1.2-pass/candidate.csv")): Record<string, Part> {
  return {
    topic: "1.2",
    candidate: { name: "candidate.csv", bytes: candidate },
    baseline: { name: "baseline.csv", bytes: fixture("1.2-pass/baseline.csv") },
  };
}

/** The first `rows` requests of a fixture CSV, for tests that need a valid upload but not its statistics. */
export function head(path: string, rows: number): Uint8Array {
  const lines = new TextDecoder().decode(fixture(path)).split("\n");
  return new TextEncoder().encode(`${lines.slice(0, rows + 1).join("\n")}\n`);
}

/** A small valid quick-mode upload (the first `rows` requests of each 1.2-pass file). */
export function smallFields(rows = 200): Record<string, Part> {
  return {
    topic: "1.2",
    candidate: { name: "candidate.csv", bytes: head("1.2-pass/candidate.csv", rows) },
    baseline: { name: "baseline.csv", bytes: head("1.2-pass/baseline.csv", rows) },
  };
}
