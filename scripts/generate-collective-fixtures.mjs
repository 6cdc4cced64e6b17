// Writes the collective and training example submissions under fixtures/ (topics 3.2 and 1.1) from a
// seeded generator. The nccl-tests logs follow the tool's own printf layout (src/util.cu), so they
// parse exactly as real ones do. Run: node scripts/generate-collective-fixtures.mjs
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { normal, random } from "./synthetic-trace.mjs";

const ROOT = new URL("../fixtures/", import.meta.url).pathname;

function write(dir, files) {
  mkdirSync(join(ROOT, dir), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(ROOT, dir, name), text);
}

// --- nccl-tests stdout ---------------------------------------------------------------------------

const FACTOR = { all_reduce: (n) => (2 * (n - 1)) / n, all_gather: (n) => (n - 1) / n };

/** nccl-tests' getFloatStr: 2 decimals if the number fits the column, else 1, else 0. */
function cell(value, width) {
  for (const digits of [2, 1, 0]) {
    const text = value.toFixed(digits);
    if (text.length <= width) return text.padStart(width);
  }
  return value.toExponential(1).padStart(width);
}

/**
 * One test: sizes 32 MiB … 8 GiB, busbw rising to `peak` GB/s (size / (size + 48 MiB)), times from the
 * bandwidth; every printed cell is what nccl-tests would print for that time.
 */
function ncclTest({ collective, hosts, gpusPerHost, device, peak, seed }) {
  const rand = random(seed);
  const n = hosts * gpusPerHost;
  const factor = FACTOR[collective](n);
  const ranks = [];
  for (let h = 0; h < hosts; h++)
    for (let g = 0; g < gpusPerHost; g++)
      ranks.push(
        `#  Rank ${String(h * gpusPerHost + g).padStart(2)} Group  0 Pid ${String(4100 + 37 * h + g).padStart(6)} on node${h + 1}-gpu device ${String(g).padStart(2)} [0000:${(0x1b + 0x28 * g).toString(16).padStart(2, "0")}:00] ${device}`,
      );
  const rows = [];
  const printed = [];
  for (let size = 2 ** 25; size <= 2 ** 33; size *= 2) {
    const count = collective === "all_gather" ? size / 4 / n : size / 4;
    const half = [0, 1].map(() => {
      const busbw = ((peak * size) / (size + 48 * 2 ** 20)) * (1 + 0.004 * normal(rand));
      const time = size / ((busbw / factor) * 1e3);
      const t = Number(cell(time, 7));
      const algbw = size / (t * 1e3);
      printed.push(Number(cell(algbw * factor, 6)));
      return `  ${cell(t, 7)}  ${cell(algbw, 6)}  ${cell(algbw * factor, 6)}  ${String(0).padStart(6)}`;
    });
    const redop = collective === "all_gather" ? "none" : "sum";
    rows.push(
      `${String(size).padStart(12)}  ${String(count).padStart(12)}  ${"float".padStart(8)}  ${redop.padStart(6)}  ${"-1".padStart(6)}${half.join("")}`,
    );
  }
  const mean = printed.reduce((a, b) => a + b, 0) / printed.length;
  return [
    "# nccl-tests version 2.17.8 nccl-headers=22902 nccl-library=22902",
    `# Collective test starting: ${collective}_perf`,
    "# nThread 1 nGpus 1 minBytes 33554432 maxBytes 8589934592 step: 2(factor) warmup iters: 5 iters: 20 agg iters: 1 validation: 1 graph: 0",
    "#",
    "# Using devices",
    ...ranks,
    "#",
    "#                                                              out-of-place                       in-place          ",
    "#       size         count      type   redop    root     time   algbw   busbw  #wrong     time   algbw   busbw  #wrong ",
    "#        (B)    (elements)                               (us)  (GB/s)  (GB/s)             (us)  (GB/s)  (GB/s)         ",
    ...rows,
    "# Out of bounds values : 0 OK",
    `# Avg bus bandwidth    : ${Number(mean.toPrecision(6))} `,
    "#",
    `# Collective test concluded: ${collective}_perf`,
    "#",
    "",
  ].join("\n");
}

// --- training-throughput CSV ---------------------------------------------------------------------

