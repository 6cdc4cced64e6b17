// Writes the evidence of the reported-figure examples under fixtures/ (topics 2.2, 4.1, 5.1, 5.6) from
// a seeded generator, in the formats the tools write: vLLM `bench serve --save-result --save-detailed`
// JSON, lm-evaluation-harness results JSON, and the canonical outcomes, training, gpu-memory and cost
// CSVs. The 4.4 examples use a genuine Megatron-LM log instead (see their claimcheck.yaml).
// Run: node scripts/generate-reported-fixtures.mjs
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { normal, random } from "./synthetic-trace.mjs";

const ROOT = new URL("../fixtures/", import.meta.url).pathname;

function write(dir, files) {
  mkdirSync(join(ROOT, dir), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(ROOT, dir, name), text);
}

const csv = (header, rows) => `${[header, ...rows.map((r) => r.join(","))].join("\n")}\n`;

// --- 2.2: diagnosed fault types, and a training job with and without the monitor -----------------

const FAULT_TYPES = ["link-down", "pfc-storm", "nic-flap", "switch-drop", "slow-node"];

/** One row per diagnosed fault: the injected type and the diagnosed one (wrong in `wrong` of them). */
function diagnoses(n, { seed, wrong }) {
  const rand = random(seed);
  const rows = [];
  for (let i = 0; i < n; i++) {
    const expected = FAULT_TYPES[i % FAULT_TYPES.length];
    const observed = rand() < wrong ? FAULT_TYPES[(i + 1) % FAULT_TYPES.length] : expected;
    rows.push([`fault${i + 1}`, "", expected, observed, "", "", ""]);
  }
  return csv("item_id,success,expected,observed,rounds,latency_ms,trial", rows);
}

/** A training-throughput CSV: `steps` logged every 10 steps, step time around `ms`. */
function trainingRun(steps, { seed, ms, gpus, loss0 }) {
  const rand = random(seed);
  const rows = [];
  for (let s = 1; s <= steps; s++) {
    const time = Math.round(ms * (1 + 0.004 * normal(rand)));
    const loss = (loss0 * Math.exp(-s / 60) + 2.1 + 0.02 * normal(rand)).toFixed(4);
    rows.push([s * 10, time, 256, 4096, gpus, "", loss]);
  }
  return csv("step,time_ms,global_batch,seq_length,gpus,accelerator,loss", rows);
}

write("2.2-pass", {
  "diagnosis.csv": diagnoses(240, { seed: 2201, wrong: 0.06 }),
  "monitored.csv": trainingRun(120, { seed: 2202, ms: 9120, gpus: 64, loss0: 9 }),
  "unmonitored.csv": trainingRun(120, { seed: 2203, ms: 9050, gpus: 64, loss0: 9 }),
});

// --- 4.1: GPU memory of the FP8 and BF16 runs ---------------------------------------------------

/** A gpu-memory CSV of `gpus` devices sampled every 5 s while training holds about `gib` GiB. */
function memoryTimeline(samples, { seed, gpus, gib }) {
  const rand = random(seed);
  const rows = [];
  for (let t = 0; t < samples; t++) {
    for (let g = 0; g < gpus; g++) {
      const ramp = Math.min(1, t / 6);
      const used = Math.round(ramp * gib * 1024 * (1 + 0.01 * normal(rand)));
      rows.push([1760000000 + 5 * t, g, used, 65536, Math.round(ramp * 92)]);
    }
  }
  return csv("timestamp_s,gpu,memory_used_mib,memory_total_mib,utilization_pct", rows);
}

write("4.1-pass", {
  "memory-fp8.csv": memoryTimeline(60, { seed: 4101, gpus: 8, gib: 41.5 }),
  "memory-bf16.csv": memoryTimeline(60, { seed: 4102, gpus: 8, gib: 55.2 }),
});

// --- 5.1: long-context serving (vLLM detailed results) and LongBench accuracy --------------------

const LENGTHS = [8192, 32768, 65536, 131072];

/**
 * A `vllm bench serve --save-result --save-detailed` result: summary fields, then per-request lists in
 * seconds. TTFT grows with the prompt (prefill ≈ `prefillMsPer1k` per 1k tokens); `maxLength` caps
 * the prompts the engine accepted, longer ones fail with vLLM's length error.
 */
