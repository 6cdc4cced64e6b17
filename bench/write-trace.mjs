// Writes a seeded serving-requests trace pair (candidate replays the baseline's workload) of N rows
// each, streaming, so that 10 M rows (≈ 560 MB per file) never sit in memory as one string.
// Run: node bench/write-trace.mjs --rows 1000000 --dir /tmp/claimcheck-bench
import { once } from "node:events";
import { createWriteStream, mkdirSync } from "node:fs";
import { join } from "node:path";
import { servingTraceLines } from "../scripts/synthetic-trace.mjs";

/** Writes `baseline.csv` and `candidate.csv` into `dir`; returns their paths. */
export async function writeTracePair(dir, rows) {
  mkdirSync(dir, { recursive: true });
  const baseline = join(dir, "baseline.csv");
  const candidate = join(dir, "candidate.csv");
  // Same workload, candidate 2 % faster: the regression targets of topic 1.2 pass with their bounds.
  await writeLines(baseline, servingTraceLines({ seed: 12, rows, qps: 100 }));
  await writeLines(
    candidate,
    servingTraceLines({ seed: 13, workloadSeed: 12, rows, qps: 100, ttftScale: 0.98, tpotScale: 0.98 }),
  );
  return { baseline, candidate };
}

async function writeLines(path, lines) {
  const out = createWriteStream(path);
  let chunk = "";
  for (const line of lines) {
    chunk += `${line}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  out.end(chunk);
  await once(out, "finish");
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i < 0 ? fallback : process.argv[i + 1];
  };
  const paths = await writeTracePair(arg("dir", "bench/.traces"), Number(arg("rows", "1000000")));
  process.stdout.write(`${JSON.stringify(paths)}\n`);
}