/** 200 steps of `tokensPerSecond` (±1.5 %), the first 20 slower while kernels compile and caches warm. */
function trainingRun({ tokensPerSecond, gpus, accelerator = "", seed }) {
  const rand = random(seed);
  const batch = 512;
  const seq = 4096;
  const lines = ["step,time_ms,global_batch,seq_length,gpus,accelerator,loss"];
  for (let step = 1; step <= 200; step++) {
    const warm = step <= 20 ? 1.6 - step * 0.03 : 1;
    const rate = (tokensPerSecond * (1 + 0.015 * normal(rand))) / warm;
    const loss = 2.1 + 8 * Math.exp(-step / 40) + 0.02 * normal(rand);
    lines.push(
      [step, (((batch * seq) / rate) * 1000).toFixed(1), batch, seq, gpus, accelerator, loss.toFixed(4)].join(
        ",",
      ),
    );
  }
  return `${lines.join("\n")}\n`;
}

// --- the submissions -----------------------------------------------------------------------------

const manifest = (lines) => `${lines.join("\n")}\n`;
const DOI = "https://doi.org/10.1145/3620666.3651379";
const H100 = "NVIDIA H100 80GB HBM3";

// Topic 3.2: 4 nodes, one GPU and one 400 Gb/s NIC each (two H100 hosts, two MI300X hosts): the NIC
// is the bottleneck, so utilization is against ConnectX-7's 50 GB/s per direction.
const mixed = (peakAllReduce, peakAllGather, seed) =>
  ncclTest({ collective: "all_reduce", hosts: 4, gpusPerHost: 1, device: H100, peak: peakAllReduce, seed }) +
  ncclTest({
    collective: "all_gather",
    hosts: 4,
    gpusPerHost: 1,
    device: H100,
    peak: peakAllGather,
    seed: seed + 1,
  });
const collectiveManifest = (comment, link, claims = []) =>
  manifest([
    comment,
    "$schema: ../../schemas/submission.schema.json",
    'topic: "3.2"',
    "team: 示例集合通信组 Example Collectives Group",
    "system:",
    "  accelerators:",
    "    - { model: nvidia-h100-sxm, count: 2 }",
    "    - { model: amd-mi300x, count: 2 }",
    `  link: ${link}`,
    "  interconnect: 4 nodes × 1 ConnectX-7 400 Gb/s, RoCEv2",
    "evidence:",
    "  candidate: mixed-cluster.log",
    "  baseline: homogeneous.log",
    ...(claims.length === 0 ? [] : ["claims:", ...claims]),
    "deliverables:",
    "  - requirement: 3.2/code-and-docs",
    "    evidence: https://github.com/example-collectives/hetero-ccl",
    "  - requirement: 3.2/papers-ccf-a",
    `    evidence: ${DOI}`,
    "  - requirement: 3.2/patents",
    "    evidence: CN202410987654.1",
  ]);
const homogeneous = ncclTest({
  collective: "all_reduce",
  hosts: 4,
  gpusPerHost: 1,
  device: H100,
  peak: 48.9,
  seed: 320,
});

write("3.2-pass", {
  "mixed-cluster.log": mixed(48.7, 48.4, 321),
  "homogeneous.log": homogeneous,
  "claimcheck.yaml": collectiveManifest(
    "# Example: topic 3.2. NIC-bound all_reduce and all_gather at 96–97 % of 400 Gb/s, 1 % below the homogeneous cluster.",
    "nvidia-connectx-7",
  ),
});
write("3.2-fail", {
  "mixed-cluster.log": mixed(41.5, 40.8, 331),
  "homogeneous.log": homogeneous,
  "claimcheck.yaml": collectiveManifest(
    "# Example: topic 3.2 failing: the mixed cluster reaches about 82 % of the NIC line rate.",
    "nvidia-connectx-7",
  ),
});
// The ConnectX-6 (200 Gb/s = 25 GB/s) cannot carry 48 GB/s of busbw: the log is not from this system.
write("3.2-implausible", {
  "mixed-cluster.log": mixed(48.7, 48.4, 341),
  "homogeneous.log": homogeneous,
  "claimcheck.yaml": collectiveManifest(
    "# Example: topic 3.2 with busbw above the declared NIC's line rate: the log does not come from this system.",
    "nvidia-connectx-6",
  ),
});
// 8 × H100 in one node: all_gather over NVLink reaches ~366 GB/s, 81 % of the 450 GB/s line rate. The
// claim of 98.9 % divides by NCCL's "effective" 370 GB/s instead, and fails with the reason.
write("3.2-wrong-denominator", {
  "nvlink.log": ncclTest({
    collective: "all_gather",
    hosts: 1,
    gpusPerHost: 8,
    device: H100,
    peak: 368.5,
    seed: 351,
  }),
  "claimcheck.yaml": manifest([
    '# Example: topic 3.2 whose all_gather utilization claim only holds against a 370 GB/s "effective" rate.',
    "$schema: ../../schemas/submission.schema.json",
    'topic: "3.2"',
    "team: Example Collectives Group",
    "system:",
    "  accelerators:",
    "    - { model: nvidia-h100-sxm, count: 8 }",
    "  interconnect: NVLink 4 / NVSwitch, one node",
    "evidence:",
    "  candidate: nvlink.log",
    "claims:",
    "  - requirement: 3.2/allgather-busbw-utilization",
    "    value: 98.9",
  ]),
});

