// How long does one upload hold the server's event loop? A 1 M-row candidate CSV (55 MiB, quick
// mode) and the zipped pair (manifest + candidate + baseline) are posted to `createApp` in this
// process, streamed in 64 KiB chunks as a socket delivers them, while `monitorEventLoopDelay` samples
// the loop every millisecond. No job runs (the uploads stay queued): this measures the request path
// alone, multipart parsing, hashing, a zip's inflation and storing (issue 16: no step over ~10 ms).
// Run after `npm run build`: node bench/upload-loop-delay.mjs [--rows 1000000] [--out <file>]
// Writes bench/results/upload-loop-delay-<rows>.json.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { zipSync } from "fflate";
import { createApp, createSqliteStore } from "../dist/index.js";
import { writeTracePair } from "./write-trace.mjs";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : process.argv[i + 1];
};
const rows = Number(arg("rows", "1000000"));
const dir = mkdtempSync(join(tmpdir(), "claimcheck-loop-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
const pair = await writeTracePair(dir, rows);
const candidate = readFileSync(pair.candidate);
const manifest =
  'topic: "1.2"\nteam: Load Team\nevidence:\n  candidate: candidate.csv\n  baseline: baseline.csv\n';
const zip = zipSync(
  {
    "claimcheck.yaml": new TextEncoder().encode(manifest),
    "candidate.csv": candidate,
    "baseline.csv": readFileSync(pair.baseline),
  },
  { level: 1 },
);
const bodies = {
  csv: { topic: "1.2", candidate: new File([candidate], "candidate.csv", { type: "text/csv" }) },
  zip: { submission: new File([zip], "submission.zip", { type: "application/zip" }) },
};

const store = createSqliteStore(join(dir, "claimcheck.db"));
const token = await store.createToken({ role: "team", team: "Load Team" }, new Date().toISOString());
const handle = createApp({ store, log: (line) => process.stderr.write(`${line}\n`) });
// Warm: the first upload loads the topics and compiles the code paths; that is start-up, not load.
const warm = new FormData();
warm.append("topic", "1.2");
warm.append("candidate", new File([candidate.subarray(0, candidate.indexOf(10, 4096) + 1)], "warm.csv"));
await handle(
  new Request("http://claimcheck.test/api/submissions", {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: warm,
  }),
);
const results = {};
for (const [kind, fields] of Object.entries(bodies)) {
  // Encoded before the clock starts: the client's work is not the server's.
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const encoded = new Request("http://claimcheck.test/", { method: "POST", body: form });
  const type = encoded.headers.get("content-type");
  const body = Buffer.from(await encoded.arrayBuffer());
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const started = performance.now();
  const response = await handle(
    new Request("http://claimcheck.test/api/submissions", {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": type,
        "content-length": String(body.length),
      },
      body: chunked(body, 64 * 1024),
      duplex: "half",
    }),
  );
  const postMs = performance.now() - started;
  delay.disable();
  if (response.status !== 202) throw new Error(`${kind}: ${response.status} ${await response.text()}`);
  results[kind] = {
    bodyMiB: round(body.length / 2 ** 20),
    postMs: round(postMs),
    // The histogram holds how late each 1 ms timer fired, in ns; the max is the longest blocking step.
    loopDelayMs: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) },
  };
  process.stderr.write(`${kind}: ${JSON.stringify(results[kind])}\n`);
}
await store.close();
const result = { rows, load: round(loadavg()[0]), measuredAt: new Date().toISOString(), results };
const out = arg("out", join(REPO, "bench", "results", `upload-loop-delay-${rows}.json`));
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));

// --- internal ---

/** The body as a stream of `size`-byte chunks, each on its own turn of the loop, as from a socket. */
function chunked(bytes, size) {
  let at = 0;
  return new ReadableStream({
    async pull(controller) {
      await new Promise((resolve) => setImmediate(resolve));
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, at + size));
      at += size;
    },
  });
}

function ms(ns) {
  return round(ns / 1e6);
}

function round(x) {
  return Math.round(x * 10) / 10;
}
