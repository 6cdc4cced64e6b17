// Writes the quality example submissions under fixtures/ (topics 1.4, 2.1, 2.2, 5.5) from a seeded
// generator, so every number in them can be regenerated and reviewed.
// Run: node scripts/generate-quality-fixtures.mjs
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { normal, random, servingTrace } from "./synthetic-trace.mjs";

const ROOT = new URL("../fixtures/", import.meta.url).pathname;

function write(dir, files) {
  mkdirSync(join(ROOT, dir), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(ROOT, dir, name), text);
}

const csv = (header, rows) => `${[header, ...rows.map((r) => r.join(","))].join("\n")}\n`;

// --- retrieval (1.4): TREC qrels and runs -------------------------------------------------------

/** Graded judgments: per query 3 highly relevant, 5 relevant and 12 judged non-relevant documents. */
function qrels(queries) {
  const lines = [];
  for (let q = 1; q <= queries; q++)
    for (let d = 0; d < 20; d++) lines.push(`q${q} 0 doc${q}-${d} ${d < 3 ? 2 : d < 8 ? 1 : 0}`);
  return `${lines.join("\n")}\n`;
}

/** A run of 100 documents per query, scored relevance + noise: less noise ranks better. */
function run(queries, { seed, noise, tag }) {
  const rand = random(seed);
  const lines = [];
  for (let q = 1; q <= queries; q++) {
    const docs = Array.from({ length: 100 }, (_, d) => {
      const grade = d < 3 ? 2 : d < 8 ? 1 : 0;
      return { id: `doc${q}-${d}`, score: grade + noise * normal(rand) };
    }).sort((a, b) => b.score - a.score);
    docs.forEach((doc, rank) => {
      lines.push(`q${q} Q0 ${doc.id} ${rank + 1} ${doc.score.toFixed(4)} ${tag}`);
    });
  }
  return `${lines.join("\n")}\n`;
}

// --- generation (1.4): reference/prediction pairs ------------------------------------------------

const WORDS =
  "the retrieved passage states that green computing reduces energy per token while cluster schedulers keep latency within the service objective for every tenant model and request".split(
    " ",
  );

function pairs(items, { seed, keep }) {
  const rand = random(seed);
  const rows = [];
  for (let i = 0; i < items; i++) {
    const ref = Array.from({ length: 18 }, () => WORDS[Math.floor(rand() * WORDS.length)]);
    const pred = ref.map((w) => (rand() < keep ? w : WORDS[Math.floor(rand() * WORDS.length)]));
    rows.push([`a${i + 1}`, ref.join(" "), pred.join(" ")]);
  }
  return csv("item_id,reference,prediction", rows);
}

// --- outcomes (1.4, 2.1, 2.2) --------------------------------------------------------------------

/** One judged item per row; `rate` of them succeed, drawn with a seeded generator. */
function outcomes(items, { seed, rate, trials = 1, prefix = "t", latency }) {
  const rand = random(seed);
  const rows = [];
  for (let i = 0; i < items; i++)
    for (let t = 0; t < trials; t++) {
      const ok = rand() < rate ? 1 : 0;
      const ms = latency === undefined ? "" : (latency * Math.exp(0.4 * normal(rand))).toFixed(1);
      rows.push([`${prefix}${i + 1}`, ok, "", "", "", ms, trials > 1 ? t : ""]);
    }
  return csv("item_id,success,expected,observed,rounds,latency_ms,trial", rows);
}

/** Evaluator verdicts against human labels: success is left empty, expected = observed decides. */
function evaluatorLabels(items, { seed, accuracy }) {
  const rand = random(seed);
  const labels = ["pass", "fail"];
  const rows = [];
  for (let i = 0; i < items; i++) {
    const human = labels[rand() < 0.6 ? 0 : 1];
    const judge = rand() < accuracy ? human : labels[human === "pass" ? 1 : 0];
    rows.push([`e${i + 1}`, "", human, judge, "", "", ""]);
  }
  return csv("item_id,success,expected,observed,rounds,latency_ms,trial", rows);
}

