// Side by side: claimcheck's full `verify` of a topic 1.2 quick-mode job (candidate + baseline
// request logs: parse, validate, every latency metric with its bound, judge, JSON report) against
// DuckDB computing the mean and p50/p90/p95/p99 of the same latency columns of the same two files.
// `--format` picks the files: `csv` (canonical serving-requests CSV), `vllm-json` (`vllm bench serve
// --save-detailed` result JSON, DuckDB's read_json) or `csv-gz` (the CSVs gzipped, read compressed by
// both). Each side runs in its own child process, alternately, `--runs` times; wall time is taken by
// this script, peak RSS by the child itself (bench/report-rss.mjs), the load average before each run
// by os.loadavg() (the machine may be shared: the ratio of a run is what counts). Prints medians and
// ratios and writes them to bench/results/compare-<rows>.json (csv) or compare-<format>-<rows>.json;
// `--tag run2` makes it compare-<format>-<rows>-run2.json, so consecutive invocations are all kept.
// Run: npm run bench:compare -- --rows 1000000 [--format csv] [--runs 3] [--tag run1] [--dir DIR]
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { gzipPair } from "./gzip-pair.mjs";
import { writeTracePair } from "./write-trace.mjs";
import { writeVllmPair } from "./write-vllm-pair.mjs";

const ROOT = new URL("..", import.meta.url).pathname;
const rows = Number(option("rows", "1000000"));
const runs = Number(option("runs", "3"));
const format = option("format", "csv");
const dir = option("dir", join(tmpdir(), `claimcheck-bench-${format}-${rows}`));
const tag = option("tag", undefined);

/** Per format: the file names, how to write them, DuckDB's side, and what is compared. */
const FORMATS = {
  csv: {
    names: ["candidate.csv", "baseline.csv"],
    write: () => writeTracePair(dir, rows),
    peer: "bench/duckdb-peer.mjs",
    compared:
      "claimcheck verify --topic 1.2 --candidate --baseline --format json (full job) vs DuckDB mean + quantile_cont p50/p90/p95/p99 of ttft_ms, tpot_ms, e2e_ms over status = 'ok', both files",
  },
  "vllm-json": {
    names: ["candidate.json", "baseline.json"],
    write: () => writeVllmPair(dir, rows),
    peer: "bench/duckdb-peer-vllm.mjs",
    compared:
      "claimcheck verify --topic 1.2 --candidate --baseline --format json (full job) on vllm bench serve --save-detailed result JSON vs DuckDB read_json + unnest + mean and quantile_cont p50/p90/p95/p99 of TTFT, TPOT, ITL, E2E (ms) over successful requests, both files",
  },
  "csv-gz": {
    names: ["candidate.csv.gz", "baseline.csv.gz"],
    write: async () => gzipPair(await writeTracePair(dir, rows)),
    peer: "bench/duckdb-peer.mjs",
    compared:
      "claimcheck verify --topic 1.2 --candidate --baseline --format json (full job) on gzipped serving-requests CSVs vs DuckDB read_csv of the same .csv.gz + mean and quantile_cont p50/p90/p95/p99 of ttft_ms, tpot_ms, e2e_ms over status = 'ok', both files",
  },
};
const spec = FORMATS[format];
if (spec === undefined) throw new Error(`--format must be one of ${Object.keys(FORMATS).join(", ")}`);
const [candidate, baseline] = spec.names.map((name) => join(dir, name));
const files = existsSync(candidate) && existsSync(baseline) ? { candidate, baseline } : await spec.write();
const sides = {
  claimcheck: [
    join(ROOT, "bin/claimcheck"),
    ...["verify", "--topic", "1.2", "--candidate", files.candidate, "--baseline", files.baseline],
    ...["--format", "json"],
  ],
  duckdb: [join(ROOT, spec.peer), files.candidate, files.baseline],
};

