// Load test of `claimcheck serve` with verification as jobs (issue 16): while ten 1 M-row uploads are
// sent and verified, how long do `GET /` and `GET /api/topics` take (p50, p99; target p99 < 100 ms),
// and how long do the ten jobs take with the embedded SQLite queue (serve's own threads) and on
// PostgreSQL with one and with two `claimcheck worker` processes (one thread each)? The probes run from
// the first upload to the last verdict and are also summed up per phase: while the uploads are sent
// (the request path: multipart, hashing, a zip's inflation, storing) and after (the jobs).
//
// Each upload is a zipped submission (manifest + a 1 M-row candidate/baseline pair from
// bench/write-trace.mjs; 112 MB of CSV does not fit the 64 MiB body limit unzipped).
// Run after `npm run build`:
//   node bench/server-load.mjs --rows 1000000 --uploads 10 [--zip true] [--pg postgres://postgres@127.0.0.1:5433/postgres]
// Without --pg only the SQLite run is made. The machine's load matters: compare the ratios. The result
// is printed and written to bench/results/server-load-<csv|zip>-<rows>.json (or --out <file>).
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { zipSync } from "fflate";
import pg from "pg";
import { writeTracePair } from "./write-trace.mjs";

/** Quick mode: the 1 M-row candidate CSV alone (55 MB; the pair is 112 MB, over the 64 MiB body limit). */
function csvBody() {
  const bytes = readFileSync(pair.candidate);
  return {
    size: bytes.length,
    append: (form) => {
      form.append("topic", "1.2");
    },
    file: () => new File([bytes], "candidate.csv", { type: "text/csv" }),
    field: "candidate",
  };
}

/** --zip true: the pair and a manifest in a zip, which the request path inflates to check the manifest. */
function zipBody() {
  const manifest =
    'topic: "1.2"\nteam: Load Team\nevidence:\n  candidate: candidate.csv\n  baseline: baseline.csv\n';
  const zip = zipSync(
    {
      "claimcheck.yaml": new TextEncoder().encode(manifest),
      "candidate.csv": readFileSync(pair.candidate),
      "baseline.csv": readFileSync(pair.baseline),
    },
    { level: 1 },
  );
  return {
    size: zip.length,
    append: () => undefined,
    file: () => new File([zip], "submission.zip", { type: "application/zip" }),
    field: "submission",
  };
}

