// Seeded synthetic traces for fixtures and benchmarks: lognormal TTFT/TPOT, Poisson arrivals.

/** mulberry32: small, seeded, good enough for synthetic traces. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function normal(rand) {
  const u = 1 - rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/**
 * One serving trace: Poisson arrivals at `qps` and prompt/output lengths drawn from `workloadSeed` (so a
 * baseline and a candidate can replay the same trace), lognormal TTFT and TPOT noise from `seed`, scaled
 * by `ttftScale`/`tpotScale`.
 */
export function servingTrace(options) {
  return `${[...servingTraceLines(options)].join("\n")}\n`;
}

/** The same trace line by line (header first, no newlines), for traces too big for one string. */
export function* servingTraceLines({
  seed,
  workloadSeed = seed,
  rows,
  qps = 8,
  ttftScale = 1,
  tpotScale = 1,
  errorRate = 0.002,
}) {
  const rand = random(seed);
  const work = random(workloadSeed);
  yield "request_id,start_s,ttft_ms,tpot_ms,e2e_ms,input_tokens,output_tokens,status";
  let t = 0;
  for (let i = 0; i < rows; i++) {
    t += -Math.log(1 - work()) / qps;
    const input = Math.round(200 + work() * 1800);
    const output = Math.max(2, Math.round(Math.exp(5 + 0.6 * normal(work))));
    const ttft = ttftScale * (40 + 0.05 * input) * Math.exp(0.35 * normal(rand));
    const tpot = tpotScale * 18 * Math.exp(0.2 * normal(rand));
    const e2e = ttft + tpot * (output - 1);
    const failed = rand() < errorRate;
    yield failed
      ? `req-${i},${t.toFixed(4)},,,,${input},0,error`
      : `req-${i},${t.toFixed(4)},${ttft.toFixed(3)},${tpot.toFixed(3)},${e2e.toFixed(3)},${input},${output},ok`;
  }
}

/** nvidia-smi --query-gpu=timestamp,index,memory.used,memory.total,utilization.gpu --format=csv */
export function memoryTimeline({
  gpus = 1,
  totalMiB = 81559,
  idleMiB,
  peakMiB,
  seconds = 120,
  firstRequestAt = 30,
  busyPct = 60,
}) {
  const lines = ["timestamp, index, memory.used [MiB], memory.total [MiB], utilization.gpu [%]"];
  const start = Date.UTC(2026, 9, 12, 8, 0, 0);
  for (let s = 0; s < seconds; s++) {
    for (let g = 0; g < gpus; g++) {
      const loading = s < 10 ? (idleMiB * s) / 10 : idleMiB;
      const used =
        s < firstRequestAt ? loading : idleMiB + (peakMiB - idleMiB) * Math.min(1, (s - firstRequestAt) / 20);
      const util = s < firstRequestAt ? 0 : busyPct + ((s * 7 + g * 13) % 35);
      const stamp = new Date(start + s * 1000)
        .toISOString()
        .replace("T", " ")
        .replace(/-/g, "/")
        .replace("Z", "");
      lines.push(`${stamp}, ${g}, ${Math.round(used)} MiB, ${totalMiB} MiB, ${util} %`);
    }
  }
  return `${lines.join("\n")}\n`;
}
