// Writes the example submissions under fixtures/ from a seeded generator, so every number in them
// can be regenerated and reviewed. Run: node scripts/generate-fixtures.mjs
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = new URL("../fixtures/", import.meta.url).pathname;

/** mulberry32: small, seeded, good enough for synthetic traces. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(rand) {
  const u = 1 - rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** One serving trace: lognormal TTFT and TPOT scaled by `ttftScale`/`tpotScale`, Poisson arrivals at `qps`. */
export function servingTrace({ seed, rows, qps = 8, ttftScale = 1, tpotScale = 1, errorRate = 0.002 }) {
  const rand = random(seed);
  const lines = ["request_id,start_s,ttft_ms,tpot_ms,e2e_ms,input_tokens,output_tokens,status"];
  let t = 0;
  for (let i = 0; i < rows; i++) {
    t += -Math.log(1 - rand()) / qps;
    const input = Math.round(200 + rand() * 1800);
    const output = Math.max(2, Math.round(Math.exp(5 + 0.6 * normal(rand))));
    const ttft = ttftScale * (40 + 0.05 * input) * Math.exp(0.35 * normal(rand));
    const tpot = tpotScale * 18 * Math.exp(0.2 * normal(rand));
    const e2e = ttft + tpot * (output - 1);
    const failed = rand() < errorRate;
    lines.push(
      failed
        ? `req-${i},${t.toFixed(4)},,,,${input},0,error`
        : `req-${i},${t.toFixed(4)},${ttft.toFixed(3)},${tpot.toFixed(3)},${e2e.toFixed(3)},${input},${output},ok`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** nvidia-smi --query-gpu=timestamp,index,memory.used,memory.total,utilization.gpu --format=csv */
export function memoryTimeline({ gpus = 1, totalMiB = 81559, idleMiB, peakMiB, seconds = 120, firstRequestAt = 30 }) {
  const lines = ["timestamp, index, memory.used [MiB], memory.total [MiB], utilization.gpu [%]"];
  const start = Date.UTC(2026, 9, 12, 8, 0, 0);
  for (let s = 0; s < seconds; s++) {
    for (let g = 0; g < gpus; g++) {
      const loading = s < 10 ? (idleMiB * s) / 10 : idleMiB;
      const used = s < firstRequestAt ? loading : idleMiB + ((peakMiB - idleMiB) * Math.min(1, (s - firstRequestAt) / 20));
      const util = s < firstRequestAt ? 0 : 60 + ((s * 7 + g * 13) % 35);
      const stamp = new Date(start + s * 1000).toISOString().replace("T", " ").replace(/-/g, "/").replace("Z", "");
      lines.push(`${stamp}, ${g}, ${Math.round(used)} MiB, ${totalMiB} MiB, ${util} %`);
    }
  }
  return `${lines.join("\n")}\n`;
}

function write(dir, files) {
  mkdirSync(join(ROOT, dir), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(ROOT, dir, name), text);
}

const N = 3000;
const baseline = (seed) => servingTrace({ seed, rows: N });

// Topic 1.2: dynamic memory. Candidate ~8 % faster at p99 → passes the ≤ 5 % regression with its bound.
write("1.2-pass", {
  "baseline.csv": baseline(12),
  "candidate.csv": servingTrace({ seed: 13, rows: N, ttftScale: 0.9, tpotScale: 0.92 }),
  "memory.csv": memoryTimeline({ idleMiB: 15800, peakMiB: 70500 }),
});
// 20 % slower: fails.
write("1.2-fail", {
  "baseline.csv": baseline(22),
  "candidate.csv": servingTrace({ seed: 23, rows: N, ttftScale: 1.2, tpotScale: 1.2 }),
});
// 2 % slower on 400 requests: the point estimate meets ≤ 5 %, its bound does not.
write("1.2-inconclusive", {
  "baseline.csv": servingTrace({ seed: 32, rows: 400 }),
  "candidate.csv": servingTrace({ seed: 33, rows: 400, ttftScale: 1.0, tpotScale: 1.0 }),
});
// Topic 1.5: consolidated vs alone, on a 24 GB card.
write("1.5-pass", {
  "alone.csv": servingTrace({ seed: 52, rows: N, qps: 4 }),
  "consolidated.csv": servingTrace({ seed: 53, rows: N, qps: 4, ttftScale: 0.97, tpotScale: 0.93 }),
  "memory.csv": memoryTimeline({ totalMiB: 23028, idleMiB: 9800, peakMiB: 21900 }),
});
// Topic 4.2: online service with and without co-location.
write("4.2-pass", {
  "online-alone.csv": servingTrace({ seed: 42, rows: N }),
  "online-colocated.csv": servingTrace({ seed: 43, rows: N, ttftScale: 0.9, tpotScale: 0.91, errorRate: 0.001 }),
});
// Topic 5.7: risk-control model, p99 latency improvement ≥ 20 %.
write("5.7-pass", {
  "baseline.csv": servingTrace({ seed: 72, rows: N }),
  "optimized.csv": servingTrace({ seed: 73, rows: N, ttftScale: 0.62, tpotScale: 0.62 }),
});
console.log(`fixtures written under ${ROOT}`);
