// Writes the comparability fixtures: submissions whose candidate and baseline cannot be compared
// (or can, after the fix), each derived from an example submission of fixtures/.
//
//   node tests/reliability/make-comparability-fixtures.mjs
//
// fixtures/expected-exit-codes.json holds their exit codes; `npm run examples` writes their reports.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = new URL("../../", import.meta.url).pathname;

// 1. 5.7 cost files in two units: the optimized run gives only gpu_hours, the baseline only cost
//    (CNY). Read column against column this was a 98 % "reduction"; now the requirement is invalid.
{
  const dir = "5.7-cost-units";
  copyAll("5.7-pass", dir, ["auto-review.csv", "baseline.csv", "optimized.csv"]);
  // No cost claim: the wrong reading was a silent pass, not a claim mismatch.
  const manifest = read("fixtures/5.7-pass/claimcheck.yaml")
    .replace(
      "# Example: topic 5.7, risk-control model compute. Latency, automatic review rate and cost all hold.",
      "# Example: topic 5.7, cost files in two units: the optimized one gives GPU-hours, the baseline CNY.",
    )
    .replace(/ {2}- requirement: 5.7\/cost-reduction\n {4}value: [\d.]+\n/, "");
  write(`${dir}/claimcheck.yaml`, manifest);
  write(
    `${dir}/cost-optimized.csv`,
    keepColumns("fixtures/5.7-pass/cost-optimized.csv", ["scenario", "requests", "gpu_hours"]),
  );
  write(
    `${dir}/cost-baseline.csv`,
    keepColumns("fixtures/5.7-pass/cost-baseline.csv", ["scenario", "requests", "cost"]),
  );
}

// 2. 4.1 final loss: an FP8 run to step 2000 against a BF16 baseline, as long (pass) or stopped at
//    step 1000 (the common window ends at the candidate's midpoint: inconclusive, no number judged).
{
  const fp8 = lossCurve(2000, 1.004, 11);
  writeLossSubmission(
    "4.1-pass",
    "FP8 and BF16 runs of 2000 steps; the final loss is 0.4 % higher",
    fp8,
    lossCurve(2000, 1, 7),
  );
  writeLossSubmission(
    "4.1-loss-window",
    "the BF16 baseline stopped at step 1000, the FP8 run went on to 2000",
    fp8,
    lossCurve(1000, 1, 7),
  );
}

// 3. 1.2 start-up memory sampled with `nvidia-smi -lms 500` and `-lms 100`: the same run as
//    fixtures/1.2-pass/memory.csv (1 s samples) at 2 and 10 samples a second, a few ms of jitter as
//    nvidia-smi's timestamps have. The reading must equal the 1 s one (it was doubled before).
for (const [dir, perSecond] of [
  ["1.2-memory-lms500", 2],
  ["1.2-memory-lms100", 10],
]) {
  copyAll("1.2-pass", dir, ["baseline-memory.csv", "baseline.csv", "candidate.csv"]);
  const manifest = read("fixtures/1.2-pass/claimcheck.yaml").replace(
    "# Example: topic 1.2, dynamic GPU memory for inference serving. Every requirement holds.",
    `# Example: topic 1.2, the memory timeline recorded with nvidia-smi -lms ${1000 / perSecond}: the same reading as 1 s samples.`,
  );
  write(`${dir}/claimcheck.yaml`, manifest);
  write(`${dir}/memory.csv`, resample("fixtures/1.2-pass/memory.csv", perSecond));
}

// 4. 3.2 heterogeneous loss against a baseline log that ran all_gather only (the candidate's
//    all_reduce has no baseline): invalid.
{
  const dir = "3.2-collective-mismatch";
  copyAll("3.2-pass", dir, ["mixed-cluster.log"]);
  const manifest = read("fixtures/3.2-pass/claimcheck.yaml").replace(
    /^# .*$/m,
    "# Example: topic 3.2, the baseline log holds all_gather only; the loss is about all_reduce.",
  );
  write(`${dir}/claimcheck.yaml`, manifest);
  const lines = read("fixtures/3.2-pass/mixed-cluster.log").split("\n");
  const start = lines.findIndex((l) => l.includes("Collective test starting: all_gather_perf"));
  write(`${dir}/homogeneous.log`, `${lines.slice(0, 1).concat(lines.slice(start)).join("\n")}`);
}