const samples = { claimcheck: [], duckdb: [] };
let outputs = {};
for (let run = 1; run <= runs; run++) {
  for (const [name, args] of Object.entries(sides)) {
    const sample = measure(args);
    samples[name].push(sample);
    outputs[name] = sample.stdout;
    process.stderr.write(
      `run ${run}/${runs} ${name}: ${sample.wall_s.toFixed(3)} s, ${sample.peak_rss_mb} MB\n`,
    );
  }
}
outputs = { claimcheck: JSON.parse(outputs.claimcheck), duckdb: JSON.parse(outputs.duckdb) };
const median = Object.fromEntries(
  Object.entries(samples).map(([name, list]) => [
    name,
    { wall_s: middle(list.map((s) => s.wall_s)), peak_rss_mb: middle(list.map((s) => s.peak_rss_mb)) },
  ]),
);
const result = {
  compared: spec.compared,
  format,
  rows_per_file: rows,
  bytes: statSync(files.candidate).size + statSync(files.baseline).size,
  machine: {
    cpus: cpus().length,
    model: cpus()[0]?.model,
    memory_gb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  },
  runs: samples.claimcheck.map((c, i) => ({
    claimcheck: strip(c),
    duckdb: strip(samples.duckdb[i]),
    ratio: round(c.wall_s / samples.duckdb[i].wall_s),
  })),
  load_average_1m: { start: samples.claimcheck[0]?.load_1m, end: round(loadavg()[0] ?? 0) },
  median,
  ratio: round(median.claimcheck.wall_s / median.duckdb.wall_s),
  ...compareStatistics(outputs.claimcheck, outputs.duckdb, files),
};
mkdirSync(join(ROOT, "bench/results"), { recursive: true });
const out = join(
  ROOT,
  `bench/results/compare-${format === "csv" ? "" : `${format}-`}${rows}${tag === undefined ? "" : `-${tag}`}.json`,
);
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(
  `${format}, ${rows} rows × 2 files: claimcheck ${median.claimcheck.wall_s} s, ${median.claimcheck.peak_rss_mb} MB; DuckDB ${median.duckdb.wall_s} s, ${median.duckdb.peak_rss_mb} MB; ratio ${result.ratio} (medians of ${runs}; largest relative difference of the ${result.statistics_compared} statistics compared ${result.largest_difference})\nwritten to ${out}\n`,
);

// --- internal ---

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : process.argv[i + 1];
}

function measure(args) {
  const rssFile = join(tmpdir(), `claimcheck-bench-rss-${process.pid}`);
  rmSync(rssFile, { force: true });
  const load_1m = round(loadavg()[0] ?? 0);
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ["--import", join(ROOT, "bench/report-rss.mjs"), ...args], {
    env: { ...process.env, CLAIMCHECK_BENCH_RSS: rssFile },
    maxBuffer: 1 << 30,
    encoding: "utf8",
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  // verify exits 2 here: topic 1.2's memory requirements are missing in a latency-only job.
  if (child.status !== 0 && child.status !== 2)
    throw new Error(`${args[0]} exited ${child.status}: ${child.stderr}`);
  return {
    wall_s: round(wall),
    load_1m,
    peak_rss_mb: Math.round(Number(readFileSync(rssFile, "utf8")) / 1024),
    stdout: child.stdout,
  };
}

function strip({ wall_s, peak_rss_mb, load_1m }) {
  return { wall_s, peak_rss_mb, load_1m };
}

function middle(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function round(value) {
  return Math.round(value * 1000) / 1000;
}

/**
 * Both sides must agree: the largest relative difference between claimcheck's and DuckDB's numbers,
 * and how many were compared (none compared would make the largest difference 0 and prove nothing).
 */
function compareStatistics(report, duck, paths) {
  let largest = 0;
  let compared = 0;
  for (const [role, path] of Object.entries(paths)) {
    for (const stat of report.statistics.filter((s) => s.role === role)) {
      const peer = duck[path][stat.metric];
      if (peer === undefined) continue;
      for (const key of ["mean", "p50", "p90", "p99"]) {
        largest = Math.max(largest, Math.abs(stat[key] - peer[key]) / Math.abs(peer[key]));
        compared++;
      }
    }
  }
  return { statistics_compared: compared, largest_difference: Number(largest.toPrecision(3)) };
}
