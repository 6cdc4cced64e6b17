import { request as httpRequest } from "node:http";
import { describe, expect, it, onTestFinished } from "vitest";
import { createPostgresStore } from "../../src/store/postgres-store.ts";
import type { Store } from "../../src/store/store.ts";
import { uploadInit } from "../server/helpers.ts";
import { freshDatabase, NO_PG, TEST_PG } from "../store/postgres-test-db.ts";
import { finishedIds, startCli, startServe, traceFields } from "./processes.ts";

describe.skipIf(TEST_PG === undefined)(
  TEST_PG === undefined ? `worker processes on PostgreSQL (${NO_PG})` : "worker processes on PostgreSQL",
  () => {
    it("shares N jobs between two worker processes, and verifies each exactly once", async () => {
      const { db, store, token } = await setUp();
      const serve = await startServe(db, ["--workers", "0"]);
      const workers = [0, 1].map(() => startCli(["worker", "--db", db, "--threads", "1"]));
      await Promise.all(workers.map((w) => w.waitFor(/verifying uploads from/)));
      const ids: string[] = [];
      const started = performance.now();
      for (let i = 0; i < 6; i++) {
        const response = await fetch(
          `${serve.url}/api/submissions`,
          uploadInit(token, traceFields(100 + 2 * i, 300)),
        );
        expect(response.status).toBe(202);
        ids.push(((await response.json()) as { id: string }).id);
      }
      await allEnded(store, ids, 150_000);
      const perWorker = workers.map((w) => finishedIds(w.stderr()));
      expect({
        statuses: await statuses(store, ids),
        verified: [...perWorker.flat()].sort(),
        submissions: (await store.listSubmissions()).map((s) => s.id).sort(),
      }).toEqual({
        statuses: ids.map(() => ["done", 1]),
        verified: [...ids].sort(),
        submissions: [...ids].sort(),
      });
      process.stderr.write(
        `PostgreSQL workers: ${ids.length} jobs in ${((performance.now() - started) / 1000).toFixed(1)} s, ${perWorker.map((w) => w.length).join(" + ")} per worker, each verified once\n`,
      );
    }, 180_000);

    it("loses no 202 upload when a worker is killed mid-job and the server mid-upload", async () => {
      const { db, store, token } = await setUp();
      // Long enough for a job on a loaded 2-core machine; the killed worker's job waits this long.
      const timeout = ["--job-timeout", "10"];
      let serve = await startServe(db, ["--workers", "0", ...timeout]);
      const victim = startCli(["worker", "--db", db, "--threads", "1", ...timeout]);
      await victim.waitFor(/verifying uploads from/);
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push(await upload(serve.url, token, 200 + 2 * i));
      // The victim takes the first job; kill it before it can finish.
      const held = await victim.waitFor(/verifying upload (\S+) \(attempt 1\)/);
      victim.child.kill("SIGKILL");
      await victim.exited();
      // And the server, while a body is half sent: that upload was never answered, so it is not owed.
      halfUpload(serve.url, token);
      await new Promise((resolve) => setTimeout(resolve, 200));
      serve.child.kill("SIGKILL");
      await serve.exited();
      serve = await startServe(db, ["--workers", "0", ...timeout]);
      for (let i = 3; i < 5; i++) ids.push(await upload(serve.url, token, 200 + 2 * i));
      const survivor = startCli(["worker", "--db", db, "--threads", "1", ...timeout]);
      await allEnded(store, ids, 150_000, () => survivor.stderr());
      const verified = finishedIds(survivor.stderr());
      expect({
        killedMidJob: finishedIds(victim.stderr()).includes(held),
        statuses: await statuses(store, ids),
        verified: [...verified].sort(),
        submissions: (await store.listSubmissions()).map((s) => s.id).sort(),
      }).toEqual({
        killedMidJob: false,
        statuses: ids.map((id) => ["done", id === held ? 2 : 1]),
        verified: [...ids].sort(),
        submissions: [...ids].sort(),
      });
      process.stderr.write(
        `PostgreSQL faults: worker killed mid-job (retried on the other, attempt 2), server killed mid-upload; ${ids.length} of ${ids.length} uploads answered 202 verified once, lost: 0\n`,
      );
    }, 180_000);

    it("gives a killed worker's job to another worker once its lease lapses, long before the job timeout", async () => {
      const { db, store, token } = await setUp();
      // The default job timeout (600 s) and lease (30 s): only the heartbeat can bring the job back soon.
      const serve = await startServe(db, ["--workers", "0"]);
      const victim = startCli(["worker", "--db", db, "--threads", "1"]);
      await victim.waitFor(/verifying uploads from/);
      const id = await upload(serve.url, token, 400);
      await victim.waitFor(/verifying upload (\S+) \(attempt 1\)/);
      victim.child.kill("SIGKILL");
      const killed = performance.now();
      await victim.exited();
      const survivor = startCli(["worker", "--db", db, "--threads", "1"]);
      await survivor.waitFor(new RegExp(`verifying upload ${id} \\(attempt 2\\)`), 120_000);
      const pickedUpS = (performance.now() - killed) / 1000;
      await allEnded(store, [id], 60_000, () => survivor.stderr());
      process.stderr.write(
        `PostgreSQL heartbeat: worker killed mid-job, job picked up by another ${pickedUpS.toFixed(1)} s later (lease 30 s, job timeout 600 s)\n`,
      );
      expect({
        killedMidJob: !finishedIds(victim.stderr()).includes(id),
        statuses: await statuses(store, [id]),
        verified: finishedIds(survivor.stderr()),
        wellBeforeTheJobTimeout: pickedUpS < 60,
      }).toEqual({
        killedMidJob: true,
        statuses: [["done", 2]],
        verified: [id],
        wellBeforeTheJobTimeout: true,
      });
    }, 180_000);
  },
);

// --- internal ---

async function setUp(): Promise<{ db: string; store: Store; token: string }> {
  const db = await freshDatabase();
  const store = await createPostgresStore(db);
  onTestFinished(() => store.close());
  const token = await store.createToken({ role: "team", team: "Team A" }, "2026-08-01T00:00:00.000Z");
  return { db, store, token };
}

async function upload(url: string, token: string, seed: number): Promise<string> {
  const response = await fetch(`${url}/api/submissions`, uploadInit(token, traceFields(seed, 1000)));
  expect(response.status).toBe(202);
  return ((await response.json()) as { id: string }).id;
}

async function statuses(store: Store, ids: string[]): Promise<[string, number][]> {
  return Promise.all(
    ids.map(async (id) => {
      const upload = await store.getUpload(id);
      return [upload?.status ?? "missing", upload?.attempts ?? 0] as [string, number];
    }),
  );
}

async function allEnded(store: Store, ids: string[], timeoutMs: number, log = () => ""): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = (await statuses(store, ids)).filter(
      ([status]) => status === "queued" || status === "running",
    );
    if (open.length === 0) return;
    if (Date.now() > deadline) throw new Error(`${open.length} uploads still open\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Sends half of a multipart body and never the rest. */
function halfUpload(url: string, token: string): void {
  const request = httpRequest(`${url}/api/submissions`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "multipart/form-data; boundary=XYZ",
      "content-length": "1000000",
    },
  });
  request.on("error", () => undefined);
  request.write('--XYZ\r\nContent-Disposition: form-data; name="topic"\r\n\r\n1.2\r\n--XYZ\r\n');
}
