// Writes the example submissions under fixtures/ from a seeded generator, so every number in them
// can be regenerated and reviewed. Run: node scripts/generate-fixtures.mjs
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { memoryTimeline, servingTrace } from "./synthetic-trace.mjs";

const ROOT = new URL("../fixtures/", import.meta.url).pathname;

function write(dir, files) {
  mkdirSync(join(ROOT, dir), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(ROOT, dir, name), text);
}

const N = 3000;
const baseline = (seed) => servingTrace({ seed, rows: N });
// Candidates replay their baseline's trace (workloadSeed = the baseline's seed), as the topics ask.

// Topic 1.2: dynamic memory. Candidate ~8 % faster at p99 → passes the ≤ 5 % regression with its bound.
write("1.2-pass", {
  "baseline.csv": baseline(12),
  "candidate.csv": servingTrace({ seed: 13, workloadSeed: 12, rows: N, ttftScale: 0.9, tpotScale: 0.92 }),
  "memory.csv": memoryTimeline({ idleMiB: 15800, peakMiB: 70500 }),
  // Static pre-allocation: 90 % of memory taken at start-up, and a lone service keeps the GPU less busy.
  "baseline-memory.csv": memoryTimeline({ idleMiB: 73400, peakMiB: 73400, busyPct: 35 }),
});
// 20 % slower: fails.
write("1.2-fail", {
  "baseline.csv": baseline(22),
  "candidate.csv": servingTrace({ seed: 23, workloadSeed: 22, rows: N, ttftScale: 1.2, tpotScale: 1.2 }),
});
// 2 % faster on only 400 requests: the point estimates meet ≤ 5 %, their upper bounds do not.
write("1.2-inconclusive", {
  "baseline.csv": servingTrace({ seed: 102, rows: 400 }),
  "candidate.csv": servingTrace({
    seed: 1102,
    workloadSeed: 102,
    rows: 400,
    ttftScale: 0.98,
    tpotScale: 0.98,
  }),
});
// Topic 1.5: consolidated vs alone, on a 24 GB card.
write("1.5-pass", {
  "alone.csv": servingTrace({ seed: 52, rows: N, qps: 4 }),
  "consolidated.csv": servingTrace({
    seed: 53,
    workloadSeed: 52,
    rows: N,
    qps: 4,
    ttftScale: 0.97,
    tpotScale: 0.93,
  }),
  "memory.csv": memoryTimeline({ totalMiB: 23028, idleMiB: 9800, peakMiB: 21900 }),
});
// Topic 1.5 with one pair per model: the 1.5-pass pair as Qwen, and a Llama pair whose TPOT is
// 2.24 × the same model alone (+124 % p99 TPOT). Each model is judged: the Llama pair fails 1.5.
write("1.5-two-models-fail", {
  "alone-qwen.csv": servingTrace({ seed: 52, rows: N, qps: 4 }),
  "consolidated-qwen.csv": servingTrace({
    seed: 53,
    workloadSeed: 52,
    rows: N,
    qps: 4,
    ttftScale: 0.97,
    tpotScale: 0.93,
  }),
  "alone-llama.csv": servingTrace({ seed: 56, rows: N, qps: 3 }),
  "consolidated-llama.csv": servingTrace({
    seed: 57,
    workloadSeed: 56,
    rows: N,
    qps: 3,
    ttftScale: 1.02,
    tpotScale: 2.24,
  }),
  "memory.csv": memoryTimeline({ totalMiB: 23028, idleMiB: 9800, peakMiB: 21900 }),
});
// Topic 4.2: online service with and without co-location.
write("4.2-pass", {
  "online-alone.csv": servingTrace({ seed: 42, rows: N }),
  "online-colocated.csv": servingTrace({
    seed: 43,
    workloadSeed: 42,
    rows: N,
    ttftScale: 0.9,
    tpotScale: 0.91,
    errorRate: 0.001,
  }),
});
// Topic 5.7: risk-control model, p99 latency improvement ≥ 20 %.
write("5.7-pass", {
  "baseline.csv": servingTrace({ seed: 72, rows: N }),
  "optimized.csv": servingTrace({ seed: 73, workloadSeed: 72, rows: N, ttftScale: 0.62, tpotScale: 0.62 }),
});
console.log(`fixtures written under ${ROOT}`);