const PROBED = ["/", "/api/topics"];
const IDLE_MS = 5000;
const REPO = fileURLToPath(new URL("..", import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : process.argv[i + 1];
};
const rows = Number(arg("rows", "1000000"));
const uploads = Number(arg("uploads", "10"));
const pgServer = arg("pg", process.env.CLAIMCHECK_TEST_PG);

const dir = mkdtempSync(join(tmpdir(), "claimcheck-load-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
const pair = await writeTracePair(dir, rows);
const zipped = arg("zip", "false") === "true";
const body = zipped ? zipBody() : csvBody();
const encoded = await encode(body);
const loadAtStart = loadavg()[0];
log(
  `${uploads} uploads of ${zipped ? "a zipped pair" : "a candidate CSV"} of ${rows} rows (${(body.size / 2 ** 20).toFixed(1)} MiB); ${availableParallelism()} cores, load ${loadavg()[0].toFixed(1)}`,
);

const runs = [];
// --drain-only true: only the two runs that time the workers on stored uploads.
const drainOnly = arg("drain-only", "false") === "true";
if (!drainOnly) runs.push(await run("sqlite, serve's threads", join(dir, "claimcheck.db"), []));
if (pgServer !== undefined) {
  for (const workers of drainOnly ? [] : [1, 2]) {
    const db = await freshDatabase(pgServer, `claimcheck_load_${workers}`);
    runs.push(await run(`postgres, ${workers} worker process${workers === 1 ? "" : "es"}`, db, [workers]));
  }
  // How fast N workers drain the queue: the ten uploads are stored first, then the workers start and
  // have the machine to themselves (while uploads arrive, the server, the database and the client
  // share its cores, and the uploads, one after another, pace the jobs).
  for (const workers of [1, 2]) {
    const db = await freshDatabase(pgServer, `claimcheck_drain_${workers}`);
    const name = `postgres, ${workers} worker process${workers === 1 ? "" : "es"} started after the uploads`;
    runs.push(await run(name, db, [workers], { late: true }));
  }
}
const result = {
  rows,
  uploads,
  body: zipped ? "zip" : "csv",
  bodyMiB: round(body.size / 2 ** 20),
  cores: availableParallelism(),
  loadAtStart: round(loadAtStart),
  measuredAt: new Date().toISOString(),
  runs,
};
const out = arg("out", join(REPO, "bench", "results", `server-load-${result.body}-${rows}.json`));
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
const [one, two, drainOne, drainTwo] = drainOnly ? [undefined, undefined, ...runs] : runs.slice(1);
if (one !== undefined && two !== undefined)
  log(`two workers / one worker wall time: ${(two.wallS / one.wallS).toFixed(2)}`);
if (drainOne !== undefined && drainTwo !== undefined)
  log(
    `two workers / one worker time to verify the ten stored uploads: ${(drainTwo.jobsS / drainOne.jobsS).toFixed(2)}`,
  );
process.exit(0);

// --- internal ---

/** One configuration: a fresh database, serve (+ worker processes), the uploads, probes until all end. */
async function run(name, db, workers, { late = false } = {}) {
  const token = cli(["token", "create", "--team", "Load Team", "--db", db]).trim();
  const external = workers.length > 0;
  const serve = start(["serve", "--port", "0", "--db", db, ...(external ? ["--workers", "0"] : [])]);
  const url = await serve.waitFor(/listening on (http:\/\/\S+)/);
  const children = [serve];
  const startWorkers = async () => {
    const started = Array.from({ length: workers[0] ?? 0 }, () =>
      start(["worker", "--db", db, "--threads", "1"]),
    );
    children.push(...started);
    await Promise.all(started.map((worker) => worker.waitFor(/verifying uploads from/)));
  };
  if (!late) await startWorkers();
  // Warm: the first request of each page loads its code; that is start-up, not load.
  for (const path of PROBED) await (await fetch(`${url}${path}`)).arrayBuffer();
  // The probes run on their own thread: the uploads this thread sends must not delay them. The first
  // seconds, before any upload, give the machine's own floor (a shared machine's load shows there).
  const prober = startProber(url);
  await sleep(IDLE_MS);
  prober.postMessage("uploading");
  const started = performance.now();
  let open = uploads;
  // One upload after another, as clients do; ten 43 MiB bodies at once would measure the body parser.
  const ids = [];
  const posts = [];
  for (let i = 0; i < uploads; i++) {
    const posted = performance.now();
    const response = await fetch(`${url}/api/submissions`, {
      method: "POST",
      body: encoded.bytes,
      headers: { authorization: `Bearer ${token}`, "content-type": encoded.type },
    }).catch((error) => {
      throw new Error(
        `upload failed (${error.cause?.code ?? error.message}); serve said:\n${serve.stderr()}`,
      );
    });
    if (response.status !== 202)
      throw new Error(`upload answered ${response.status}: ${await response.text()}`);
    ids.push((await response.json()).id);
    posts.push(performance.now() - posted);
  }
  const acceptedS = (performance.now() - started) / 1000;
  prober.postMessage("verifying");
  const jobsStarted = performance.now();
  const databaseCpuBefore = databaseCpuS();
  if (late) await startWorkers();
  while (open > 0) {
    await sleep(500);
    const bodies = await Promise.all(
      ids.map(async (id) =>
        (
          await fetch(`${url}/api/submissions/${id}/status`, {
            headers: { authorization: `Bearer ${token}` },
          })
        ).json(),
      ),
    );
    open = bodies.filter((b) => b.status === "queued" || b.status === "running").length;
    if (bodies.some((b) => b.status === "failed"))
      throw new Error(`a job failed: ${JSON.stringify(bodies.find((b) => b.status === "failed"))}`);
  }
  const wallS = (performance.now() - started) / 1000;
  const jobsS = (performance.now() - jobsStarted) / 1000;
  // CPU seconds each process used (the whole run; the workers' from their start), and PostgreSQL's
  // processes over the jobs: on 2 cores, what the jobs compete with.
  const cpuS = {
    serve: cpuSecondsOf(serve.child.pid),
    workers: children.slice(1).map((worker) => cpuSecondsOf(worker.child.pid)),
    postgresDuringJobs: round(databaseCpuS() - databaseCpuBefore),
  };
  prober.postMessage("stop");
  const [probes] = await once(prober, "message");
  if (probes.error !== undefined) throw new Error(`${probes.error}; serve said:\n${serve.stderr()}`);
  for (const child of children) child.child.kill("SIGTERM");
  await Promise.all(children.map((c) => c.exited()));
  const of = (path, phase) =>
    summary(
      probes.list
        .filter((p) => p.path === path && (phase === undefined ? p.phase !== "idle" : p.phase === phase))
        .map((p) => p.ms),
    );
  const result = {
    name,
    acceptedS: round(acceptedS),
    wallS: round(wallS),
    // From the last upload's 202 (with `late`, from the workers' start) to the last verdict.
    jobsS: round(jobsS),
    cpuS,
    postMs: summary(posts),
    probes: Object.fromEntries(PROBED.map((path) => [path, of(path)])),
    phases: Object.fromEntries(
      ["idle", "uploading", "verifying"].map((phase) => [
        phase,
        Object.fromEntries(PROBED.map((path) => [path, of(path, phase)])),
      ]),
    ),
  };
  const p99 = (phase) => PROBED.map((path) => result.phases[phase][path].p99).join(" / ");
  log(
    `${name}: ${uploads} accepted in ${result.acceptedS} s, all verified after ${result.wallS} s; GET / p99 ${result.probes["/"].p99} ms, GET /api/topics p99 ${result.probes["/api/topics"].p99} ms (${result.probes["/"].n} probes each; p99 idle before ${p99("idle")} ms, while uploading ${p99("uploading")} ms, while verifying ${p99("verifying")} ms)`,
  );
  return result;
}

/** A thread that GETs each probed path every 50 ms until told "stop", then posts `{ list }` (or `{ error }`). */
function startProber(url) {
  const code = `
    const { parentPort, workerData } = require("node:worker_threads");
    let phase = "idle";
    let stopped = false;
    parentPort.on("message", (m) => (m === "stop" ? (stopped = true) : (phase = m)));
    (async () => {
      const list = [];
      try {
        while (!stopped) {
          for (const path of workerData.paths) {
            const t = performance.now();
            await (await fetch(workerData.url + path)).arrayBuffer();
            list.push({ path, ms: performance.now() - t, phase });
          }
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        parentPort.postMessage({ list });
      } catch (error) {
        parentPort.postMessage({ error: "a probe failed: " + (error.cause?.code ?? error.message) });
      }
    })();`;
  return new Worker(code, { eval: true, workerData: { url, paths: PROBED } });
}

/** The multipart body of one upload, encoded once (FormData with its File) before any clock starts. */
async function encode(fields) {
  const form = new FormData();
  fields.append(form);
  form.append(fields.field, fields.file());
  const request = new Request("http://claimcheck.test/", { method: "POST", body: form });
  return { type: request.headers.get("content-type"), bytes: new Uint8Array(await request.arrayBuffer()) };
}

function summary(ms) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p) => round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN);
  return { n: sorted.length, p50: at(0.5), p99: at(0.99), max: round(sorted.at(-1) ?? Number.NaN) };
}