// 5. 1.1 cross-domain loss against a single-domain baseline on half the GPUs: invalid.
{
  const dir = "1.1-world-size";
  copyAll("1.1-pass", dir, ["cross-domain.csv", "homogeneous-910b3.csv", "homogeneous-h100.csv"]);
  write(
    `${dir}/claimcheck.yaml`,
    read("fixtures/1.1-pass/claimcheck.yaml").replace(
      /^# .*$/m,
      "# Example: topic 1.1, the single-domain baseline ran on 16 GPUs, the cross-domain job on 32.",
    ),
  );
  const rows = read("fixtures/1.1-pass/single-domain.csv").split("\n");
  write(
    `${dir}/single-domain.csv`,
    rows.map((r, i) => (i === 0 || r === "" ? r : r.replace(/,32,/, ",16,"))).join("\n"),
  );
}

// --- internal ---

/** A loss curve like a pre-training run's: a power-law decay, a small seeded wobble, logged every 10 steps. */
function lossCurve(steps, scale, seed) {
  let state = seed;
  const noise = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648 - 0.5;
  };
  const rows = [];
  for (let step = 10; step <= steps; step += 10) {
    const loss = scale * (2.1 + 9 * (step / 10) ** -0.45) + 0.01 * noise();
    rows.push({ step, time_ms: 19000 + Math.round(200 * noise()), loss: loss.toFixed(4) });
  }
  return rows;
}

function writeLossSubmission(dir, comment, candidate, baseline) {
  const csv = (rows) =>
    `step,time_ms,global_batch,seq_length,gpus,accelerator,loss\n${rows.map((r) => `${r.step},${r.time_ms},256,4096,64,,${r.loss}`).join("\n")}\n`;
  write(`${dir}/fp8.csv`, csv(candidate));
  write(`${dir}/bf16.csv`, csv(baseline));
  write(
    `${dir}/claimcheck.yaml`,
    [
      `# Example: topic 4.1, ${comment}.`,
      "$schema: ../../schemas/submission.schema.json",
      'topic: "4.1"',
      "team: Example Mixed-Precision Group",
      "system:",
      "  accelerators:",
      "    - { model: huawei-ascend-910b3, count: 64 }",
      "  model: Llama-3-8B, sequence 4096, global batch 256",
      "evidence:",
      "  candidate: fp8.csv",
      "  baseline: bf16.csv",
      "deliverables:",
      "  - requirement: 4.1/framework",
      "    evidence: https://github.com/example-mixed-precision/fp8-trainer",
      "  - requirement: 4.1/papers-ccf-a",
      "    evidence: https://doi.org/10.1145/3620666.3651379",
      "  - requirement: 4.1/software-copyright",
      "    evidence: 2025SR0123456",
      "",
    ].join("\n"),
  );
}

/** The 1 s timeline at `perSecond` samples a second: memory interpolated, utilization held. */
function resample(path, perSecond) {
  const [header, ...rows] = read(path).trimEnd().split("\n");
  const cells = rows.map((r) => r.split(", "));
  const out = [header];
  cells.forEach((row, i) => {
    const next = cells[i + 1] ?? row;
    for (let k = 0; k < (i + 1 < cells.length ? perSecond : 1); k++) {
      const used = Math.round(mib(row[2]) + ((mib(next[2]) - mib(row[2])) * k) / perSecond);
      const ms = Math.round((1000 * k) / perSecond) + ((i * 7 + k * 3) % 4);
      out.push([stamp(row[0], ms), row[1], `${used} MiB`, row[3], row[4]].join(", "));
    }
  });
  return `${out.join("\n")}\n`;
}

function stamp(timestamp, ms) {
  return `${timestamp.slice(0, -3)}${String(ms).padStart(3, "0")}`;
}

function mib(cell) {
  return Number(cell.replace(" MiB", ""));
}

function keepColumns(path, names) {
  const [header, ...rows] = read(path).trimEnd().split("\n");
  const columns = header.split(",");
  const keep = names.map((n) => columns.indexOf(n));
  const pick = (line) => keep.map((k) => line.split(",")[k]).join(",");
  return `${[header, ...rows].map(pick).join("\n")}\n`;
}

function copyAll(from, to, files) {
  mkdirSync(join(ROOT, "fixtures", to), { recursive: true });
  for (const file of files)
    copyFileSync(join(ROOT, "fixtures", from, file), join(ROOT, "fixtures", to, file));
}

function read(path) {
  return readFileSync(join(ROOT, path), "utf8");
}

function write(path, text) {
  const full = join(ROOT, "fixtures", path);
  mkdirSync(join(full, ".."), { recursive: true });
  writeFileSync(full, text);
}
