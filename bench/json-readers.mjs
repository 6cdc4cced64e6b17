// The streaming readers of the big per-request JSON logs against the general reader they replace, in
// the same run on the same seeded file: GenAI-Perf profile_export.json, AIPerf profile_export.jsonl and
// LLMPerf individual responses of N requests (scripts/synthetic-serving-json.mjs), each read whole
// (`general`) and as it streams in (`streamed`), with DuckDB's read_json beside them where it reads
// the format (AIPerf, LLMPerf; GenAI-Perf's SSE responses need parsing inside strings, which SQL does
// not do). Each side runs in its own child process, alternately, `--runs` times; wall time is taken
// here, CPU time (user + system, all threads) and peak RSS by the child (bench/report-rss.mjs): on a
// shared machine the CPU time is the steadier measure. Writes bench/results/json-readers-<rows>.json.
// Run: npm run build && node bench/json-readers.mjs --rows 100000 [--runs 3] [--formats aiperf-jsonl,...]
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import {
  aiperfJsonlOfVllm,
  genaiPerfExportOfVllm,
  llmperfResponsesOfVllm,
} from "../scripts/synthetic-serving-json.mjs";
import { writePieces } from "./write-vllm-pair.mjs";

const ROOT = new URL("..", import.meta.url).pathname;
const rows = Number(option("rows", "100000"));
const runs = Number(option("runs", "3"));
const dir = option("dir", join(tmpdir(), `claimcheck-bench-json-${rows}`));
const FORMATS = {
  "genai-perf-export": { name: "profile_export.json", write: genaiPerfExportOfVllm, peer: false },
  "aiperf-jsonl": { name: "profile_export.jsonl", write: aiperfJsonlOfVllm, peer: true },
  "llmperf-responses": { name: "individual_responses.json", write: llmperfResponsesOfVllm, peer: true },
};
const chosen = option("formats", Object.keys(FORMATS).join(",")).split(",");

mkdirSync(dir, { recursive: true });
const results = {};
for (const format of chosen) {
  const spec = FORMATS[format];
  const path = join(dir, spec.name);
  if (!existsSync(path)) await writePieces(path, spec.write({ seed: 12, rows }));
  const sides = {
    general: ["bench/json-reader-child.mjs", "general", format, path],
    streamed: ["bench/json-reader-child.mjs", "streamed", format, path],
    ...(spec.peer ? { duckdb: ["bench/duckdb-peer-json.mjs", format, path] } : {}),
  };
  const samples = Object.fromEntries(Object.keys(sides).map((name) => [name, []]));
  const outputs = {};
  for (let run = 1; run <= runs; run++)
    for (const [name, args] of Object.entries(sides)) {
      const sample = measure(args);
      const { cpu_s, ...output } = JSON.parse(sample.stdout);
      samples[name].push({ wall_s: sample.wall_s, cpu_s: round(cpu_s), peak_rss_mb: sample.peak_rss_mb });
      outputs[name] = output;
      process.stderr.write(
        `${format} run ${run}/${runs} ${name}: ${sample.wall_s} s, ${round(cpu_s)} s CPU, ${sample.peak_rss_mb} MB\n`,
      );
    }
  const median = Object.fromEntries(
    Object.entries(samples).map(([name, list]) => [
      name,
      {
        wall_s: middle(list.map((s) => s.wall_s)),
        cpu_s: middle(list.map((s) => s.cpu_s)),
        peak_rss_mb: middle(list.map((s) => s.peak_rss_mb)),
      },
    ]),
  );
  results[format] = {
    bytes: statSync(path).size,
    runs: samples,
    median,
    streamed_vs_general: {
      wall: round(median.streamed.wall_s / median.general.wall_s),
      cpu: round(median.streamed.cpu_s / median.general.cpu_s),
      peak_rss: round(median.streamed.peak_rss_mb / median.general.peak_rss_mb),
    },
    ...(median.duckdb === undefined
      ? {}
      : {
          streamed_vs_duckdb: {
            wall: round(median.streamed.wall_s / median.duckdb.wall_s),
            cpu: round(median.streamed.cpu_s / median.duckdb.cpu_s),
            peak_rss: round(median.streamed.peak_rss_mb / median.duckdb.peak_rss_mb),
          },
        }),
    same_result: JSON.stringify(outputs.general) === JSON.stringify(outputs.streamed),
    largest_difference_from_duckdb:
      outputs.duckdb === undefined ? null : largestDifference(outputs.streamed, outputs.duckdb),
  };
  process.stdout.write(
    `${format}: ${JSON.stringify(results[format].median)} ${JSON.stringify(results[format].streamed_vs_general)}\n`,
  );
}
const result = {
  compared:
    "one file per format of N seeded requests, parsed by the format's adapter: parse() of the whole file (general) vs parseChunks() of 4 MiB chunks (streamed), both through the file edge with its SHA-256; DuckDB read_json + mean and quantile_cont p50/p90/p99 of TTFT and E2E over successful requests where it reads the format",
  rows_per_file: rows,
  machine: {
    load_average_1m: Number(loadavg()[0]?.toFixed(1)),
    cpus: cpus().length,
    model: cpus()[0]?.model,
    memory_gb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  },
  formats: results,
};
mkdirSync(join(ROOT, "bench/results"), { recursive: true });
const some = chosen.length < Object.keys(FORMATS).length ? `${chosen.join("+")}-` : "";
const out = join(ROOT, `bench/results/json-readers-${some}${rows}.json`);
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`written to ${out}\n`);

// --- internal ---

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : process.argv[i + 1];
}

function measure(args) {
  const rssFile = join(tmpdir(), `claimcheck-bench-rss-${process.pid}`);
  rmSync(rssFile, { force: true });
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ["--import", join(ROOT, "bench/report-rss.mjs"), ...args], {
    cwd: ROOT,
    env: { ...process.env, CLAIMCHECK_BENCH_RSS: rssFile },
    maxBuffer: 1 << 30,
    encoding: "utf8",
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) throw new Error(`${args.join(" ")} exited ${child.status}: ${child.stderr}`);
  return {
    wall_s: round(wall),
    peak_rss_mb: Math.round(Number(readFileSync(rssFile, "utf8")) / 1024),
    stdout: child.stdout,
  };
}

function middle(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function round(value) {
  return Math.round(value * 1000) / 1000;
}

/** Both must agree: the largest relative difference of a statistic between claimcheck and DuckDB. */
function largestDifference(ours, duck) {
  let largest = 0;
  for (const metric of ["ttft_ms", "e2e_ms"])
    for (const key of ["mean", "p50", "p90", "p99"])
      largest = Math.max(
        largest,
        Math.abs(ours[metric][key] - duck[metric][key]) / Math.abs(duck[metric][key]),
      );
  return Number(largest.toPrecision(3));
}