function vllmResult({ seed, model, perLength, prefillMsPer1k, maxLength }) {
  const rand = random(seed);
  const input = [];
  const output = [];
  const ttfts = [];
  const latencies = [];
  const itls = [];
  const errors = [];
  const texts = [];
  for (const length of LENGTHS) {
    for (let i = 0; i < perLength; i++) {
      const prompt = length - Math.floor(rand() * 64);
      input.push(prompt);
      if (prompt > maxLength) {
        output.push(0);
        ttfts.push(0);
        latencies.push(0);
        itls.push([]);
        texts.push("");
        errors.push(
          `This model's maximum context length is ${maxLength} tokens. However, you requested ${prompt + 256} tokens.`,
        );
        continue;
      }
      const ttft = ((prompt / 1000) * prefillMsPer1k * (1 + 0.08 * Math.abs(normal(rand)))) / 1000;
      const gaps = Array.from(
        { length: 255 },
        () => (0.021 + 0.002 * Math.abs(normal(rand))) * (1 + prompt / 400000),
      );
      const e2e = ttft + gaps.reduce((a, b) => a + b, 0);
      output.push(256);
      ttfts.push(Number(ttft.toFixed(6)));
      latencies.push(Number(e2e.toFixed(6)));
      itls.push(gaps.map((g) => Number(g.toFixed(6))));
      texts.push("");
      errors.push("");
    }
  }
  const completed = errors.filter((e) => e === "").length;
  const duration = 600;
  return `${JSON.stringify({
    date: "20261015-093000",
    backend: "vllm",
    model_id: model,
    tokenizer_id: model,
    num_prompts: input.length,
    request_rate: 0.2,
    burstiness: 1.0,
    max_concurrency: 1,
    duration,
    completed,
    failed: input.length - completed,
    total_input_tokens: input.reduce((sum, n, i) => sum + (errors[i] === "" ? n : 0), 0),
    total_output_tokens: output.reduce((a, b) => a + b, 0),
    request_throughput: completed / duration,
    input_lens: input,
    output_lens: output,
    ttfts,
    itls,
    latencies,
    generated_texts: texts,
    errors,
  })}\n`;
}

const LONGBENCH = [
  ["longbench_narrativeqa", "qa_f1_score", 200],
  ["longbench_qasper", "qa_f1_score", 200],
  ["longbench_hotpotqa", "qa_f1_score", 200],
  ["longbench_gov_report", "rouge_score", 200],
  ["longbench_passage_retrieval_en", "retrieval_score", 200],
];

/** An lm-eval results JSON (the layout `lm_eval --output_path` writes) for the LongBench tasks. */
function lmEvalResults({ seed, model, base }) {
  const rand = random(seed);
  const results = {};
  const configs = {};
  const versions = {};
  const nShot = {};
  const higher = {};
  const samples = {};
  for (const [task, metric, n] of LONGBENCH) {
    const value = Math.min(0.99, base + 0.05 * normal(rand));
    results[task] = {
      alias: task,
      [`${metric},none`]: Number(value.toFixed(4)),
      [`${metric}_stderr,none`]: Number(Math.sqrt((value * (1 - value)) / n).toFixed(4)),
    };
    configs[task] = {
      task,
      tag: ["longbench"],
      num_fewshot: 0,
      metric_list: [{ metric }],
      metadata: { version: 4.0 },
    };
    versions[task] = 4.0;
    nShot[task] = 0;
    higher[task] = { [metric]: true };
    samples[task] = { original: n, effective: n };
  }
  return `${JSON.stringify(
    {
      results,
      group_subtasks: Object.fromEntries(LONGBENCH.map(([task]) => [task, []])),
      configs,
      versions,
      "n-shot": nShot,
      higher_is_better: higher,
      "n-samples": samples,
      config: {
        model: "vllm",
        model_args: `pretrained=${model},max_model_len=131072`,
        limit: null,
        bootstrap_iters: 100000,
      },
      model_name: model,
    },
    null,
    2,
  )}\n`;
}

write("5.1-pass", {
  "candidate.json": vllmResult({
    seed: 5101,
    model: "Qwen/Qwen2.5-7B-Instruct-1M",
    perLength: 30,
    prefillMsPer1k: 95,
    maxLength: 140000,
  }),
  "sota.json": vllmResult({
    seed: 5102,
    model: "Qwen/Qwen2.5-7B-Instruct-1M",
    perLength: 30,
    prefillMsPer1k: 160,
    maxLength: 100000,
  }),
  "longbench.json": lmEvalResults({ seed: 5103, model: "Qwen/Qwen2.5-7B-Instruct-1M", base: 0.42 }),
});

// --- 5.6: compute units per audience selection --------------------------------------------------

const SCENARIOS = [
  ["marketing campaign, 2026-09", 1200],
  ["risk review cohort, 2026-09", 640],
  ["new-user onboarding, 2026-10", 910],
];

function costRows(cuPerSelection, seed) {
  const rand = random(seed);
  return csv(
    "scenario,requests,cu",
    SCENARIOS.map(([name, selections]) => [
      `"${name}"`,
      selections,
      (selections * cuPerSelection * (1 + 0.05 * normal(rand))).toFixed(1),
    ]),
  );
}

write("5.6-pass", { "cost.csv": costRows(0.92, 5601) });
write("5.6-fail", { "cost.csv": costRows(1.6, 5602) });
