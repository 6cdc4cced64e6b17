// Writes a seeded pair of `vllm bench serve --save-detailed` result files (candidate replays the
// baseline's workload 2 % faster) of N requests each, streaming: 1 M requests make ≈ 740 MB a file.
// Run: node bench/write-vllm-pair.mjs --rows 100000 --dir /tmp/claimcheck-bench-vllm
import { once } from "node:events";
import { createWriteStream, mkdirSync } from "node:fs";
import { join } from "node:path";
import { vllmDetailedJson } from "../scripts/synthetic-vllm.mjs";

/** Writes `baseline.json` and `candidate.json` into `dir`; returns their paths. */
export async function writeVllmPair(dir, rows) {
  mkdirSync(dir, { recursive: true });
  const baseline = join(dir, "baseline.json");
  const candidate = join(dir, "candidate.json");
  await writePieces(baseline, vllmDetailedJson({ seed: 12, rows }));
  await writePieces(candidate, vllmDetailedJson({ seed: 13, workloadSeed: 12, rows, scale: 0.98 }));
  return { baseline, candidate };
}

/** Writes text pieces to `path` with back-pressure; returns when the file is closed. */
export async function writePieces(path, pieces) {
  const out = createWriteStream(path);
  for (const piece of pieces) if (!out.write(piece)) await once(out, "drain");
  out.end();
  await once(out, "finish");
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i < 0 ? fallback : process.argv[i + 1];
  };
  const paths = await writeVllmPair(arg("dir", "bench/.traces-vllm"), Number(arg("rows", "100000")));
  process.stdout.write(`${JSON.stringify(paths)}\n`);
}