async function freshDatabase(server, name) {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

function cli(args) {
  const result = spawnSync(process.execPath, ["bin/claimcheck", ...args], { cwd: REPO, encoding: "utf8" });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout;
}

function start(args) {
  const child = spawn(process.execPath, ["bin/claimcheck", ...args], {
    cwd: REPO,
    stdio: ["ignore", "ignore", "pipe"],
  });
  process.on("exit", () => child.kill("SIGKILL"));
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  return {
    child,
    stderr: () => stderr,
    waitFor: async (pattern) => {
      for (;;) {
        const match = pattern.exec(stderr);
        if (match !== null) return match[1] ?? match[0];
        if (child.exitCode !== null) throw new Error(`claimcheck ${args[0]} exited:\n${stderr}`);
        await sleep(50);
      }
    },
    exited: () =>
      child.exitCode !== null || child.signalCode !== null
        ? Promise.resolve()
        : new Promise((resolve) => child.once("exit", resolve)),
  };
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); NaN elsewhere. */
function cpuSecondsOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return round((Number(fields[11]) + Number(fields[12])) / 100);
  } catch {
    return Number.NaN;
  }
}

/** CPU seconds used so far by every process named postgres on this machine (0 when there is none). */
function databaseCpuS() {
  let total = 0;
  for (const pid of existsSync("/proc") ? readdirSync("/proc") : []) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (!readFileSync(`/proc/${pid}/comm`, "utf8").startsWith("postgres")) continue;
    } catch {
      continue;
    }
    const seconds = cpuSecondsOf(pid);
    if (!Number.isNaN(seconds)) total += seconds;
  }
  return total;
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function round(x) {
  return Math.round(x * 10) / 10;
}

function log(line) {
  process.stderr.write(`${line}\n`);
}
