// Load test of `claimcheck serve` with verification as jobs (issue 16): while ten 1 M-row uploads are
// verified, how long do `GET /` and `GET /api/topics` take (p50, p99; target p99 < 100 ms), and how
// long do the ten jobs take with the embedded SQLite queue (serve's own threads) and on PostgreSQL
// with one and with two `claimcheck worker` processes (one thread each)?
//
// Each upload is a zipped submission (manifest + a 1 M-row candidate/baseline pair from
// bench/write-trace.mjs; 112 MB of CSV does not fit the 64 MiB body limit unzipped).
// Run after `npm run build`:
//   node bench/server-load.mjs --rows 1000000 --uploads 10 --pg postgres://postgres@127.0.0.1:5433/postgres
// Without --pg only the SQLite run is made. The machine's load matters: compare the ratios.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
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
log(
  `${uploads} uploads of ${zipped ? "a zipped pair" : "a candidate CSV"} of ${rows} rows (${(body.size / 2 ** 20).toFixed(1)} MiB); ${availableParallelism()} cores, load ${loadavg()[0].toFixed(1)}`,
);

const runs = [];
runs.push(await run("sqlite, serve's threads", join(dir, "claimcheck.db"), []));
if (pgServer !== undefined) {
  for (const workers of [1, 2]) {
    const db = await freshDatabase(pgServer, `claimcheck_load_${workers}`);
    runs.push(await run(`postgres, ${workers} worker process${workers === 1 ? "" : "es"}`, db, [workers]));
  }
}
console.log(JSON.stringify({ rows, uploads, cores: availableParallelism(), runs }, null, 2));
const [one, two] = runs.slice(1);
if (one !== undefined && two !== undefined)
  log(`two workers / one worker wall time: ${(two.wallS / one.wallS).toFixed(2)}`);

// --- internal ---

/** One configuration: a fresh database, serve (+ worker processes), the uploads, probes until all end. */
async function run(name, db, workers) {
  const token = cli(["token", "create", "--team", "Load Team", "--db", db]).trim();
  const external = workers.length > 0;
  const serve = start(["serve", "--port", "0", "--db", db, ...(external ? ["--workers", "0"] : [])]);
  const url = await serve.waitFor(/listening on (http:\/\/\S+)/);
  const children = [serve];
  for (let i = 0; i < (workers[0] ?? 0); i++) {
    const worker = start(["worker", "--db", db, "--threads", "1"]);
    await worker.waitFor(/verifying uploads from/);
    children.push(worker);
  }
  const started = performance.now();
  // One upload after another, as clients do; ten 43 MiB bodies at once would measure the body parser.
  const ids = [];
  for (let i = 0; i < uploads; i++) {
    const form = new FormData();
    body.append(form);
    form.append(body.field, body.file());
    const response = await fetch(`${url}/api/submissions`, {
      method: "POST",
      body: form,
      headers: { authorization: `Bearer ${token}` },
    }).catch((error) => {
      throw new Error(
        `upload failed (${error.cause?.code ?? error.message}); serve said:\n${serve.stderr()}`,
      );
    });
    if (response.status !== 202)
      throw new Error(`upload answered ${response.status}: ${await response.text()}`);
    ids.push((await response.json()).id);
  }
  const acceptedS = (performance.now() - started) / 1000;
  const probes = { "/": [], "/api/topics": [] };
  let open = ids.length;
  const probing = (async () => {
    while (open > 0) {
      for (const path of Object.keys(probes)) {
        const t = performance.now();
        await (await fetch(`${url}${path}`)).arrayBuffer();
        probes[path].push(performance.now() - t);
      }
      await sleep(50);
    }
  })();
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
  await probing;
  for (const child of children) child.child.kill("SIGTERM");
  await Promise.all(children.map((c) => c.exited()));
  const result = {
    name,
    acceptedS: round(acceptedS),
    wallS: round(wallS),
    probes: Object.fromEntries(Object.entries(probes).map(([path, ms]) => [path, summary(ms)])),
  };
  log(
    `${name}: ${uploads} accepted in ${result.acceptedS} s, all verified after ${result.wallS} s; GET / p99 ${result.probes["/"].p99} ms, GET /api/topics p99 ${result.probes["/api/topics"].p99} ms (${result.probes["/"].n} probes each)`,
  );
  return result;
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

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function round(x) {
  return Math.round(x * 10) / 10;
}

function log(line) {
  process.stderr.write(`${line}\n`);
}