// --- accuracy (5.5): lm-evaluation-harness 0.4 results JSON --------------------------------------

// Bf16 scores of Qwen2.5-1.5B on five zero-shot tasks (lm-eval 0.4.7), and each task's size.
const TASKS = {
  arc_challenge: { acc: 0.4147, n: 1172 },
  arc_easy: { acc: 0.7542, n: 2376 },
  hellaswag: { acc: 0.5021, n: 10042 },
  piqa: { acc: 0.7584, n: 1838 },
  winogrande: { acc: 0.6377, n: 1267 },
};

function lmEvalResults({ model, dtype, factor, limit }) {
  const results = {};
  const nSamples = {};
  for (const [task, { acc, n }] of Object.entries(TASKS)) {
    const effective = limit === undefined ? n : Math.min(limit, n);
    const value = acc * factor;
    results[task] = {
      alias: task,
      "acc,none": value,
      "acc_stderr,none": Math.sqrt((value * (1 - value)) / (effective - 1)),
    };
    nSamples[task] = { original: n, effective };
  }
  const tasks = Object.keys(TASKS);
  const document = {
    results,
    group_subtasks: Object.fromEntries(tasks.map((t) => [t, []])),
    configs: Object.fromEntries(
      tasks.map((t) => [t, { task: t, num_fewshot: 0, output_type: "multiple_choice" }]),
    ),
    versions: Object.fromEntries(tasks.map((t) => [t, 1])),
    "n-shot": Object.fromEntries(tasks.map((t) => [t, 0])),
    higher_is_better: Object.fromEntries(tasks.map((t) => [t, { acc: true }])),
    "n-samples": nSamples,
    config: {
      model: "hf",
      model_args: `pretrained=${model}`,
      model_num_parameters: 1543714304,
      model_dtype: dtype,
      batch_size: "8",
      device: "cuda",
      limit: limit ?? null,
      bootstrap_iters: 100000,
      random_seed: 0,
    },
    git_hash: "2ab9a3a",
    date: 1740960312.3,
    model_name: model,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

// --- the submissions -----------------------------------------------------------------------------

const DOI = "https://doi.org/10.1145/3627703.3650083";
const manifest = (lines) => `${lines.join("\n")}\n`;

// Topic 1.4: RAG. Candidate retrieval ranks with less noise than BM25 over 300 queries.
write("1.4-pass", {
  "qrels.txt": qrels(300),
  "bm25.txt": run(300, { seed: 141, noise: 1.7, tag: "bm25" }),
  "run.txt": run(300, { seed: 142, noise: 1.25, tag: "hybrid-rerank" }),
  "answers-baseline.csv": pairs(400, { seed: 143, keep: 0.45 }),
  "answers.csv": pairs(400, { seed: 143, keep: 0.62 }),
  "requests-baseline.csv": servingTrace({ seed: 144, rows: 2000 }),
  "requests.csv": servingTrace({ seed: 145, workloadSeed: 144, rows: 2000, ttftScale: 0.7, tpotScale: 0.72 }),
  "outcomes-baseline.csv": outcomes(1000, { seed: 146, rate: 0.85, prefix: "question" }),
  "outcomes.csv": outcomes(1000, { seed: 147, rate: 0.91, prefix: "question" }),
  "claimcheck.yaml": manifest([
    "# Example: topic 1.4, RAG. Retrieval, answer consistency, latency and error rate all beat the baseline.",
    "$schema: ../../schemas/submission.schema.json",
    'topic: "1.4"',
    "team: 示例检索实验室 Example Retrieval Lab",
    "system:",
    "  accelerators:",
    "    - { model: nvidia-a100-sxm4-80gb, count: 2 }",
    "  model: Qwen2.5-7B-Instruct with a hybrid retriever",
    "evidence:",
    "  candidate: run.txt",
    "  baseline: bm25.txt",
    "  qrels: qrels.txt",
    "  answers: answers.csv",
    "  answers-baseline: answers-baseline.csv",
    "  requests: requests.csv",
    "  requests-baseline: requests-baseline.csv",
    "  outcomes: outcomes.csv",
    "  outcomes-baseline: outcomes-baseline.csv",
    "claims:",
    "  - requirement: 1.4/retrieval-improvement",
    "    value: 41.5",
    "    conditions: { cutoff: 10, gain: linear }",
    "deliverables:",
    "  - requirement: 1.4/papers-ccf-a",
    `    evidence: ${DOI}`,
    "  - requirement: 1.4/patents",
    "    evidence: CN202410123456.0",
  ]),
});

// The same method on 40 queries: the point estimate clears +30 %, its bound does not.
write("1.4-inconclusive", {
  "qrels.txt": qrels(40),
  "bm25.txt": run(40, { seed: 241, noise: 1.7, tag: "bm25" }),
  "run.txt": run(40, { seed: 242, noise: 1.35, tag: "hybrid-rerank" }),
  "claimcheck.yaml": manifest([
    "# Example: topic 1.4 with only 40 queries: +30 % nDCG@10 cannot be shown; the report says how many are needed.",
    "$schema: ../../schemas/submission.schema.json",
    'topic: "1.4"',
    "team: Example Retrieval Lab",
    "system:",
    "  accelerators:",
    "    - { model: nvidia-a100-sxm4-80gb, count: 1 }",
    "evidence:",
    "  candidate: run.txt",
    "  baseline: bm25.txt",
    "  qrels: qrels.txt",
  ]),
});

// Topic 2.1: multi-agent tasks, 4 trials of 120 tasks, and an evaluator checked against 500 human labels.
const agentManifest = (comment, team) =>
  manifest([
    comment,
    "$schema: ../../schemas/submission.schema.json",
    'topic: "2.1"',
    `team: ${team}`,
    "system:",
    "  accelerators:",
    "    - { model: nvidia-h100-sxm, count: 8 }",
    "  model: Qwen2.5-72B-Instruct agents",
    "evidence:",
    "  tasks: tasks.csv",
    "  evaluator: evaluator.csv",
    "deliverables:",
    "  - requirement: 2.1/papers-ccf-a",
    `    evidence: ${DOI}`,
    "  - requirement: 2.1/patents",
    "    evidence: CN202410765432.5",
  ]);
write("2.1-pass", {
  "tasks.csv": outcomes(120, { seed: 211, rate: 0.86, trials: 4, prefix: "task" }),
  "evaluator.csv": evaluatorLabels(500, { seed: 212, accuracy: 0.9 }),
  "claimcheck.yaml": agentManifest(
    "# Example: topic 2.1. Tasks succeed 86 % of the time over 4 trials each; the evaluator agrees with people 90 % of the time.",
    "示例智能体团队 Example Agents Team",
  ),
});
write("2.1-fail", {
  "tasks.csv": outcomes(120, { seed: 221, rate: 0.62, trials: 4, prefix: "task" }),
  "evaluator.csv": evaluatorLabels(500, { seed: 222, accuracy: 0.9 }),
  "claimcheck.yaml": agentManifest(
    "# Example: topic 2.1 failing: tasks succeed only 62 % of the time.",
    "Example Agents Team",
  ),
});

// Topic 2.2: fault injection. 320 injected faults all detected prove ≥ 99 % coverage; 60 cannot.
const faultManifest = (comment) =>
  manifest([
    comment,
    "$schema: ../../schemas/submission.schema.json",
    'topic: "2.2"',
    "team: 示例网络诊断组 Example Network Diagnosis Group",
    "system:",
    "  accelerators:",
    "    - { model: nvidia-h800-sxm, count: 64 }",
    "  interconnect: RoCEv2 400 Gb/s",
    "evidence:",
    "  candidate: faults.csv",
    "  baseline: faults-baseline.csv",
    "deliverables:",
    "  - requirement: 2.2/algorithm-code",
    "    evidence: https://github.com/example-netdiag/fault-locator",
    "  - requirement: 2.2/papers-ccf-a",
    `    evidence: ${DOI}`,
    "  - requirement: 2.2/patents",
    "    evidence: CN202410246810.9",
  ]);
write("2.2-pass", {
  "faults.csv": outcomes(320, { seed: 231, rate: 1, prefix: "fault", latency: 4200 }),
  "faults-baseline.csv": outcomes(320, { seed: 232, rate: 0.97, prefix: "fault", latency: 9100 }),
  "claimcheck.yaml": faultManifest(
    "# Example: topic 2.2. All 320 injected faults found (≥ 299 are needed for 99 % at 95 % confidence), localized faster.",
  ),
});
write("2.2-inconclusive", {
  "faults.csv": outcomes(60, { seed: 241, rate: 1, prefix: "fault", latency: 4200 }),
  "faults-baseline.csv": outcomes(60, { seed: 242, rate: 0.97, prefix: "fault", latency: 9100 }),
  "claimcheck.yaml": faultManifest(
    "# Example: topic 2.2 with 60 injected faults: all found, but 60 cannot show 99 %; the report says 299 are needed.",
  ),
});

// Topic 5.5: a 2-bit 1.5 B model on phones, against its bf16 original.
const phone = (seed) => servingTrace({ seed, rows: 600, qps: 0.5 });
/** 40 phone models with their share of the app's users; 2-bit inference fails on the oldest 8. */
function deviceList(seed) {
  const rand = random(seed);
  const brands = [
    "Redmi Note",
    "iPhone",
    "OPPO A",
    "vivo Y",
    "HUAWEI nova",
    "Galaxy A",
    "Honor X",
    "realme C",
  ];
  const weights = Array.from({ length: 40 }, () => 0.2 + rand());
  const total = weights.reduce((a, b) => a + b, 0);
  const rows = weights.map((w, i) => {
    const passed = i % 5 !== 4;
    const speed = passed ? (8 + 14 * rand()).toFixed(1) : "";
    return [`${brands[i % 8]} ${10 + Math.floor(i / 8)}`, (w / total).toFixed(4), passed ? 1 : 0, speed];
  });
  return csv("device,share,passed,speed", rows);
}
const devices = deviceList(550);
const models = csv("model,parameters_b,bits_per_weight,bytes", [
  ["Qwen2.5-1.5B-Instruct-2bit", 1.54, 2.0, 419430400],
]);
const mobileManifest = (comment) =>
  manifest([
    comment,
    "$schema: ../../schemas/submission.schema.json",
    'topic: "5.5"',
    "team: 示例端侧推理组 Example On-Device Team",
    "system:",
    "  accelerators:",
    "    - { model: qualcomm-snapdragon-8-gen-2, count: 1 }",
    "  model: Qwen2.5-1.5B-Instruct, 2-bit",
    "evidence:",
    "  models: models.csv",
    "  accuracy: accuracy-2bit.json",
    "  accuracy-baseline: accuracy-bf16.json",
    "  devices: devices.csv",
    "  candidate: requests.csv",
    "  baseline: public-sdk.csv",
    "claims:",
    "  - requirement: 5.5/accuracy-loss",
    "    value: 6",
    '    conditions: { tasks: "arc_challenge,arc_easy,hellaswag,piqa,winogrande", metric: acc }',
    "deliverables:",
    "  - requirement: 5.5/papers-ccf-a",
    `    evidence: ${DOI}`,
    "  - requirement: 5.5/patents",
    "    evidence: CN202410135790.8",
    "  - requirement: 5.5/source-code",
    "    evidence: https://github.com/example-ondevice/llm-2bit",
  ]);
write("5.5-pass", {
  "models.csv": models,
  "accuracy-bf16.json": lmEvalResults({ model: "Qwen/Qwen2.5-1.5B", dtype: "torch.bfloat16", factor: 1 }),
  "accuracy-2bit.json": lmEvalResults({ model: "example/Qwen2.5-1.5B-2bit", dtype: "int2", factor: 0.94 }),
  "devices.csv": devices,
  "public-sdk.csv": phone(551),
  "requests.csv": servingTrace({
    seed: 552,
    workloadSeed: 551,
    rows: 600,
    qps: 0.5,
    ttftScale: 0.8,
    tpotScale: 0.85,
  }),
  "claimcheck.yaml": mobileManifest(
    "# Example: topic 5.5. 2 bits per weight, 6 % relative accuracy loss on five tasks, runs on 80 % of users' phones.",
  ),
});
// The same claim from an lm-eval run with --limit 100: flagged, and the accuracy loss cannot pass.
write("5.5-truncated", {
  "models.csv": models,
  "accuracy-bf16.json": lmEvalResults({ model: "Qwen/Qwen2.5-1.5B", dtype: "torch.bfloat16", factor: 1 }),
  "accuracy-2bit.json": lmEvalResults({
    model: "example/Qwen2.5-1.5B-2bit",
    dtype: "int2",
    factor: 0.94,
    limit: 100,
  }),
  "devices.csv": devices,
  "public-sdk.csv": phone(561),
  "requests.csv": servingTrace({
    seed: 562,
    workloadSeed: 561,
    rows: 600,
    qps: 0.5,
    ttftScale: 0.8,
    tpotScale: 0.85,
  }),
  "claimcheck.yaml": mobileManifest(
    "# Example: topic 5.5 whose accuracy run used lm-eval --limit 100: a subset is not the benchmark.",
  ),
});

// --- failing and undecided variants -------------------------------------------------------------

// 1.4 failing: over 300 queries the reranker gains about 22 % nDCG@10.
write("1.4-fail", {
  "qrels.txt": qrels(300),
  "bm25.txt": run(300, { seed: 341, noise: 1.7, tag: "bm25" }),
  "run.txt": run(300, { seed: 342, noise: 1.55, tag: "hybrid-rerank" }),
  "claimcheck.yaml": manifest([
    "# Example: topic 1.4 failing: the reranker gains about 22 % nDCG@10 over BM25, not 30 %.",
    "$schema: ../../schemas/submission.schema.json",
    'topic: "1.4"',
    "team: Example Retrieval Lab",
    "evidence:",
    "  candidate: run.txt",
    "  baseline: bm25.txt",
    "  qrels: qrels.txt",
  ]),
});
// 2.1 undecided: 74 % of 25 tasks over 4 trials each is above 70 %, but 25 tasks cannot show it.
write("2.1-inconclusive", {
  "tasks.csv": outcomes(25, { seed: 251, rate: 0.76, trials: 4, prefix: "task" }),
  "evaluator.csv": evaluatorLabels(500, { seed: 252, accuracy: 0.9 }),
  "claimcheck.yaml": agentManifest(
    "# Example: topic 2.1 with 25 tasks: the success rate clears 70 % but its bound does not; the report says how many tasks are needed.",
    "Example Agents Team",
  ),
});
// 2.2 failing: 8 of 320 injected faults missed is 97.5 % coverage.
write("2.2-fail", {
  "faults.csv": outcomes(320, { seed: 261, rate: 0.975, prefix: "fault", latency: 4200 }),
  "faults-baseline.csv": outcomes(320, { seed: 262, rate: 0.97, prefix: "fault", latency: 9100 }),
  "claimcheck.yaml": faultManifest(
    "# Example: topic 2.2 failing: some of the 320 injected faults were never detected.",
  ),
});
// 5.5 failing: the 2-bit model loses 15 % accuracy.
write("5.5-fail", {
  "models.csv": models,
  "accuracy-bf16.json": lmEvalResults({ model: "Qwen/Qwen2.5-1.5B", dtype: "torch.bfloat16", factor: 1 }),
  "accuracy-2bit.json": lmEvalResults({ model: "example/Qwen2.5-1.5B-2bit", dtype: "int2", factor: 0.85 }),
  "devices.csv": devices,
  "public-sdk.csv": phone(571),
  "requests.csv": servingTrace({
    seed: 572,
    workloadSeed: 571,
    rows: 600,
    qps: 0.5,
    ttftScale: 0.8,
    tpotScale: 0.85,
  }),
  "claimcheck.yaml": mobileManifest(
    "# Example: topic 5.5 failing: the 2-bit model loses 15 % accuracy against bf16.",
  ).replace("    value: 6\n", "    value: 15\n"),
});
