import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseEvidence } from "../../src/formats/parse-evidence.ts";
import {
  COMPARABILITY_RULES,
  type ComparabilityContext,
  type ComparedSide,
  checkComparable,
} from "../../src/judge/comparability.ts";
import { readTopics } from "../../src/read/read-topics.ts";

const FIXTURES = new URL("../../fixtures/", import.meta.url);
const DATA = new URL("data/", import.meta.url);

describe("every relative requirement of the 21 topics has a comparability rule", () => {
  it("gives each evidence kind a candidate and a baseline are compared on a rule (qrels are shared)", async () => {
    const topics = await readTopics();
    const relative = topics.flatMap((t) =>
      t.requirements.flatMap((r) => (r.kind !== "deliverable" && r.comparison !== "none" ? [r] : [])),
    );
    const unchecked = relative.flatMap((r) =>
      r.evidence
        .filter((kind) => COMPARABILITY_RULES[kind] === null && kind !== "retrieval-qrels")
        .map((k) => `${r.id}: ${k}`),
    );
    expect({ topics: topics.length, relative: relative.length, unchecked }).toEqual({
      topics: 21,
      relative: 31,
      unchecked: [],
    });
  });
});

describe("comparability rules, one pair at a time", () => {
  it("refuses cost files in two units, naming both files", () => {
    const [c, b] = [
      side("cost-candidate", "5.7-cost-units/cost-optimized.csv"),
      side("cost-baseline", "5.7-cost-units/cost-baseline.csv"),
    ];
    expect(checkComparable("cost", c, b, context("cost.per_1k_requests"))).toEqual([
      {
        code: "COMPARE_UNIT_MISMATCH",
        params: {
          has: { key: "cost_columns.filled", params: { which: "gpu_hours" }, text: "gpu_hours (GPU-hours)" },
          has2: { key: "cost_columns.filled", params: { which: "cost" }, text: "cost (CNY)" },
          path: "5.7-cost-units/cost-optimized.csv",
          path2: "5.7-cost-units/cost-baseline.csv",
          role: "cost-baseline",
        },
        severity: "error",
        message:
          "The candidate cost file (5.7-cost-units/cost-optimized.csv) gives gpu_hours (GPU-hours) and the cost-baseline (5.7-cost-units/cost-baseline.csv) cost (CNY): there is no common unit to compare; fill the same column (cost in one currency, or gpu_hours) on every row of both files.",
        location: { path: "5.7-cost-units/cost-baseline.csv", line: 1 },
      },
    ]);
    const [pc, pb] = [
      side("cost-candidate", "5.7-pass/cost-optimized.csv"),
      side("cost-baseline", "5.7-pass/cost-baseline.csv"),
    ];
    expect(checkComparable("cost", pc, pb, context("cost.per_1k_requests"))).toEqual([]);
  });

  it("works on any pair of roles (one pair per model), not only candidate and baseline", () => {
    const c = side("candidate-qwen7b", "5.7-pass/cost-optimized.csv");
    const b = side("baseline-qwen7b", "5.7-cost-units/cost-baseline.csv");
    expect(checkComparable("cost", c, b, context("cost.per_1k_requests")).map((f) => f.code)).toEqual([]);
    const hours = side("baseline-qwen7b", "5.7-cost-units/cost-optimized.csv");
    expect(checkComparable("cost", b, hours, context("cost.per_1k_requests")).map((f) => f.code)).toEqual([
      "COMPARE_UNIT_MISMATCH",
    ]);
  });

  it("says when the loss window stops at the candidate's midpoint, and accepts equal runs", () => {
    const [c, b] = [
      side("candidate", "4.1-loss-window/fp8.csv"),
      side("baseline", "4.1-loss-window/bf16.csv"),
    ];
    expect(checkComparable("training-throughput", c, b, context("training.loss"))).toEqual([
      {
        code: "COMPARE_WINDOW_PARTIAL",
        params: {
          short: {
            key: "window.short",
            params: { share: 50, axis: "tokens", end: 1048576000, candidate_end: 2097152000 },
          },
          sides: {
            key: "window.sides",
            params: {
              path: "4.1-loss-window/fp8.csv",
              role: { key: "role.baseline", text: "baseline" },
              path2: "4.1-loss-window/bf16.csv",
            },
          },
        },
        severity: "warning",
        message:
          "The final losses of the candidate (4.1-loss-window/fp8.csv) and the baseline (4.1-loss-window/bf16.csv) are not at the same point of training: the baseline covers only the first 50 % of the candidate's run (tokens 1048576000 of 2097152000), so the candidate's final loss has no baseline to meet; submit a baseline run as long as the candidate's.",
        location: { path: "4.1-loss-window/bf16.csv", line: 1 },
      },
    ]);
    const [pc, pb] = [side("candidate", "4.1-pass/fp8.csv"), side("baseline", "4.1-pass/bf16.csv")];
    expect(checkComparable("training-throughput", pc, pb, context("training.loss"))).toEqual([]);
  });

  it("refuses a throughput against a run in another precision, but not a loss (4.1 varies it)", () => {
    const fp8 = megatron("fp8-run.log", (text) => text);
    const bf16 = megatron("bf16-run.log", (text) => text.replace(/^( {2}fp8 \.+ )hybrid$/m, "$1None"));
    expect(checkComparable("training-throughput", fp8, bf16, context("training.throughput"))).toEqual([
      {
        code: "COMPARE_PRECISION_MISMATCH",
        params: {
          path: "fp8-run.log",
          path2: "bf16-run.log",
          role: { key: "role.baseline", text: "baseline" },
          to_upper_case: "FP8",
          to_upper_case2: "BF16",
        },
        severity: "error",
        message:
          "The candidate (fp8-run.log) trained in FP8 and the baseline (bf16-run.log) in BF16: the throughput gap would be the precision's; run both in the same precision.",
        location: { path: "bf16-run.log", line: 1 },
      },
    ]);
    expect(checkComparable("training-throughput", fp8, bf16, context("training.loss"))).toEqual([]);
  });

  it("refuses a loss against a baseline that does not overlap the candidate's steps", () => {
    const early = megatron("early.log", (text) => text.replace(/^.*iteration +([6-9]|10)\/.*\n/gm, ""));
    const late = megatron("late.log", (text) => text.replace(/^.*iteration +[1-5]\/.*\n/gm, ""));
    expect(checkComparable("training-throughput", late, early, context("training.loss"))).toEqual([
      {
        code: "COMPARE_WINDOW_MISMATCH",
        params: {
          sides: {
            key: "window.sides",
            params: {
              path: "late.log",
              role: { key: "role.baseline", text: "baseline" },
              path2: "early.log",
            },
          },
          window: {
            key: "window.no_overlap",
            params: { span: { key: "window.steps", params: { c1: "6", c2: "10", b1: "1", b2: "5" } } },
          },
        },
        severity: "error",
        message:
          "The losses of the candidate (late.log) and the baseline (early.log) cannot be compared: the runs do not overlap (candidate steps 6–10, baseline steps 1–5); submit a baseline run over the same tokens as the candidate.",
        location: { path: "early.log", line: 1 },
      },
    ]);
  });

  it("refuses a GPU count that differs, unless the baseline is a per-accelerator run of Σ nᵢ·tᵢ", () => {
    const c = side("candidate", "1.1-pass/cross-domain.csv");
    const b = side("single-domain", "1.1-world-size/single-domain.csv");
    expect(
      checkComparable("training-throughput", c, b, context("training.throughput")).map((f) => f.code),
    ).toEqual(["COMPARE_WORLD_SIZE_MISMATCH"]);
    const h100 = side("homogeneous-nvidia-h100-sxm", "1.1-pass/homogeneous-h100.csv");
    const perAccelerator = {
      ...context("training.throughput"),
      perAccelerator: true,
      declaredAccelerators: 32,
    };
    expect(checkComparable("training-throughput", c, h100, perAccelerator)).toEqual([]);
    expect(
      checkComparable("training-throughput", c, h100, { ...perAccelerator, declaredAccelerators: 16 }),
    ).toEqual([
      {
        code: "COMPARE_WORLD_SIZE_MISMATCH",
        params: {
          declared: 16,
          declared2: 16,
          gpus: 32,
          path: "1.1-pass/cross-domain.csv",
          variant: "comparability_training_2",
        },
        severity: "error",
        message:
          "The candidate (1.1-pass/cross-domain.csv) ran on 32 GPUs but the reference Σ nᵢ·tᵢ is over the 16 accelerators claimcheck.yaml declares: declare the accelerators the run used, or submit the run on all 16.",
        location: { path: "1.1-pass/cross-domain.csv", line: 1, column: "gpus" },
      },
    ]);
  });

  it("refuses a baseline without the requirement's collective, or on another rank count", () => {
    const c = side("candidate", "3.2-pass/mixed-cluster.log");
    const gather = side("baseline", "3.2-collective-mismatch/homogeneous.log");
    const allReduce = { ...context("collective.busbw"), collective: "all_reduce" as const };
    expect(checkComparable("collective-bandwidth", c, gather, allReduce).map((f) => f.code)).toEqual([
      "COMPARE_COLLECTIVE_MISMATCH",
    ]);
    const eight = {
      role: "baseline",
      path: "h100x8.log",
      evidence: parse("h100x8.log", read(DATA, "nccl-tests_v2.17.8_H100x8_1node.log")),
    };
    expect(checkComparable("collective-bandwidth", c, eight, allReduce)).toEqual([
      {
        code: "COMPARE_WORLD_SIZE_MISMATCH",
        params: {
          path: "3.2-pass/mixed-cluster.log",
          path2: "h100x8.log",
          ranks: 4,
          ranks2: 8,
          ranks3: 4,
          role: { key: "role.baseline", text: "baseline" },
          variant: "comparability_collective_1",
          wanted: "all_reduce",
        },
        severity: "error",
        message:
          "The candidate's all_reduce (3.2-pass/mixed-cluster.log) ran on 4 ranks and the baseline's (h100x8.log) on 8: busbw changes with the rank count and topology; run the baseline on 4 ranks.",
        location: { path: "h100x8.log", line: 1 },
      },
    ]);
    expect(
      checkComparable("collective-bandwidth", c, side("baseline", "3.2-pass/homogeneous.log"), allReduce),
    ).toEqual([]);
  });

  it("refuses GPU timelines of different GPU counts, whatever their sampling interval", () => {
    const one = side("memory", "1.2-pass/memory.csv");
    const fast = side("baseline-memory", "1.2-memory-lms100/memory.csv");
    expect(checkComparable("gpu-memory", one, fast, context("gpu.utilization_mean"))).toEqual([]);
    const two = {
      role: "baseline-memory",
      path: "two.csv",
      evidence: parse("two.csv", read(new URL("../formats/data/", import.meta.url), "nvidia-smi-units.csv")),
    };
    expect(
      checkComparable("gpu-memory", one, two, context("gpu.utilization_mean")).map((f) => f.code),
    ).toEqual(["COMPARE_WORLD_SIZE_MISMATCH"]);
  });

  it("makes an lm-eval run with another item count inconclusive (5.5-truncated's --limit)", () => {
    const c = side("candidate", "5.5-truncated/accuracy-2bit.json");
    const b = side("baseline", "5.5-truncated/accuracy-bf16.json");
    expect(
      checkComparable("accuracy", c, b, context("accuracy.mean")).map((f) => [f.code, f.severity]),
    ).toEqual([["COMPARE_PROTOCOL_MISMATCH", "warning"]]);
    expect(
      checkComparable(
        "accuracy",
        side("candidate", "5.5-pass/accuracy-2bit.json"),
        side("baseline", "5.5-pass/accuracy-bf16.json"),
        context("accuracy.mean"),
      ),
    ).toEqual([]);
  });

  it("checks item and topic sets of outcomes, generations and TREC runs", () => {
    const outcomes = checkComparable(
      "outcomes",
      side("candidate", "2.2-pass/faults.csv"),
      side("baseline", "1.4-pass/outcomes-baseline.csv"),
      context("outcomes.latency_ms.p50"),
    );
    expect(outcomes.map((f) => [f.code, f.severity])).toEqual([["COMPARE_ITEMS_MISMATCH", "error"]]);
    expect(
      checkComparable(
        "outcomes",
        side("candidate", "2.2-pass/faults.csv"),
        side("baseline", "2.2-pass/faults-baseline.csv"),
        context("outcomes.latency_ms.p50"),
      ),
    ).toEqual([]);
    expect(
      checkComparable(
        "generation-pairs",
        side("candidate", "1.4-pass/answers.csv"),
        side("baseline", "1.4-pass/answers-baseline.csv"),
        context("generation.rouge_l"),
      ),
    ).toEqual([]);
    expect(
      checkComparable(
        "retrieval-run",
        side("candidate", "1.4-pass/run.txt"),
        side("baseline", "1.4-pass/bm25.txt"),
        context("retrieval.ndcg@10"),
      ),
    ).toEqual([]);
  });

  it("flags request logs of two served models (vLLM's model_id) as inconclusive", () => {
    const data = new URL("../formats/data/", import.meta.url);
    const vllm = read(data, "vllm-bench-detailed.json");
    const other = new TextEncoder().encode(
      new TextDecoder().decode(vllm).replace('"model_id": "Qwen/Qwen3-8B"', '"model_id": "Qwen/Qwen3-32B"'),
    );
    const c = { role: "candidate", path: "a.json", evidence: parse("a.json", vllm) };
    const b = { role: "baseline", path: "b.json", evidence: parse("b.json", other) };
    expect(checkComparable("serving-requests", c, b, context("ttft_ms.p99"))).toEqual([
      {
        code: "COMPARE_MODEL_MISMATCH",
        params: {
          b: "Qwen/Qwen3-32B",
          c: "Qwen/Qwen3-8B",
          path: "a.json",
          path2: "b.json",
          role: "baseline",
        },
        severity: "warning",
        message:
          "The candidate (a.json) served Qwen/Qwen3-8B and the baseline (b.json) Qwen/Qwen3-32B: latencies of two models are not a comparison of the systems; submit both runs with the same model.",
        location: { path: "b.json", line: 1 },
      },
    ]);
    expect(
      checkComparable("serving-requests", c, { ...c, role: "baseline" }, context("ttft_ms.p99")),
    ).toEqual([]);
  });
});

// --- internal ---

function context(metric: string): ComparabilityContext {
  return { metric, comparison: "regression", declaredAccelerators: 0 };
}

function read(base: URL, name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, base)));
}

function parse(path: string, bytes: Uint8Array) {
  return parseEvidence({ path, bytes });
}

/** A fixture file as one side, under `role`. */
function side(role: string, path: string): ComparedSide {
  return { role, path, evidence: parse(path, read(FIXTURES, path)) };
}

/** The real MI325X FP8 Megatron run (argument dump, then iterations), edited by `edit`. */
function megatron(path: string, edit: (text: string) => string): ComparedSide {
  const text = [
    "megatron-lm-rocm_MI325X_llama70B_fp8_8nodes_args_L533-937.txt",
    "megatron-lm-rocm_MI325X_llama70B_fp8_8nodes_train_L3140-3549.log",
  ]
    .map((name) => readFileSync(new URL(name, DATA), "utf8"))
    .join("\n");
  return {
    role: path.startsWith("bf16") || path.startsWith("early") ? "baseline" : "candidate",
    path,
    evidence: parse(path, new TextEncoder().encode(edit(text))),
  };
}