// Topic 1.1: 16 H100 + 16 Ascend 910B3 training one model across two data centres.
const trainingManifest = (comment, team) =>
  manifest([
    comment,
    "$schema: ../../schemas/submission.schema.json",
    'topic: "1.1"',
    `team: ${team}`,
    "system:",
    "  accelerators:",
    "    - { model: nvidia-h100-sxm, count: 16 }",
    "    - { model: huawei-ascend-910b3, count: 16 }",
    "  interconnect: two data centres, 2 × 400 Gb/s between them",
    "  model: Llama-3-8B, sequence 4096, global batch 512",
    "evidence:",
    "  candidate: cross-domain.csv",
    "  single-domain: single-domain.csv",
    "  heterogeneous: single-domain.csv",
    "  baseline: single-domain.csv",
    "  homogeneous-nvidia-h100-sxm: homogeneous-h100.csv",
    "  homogeneous-huawei-ascend-910b3: homogeneous-910b3.csv",
    "deliverables:",
    "  - requirement: 1.1/parallel-training-scheme",
    "    evidence: https://github.com/example-hetero/cross-domain-trainer",
    "  - requirement: 1.1/papers-ccf-a",
    `    evidence: ${DOI}`,
    "  - requirement: 1.1/patents",
    "    evidence: [CN202410111222.4, CN202410333444.0]",
  ]);
const homogeneousRuns = {
  // Per device: 3,000 tokens/s on H100, 1,800 on 910B3 → Σ nᵢ·tᵢ = 76,800 tokens/s for the mixed job.
  "homogeneous-h100.csv": trainingRun({
    tokensPerSecond: 48000,
    gpus: 16,
    accelerator: "nvidia-h100-sxm",
    seed: 110,
  }),
  "homogeneous-910b3.csv": trainingRun({
    tokensPerSecond: 28800,
    gpus: 16,
    accelerator: "huawei-ascend-910b3",
    seed: 111,
  }),
  "single-domain.csv": trainingRun({ tokensPerSecond: 73000, gpus: 32, seed: 112 }),
};
write("1.1-pass", {
  ...homogeneousRuns,
  "cross-domain.csv": trainingRun({ tokensPerSecond: 67500, gpus: 32, seed: 113 }),
  "claimcheck.yaml": trainingManifest(
    "# Example: topic 1.1. Cross-domain costs 7.5 %, mixed accelerators 5 % against Σ nᵢ·tᵢ of their own runs.",
    "示例异构训练组 Example Heterogeneous Training Group",
  ),
});
write("1.1-fail", {
  ...homogeneousRuns,
  "cross-domain.csv": trainingRun({ tokensPerSecond: 54000, gpus: 32, seed: 123 }),
  "claimcheck.yaml": trainingManifest(
    "# Example: topic 1.1 failing: across data centres the job loses 26 % of its single-domain throughput.",
    "Example Heterogeneous Training Group",
  ),
});

// A cheat: the all_reduce footer raised to look like a plateau, and the utilization claim taken from it.
const passLog = mixed(48.7, 48.4, 321);
write("cheat-footer-average", {
  "mixed-cluster.log": passLog.replace(/# Avg bus bandwidth {4}: [0-9.]+ /, "# Avg bus bandwidth    : 48.9 "),
  "homogeneous.log": homogeneous,
  "claimcheck.yaml": collectiveManifest(
    "# Cheat: the all_reduce '# Avg bus bandwidth' footer edited to 48.9 GB/s and claimed as 97.8 % utilization.",
    "nvidia-connectx-7",
    ["  - requirement: 3.2/allreduce-busbw-utilization", "    value: 97.8"],
  ),
});
