import type { TrainingTable } from "../../model/collective.ts";
import { createFinding } from "../../model/create-finding.ts";
import { densePeak } from "../../model/hardware.ts";
import { findEvidence } from "../find-evidence.ts";
import type { MeasureInput, MetricDefinition, MetricEstimate, MetricUnavailable } from "../metric.ts";
import { nested, roleRef, type Sentence } from "../sentence.ts";
import { createRandom } from "../stats/random.ts";
import { withBaselineRun } from "./baseline-run.ts";
import { FLOPS_FORMULA, modelFlops, readModelShape } from "./model-flops.ts";

/**
 * `training.mfu` (4.4): model FLOPs utilization, the model FLOPs a run did per second over the dense
 * peak of its GPUs at the run's precision (FP8 when the Megatron arguments say `fp8`, else BF16),
 * Σ FLOPs / (Σ elapsed · Σ peaks), over the steps after warm-up (claim condition `warmup_steps`,
 * default the first 10 %). FLOPs come from Megatron's own formula, the 2025-03 version (causal
 * attention counted once) for every run, so two teams' forks cannot count the same model
 * differently; the model shape is the log's argument dump, completed by the claim's conditions
 * (`num_layers`, `hidden_size`, `vocab_size`, …) when the log lacks it. A heterogeneous cluster's
 * peak is the sum over the declared accelerators. Bounded by a seeded bootstrap over steps. When
 * the submission has a `baseline` run, its MFU is measured the same way and shown beside.
 */
export const trainingMfu: MetricDefinition = {
  id: "training.mfu",
  unit: "fraction",
  better: "higher",
  evaluate(input) {
    const candidate = measureMfu(input, findEvidence(input, "training-throughput", "candidate"), "candidate");
    if ("unavailable" in candidate) return candidate;
    const role = input.baselineRole ?? "baseline";
    const baselineLog = input.evidence[role];
    if (baselineLog?.training === undefined) return candidate;
    return withBaselineRun(candidate, role, measureMfu(input, baselineLog, role));
  },
};

// --- internal ---

const RESAMPLES = 1000;
const SHAPE_KEYS = [
  "num_layers",
  "hidden_size",
  "ffn_hidden_size",
  "num_attention_heads",
  "num_query_groups",
  "group_query_attention",
  "kv_channels",
  "seq_length",
  "vocab_size",
  "swiglu",
  "num_experts",
  "moe_ffn_hidden_size",
  "moe_router_topk",
];

function measureMfu(
  input: MeasureInput,
  evidence: { training?: TrainingTable } | undefined,
  role: string,
): MetricEstimate | MetricUnavailable {
  const table = evidence?.training;
  if (table === undefined)
    return {
      unavailable: "missing",
      reason: `No ${role} training log was submitted; MFU needs the Megatron-LM log with its argument dump.`,
      reasonRef: { key: "missing.mfu_log", params: { role: roleRef(role) } },
    };
  const shape = readModelShape(modelArgs(table, input), undefined);
  if ("key" in shape)
    return {
      unavailable: "missing",
      reason: `MFU of the ${role} run cannot be computed: ${shape.text}.`,
      reasonRef: { key: "missing.mfu_shape", params: { role: roleRef(role), why: nested(shape) } },
    };
  const peak = clusterPeak(input, table);
  if ("key" in peak)
    return {
      unavailable: "missing",
      reason: `${role}: ${peak.text}`,
      reasonRef: { key: "missing.mfu_peak", params: { role: roleRef(role), why: nested(peak) } },
    };
  const steps = keptSteps(table, input);
  if (steps.length === 0)
    return {
      unavailable: "invalid",
      reason: `The ${role} log has no step with a time and a batch size.`,
      reasonRef: { key: "invalid.mfu_no_step", params: { role: roleRef(role) } },
    };
  const flops = Float64Array.from(steps, (s) => modelFlops(shape, s.globalBatch, "megatron-2025-03"));
  const seconds = Float64Array.from(steps, (s) => s.elapsedMs / 1000);
  const ratio = (w?: Uint32Array) => weightedSum(flops, w) / (weightedSum(seconds, w) * peak.tflops * 1e12);
  const value = ratio();
  const bound = bootstrap(steps.length, input, ratio);
  const earlier =
    steps.reduce((sum, s) => sum + modelFlops(shape, s.globalBatch, "megatron-pre-2025-03"), 0) /
    (weightedSum(seconds, undefined) * peak.tflops * 1e12);
  return {
    value,
    ...bound,
    explainClaim: (claimed) => explainFormula(claimed, earlier, table.path),
    n: steps.length,
    method: `MFU = Σ model FLOPs / (Σ step time × ${peak.describe.text}) over ${steps.length} steps after ${table.steps.length - steps.length} warm-up step(s); ${FLOPS_FORMULA["megatron-2025-03"]}; bootstrap over steps (${RESAMPLES} resamples, seed ${input.seed})`,
    methodRef: {
      key: "method.mfu",
      params: {
        peak: nested(peak.describe),
        steps: steps.length,
        warmup: table.steps.length - steps.length,
        formula: { key: "flops_formula.megatron-2025-03" },
        resamples: RESAMPLES,
        seed: input.seed,
      },
    },
  };
}

/**
 * A claim that matches the MFU of Megatron-LM's formula before 2025-03-06 (causal attention counted
 * twice, as forks that print a TFLOP/s from it still do): say so, since the gap is the convention.
 */
function explainFormula(claimed: number, earlier: number, path: string) {
  const shown = Math.round(earlier * 1000) / 10;
  if (Math.abs(claimed - earlier * 100) > Math.max(0.1, 0.01 * earlier * 100)) return undefined;
  return createFinding(
    "MFU_FLOPS_CONVENTION",
    "info",
    `The claimed ${claimed} % is the MFU by Megatron-LM's formula before 2025-03-06 (${shown} %), which counts causal attention twice; claimcheck counts every team's FLOPs with the current formula so MFUs compare. Claim the recomputed value.`,
    { path },
    { claimed, earlier: shown },
  );
}

/** The log's arguments, with the claim's conditions filling what the log does not print. */
function modelArgs(table: TrainingTable, input: MeasureInput): Record<string, string> {
  const declared = Object.fromEntries(
    SHAPE_KEYS.flatMap((key) => {
      const value = input.conditions[key];
      return value === undefined ? [] : [[key, value === true ? "True" : String(value)]];
    }),
  );
  const printed = Object.fromEntries(Object.entries(table.args).filter(([, v]) => v !== "None"));
  return { ...declared, ...printed };
}

/** Σ dense peaks of the run's GPUs at its precision: one type × the log's world size, or the declared mix. */
function clusterPeak(
  input: MeasureInput,
  table: TrainingTable,
): { tflops: number; describe: Sentence } | Sentence {
  const precision =
    input.conditions.precision === "fp8" || (table.args.fp8 !== undefined && table.args.fp8 !== "None")
      ? "fp8"
      : "bf16";
  const nodes = input.system.nodes ?? 1;
  const types = input.system.accelerators.map((a) => ({ id: a.model, count: a.count * nodes }));
  const declared = types.reduce((sum, t) => sum + t.count, 0);
  const gpus = table.gpus ?? (declared > 0 ? declared : undefined);
  if (gpus === undefined || types.length === 0)
    return {
      key: "peak.undeclared",
      text: "declare the accelerators (system.accelerators with catalog ids) so the dense peak is known",
    };
  if (types.length > 1 && declared !== gpus)
    return {
      key: "peak.cluster_mismatch",
      params: { gpus, declared },
      text: `the log ran on ${gpus} GPUs but the declared accelerators add up to ${declared}; declare the run's cluster`,
    };
  const mix = types.length === 1 ? [{ id: types[0]?.id as string, count: gpus }] : types;
  let tflops = 0;
  for (const type of mix) {
    const entry = input.hardware?.get(type.id);
    const peak = entry === undefined ? undefined : densePeak(entry, precision);
    if (peak === undefined)
      return {
        key: "peak.not_in_catalog",
        params: { precision: precision.toUpperCase(), id: type.id },
        text: `the hardware catalog has no dense ${precision.toUpperCase()} peak for ${type.id}`,
      };
    tflops += type.count * peak.tflops;
  }
  const terms = mix.map((t) => `${t.count} × ${t.id}`).join(" + ");
  return {
    tflops,
    describe: {
      key: "peak.dense_sum",
      params: { precision: precision.toUpperCase(), terms, tflops: round(tflops) },
      text: `dense ${precision.toUpperCase()} peak of ${terms} = ${round(tflops)} TFLOP/s`,
    },
  };
}

function keptSteps(table: TrainingTable, input: MeasureInput) {
  const warmup = Number(input.conditions.warmup_steps);
  const drop = Number.isInteger(warmup) && warmup >= 0 ? warmup : Math.ceil(table.steps.length * 0.1);
  return table.steps
    .slice(Math.min(drop, table.steps.length - 1))
    .filter((s) => s.elapsedMs > 0 && s.globalBatch > 0);
}

function weightedSum(values: Float64Array, weights: Uint32Array | undefined): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++)
    sum += (weights === undefined ? 1 : (weights[i] as number)) * (values[i] as number);
  return sum;
}

function bootstrap(
  n: number,
  input: MeasureInput,
  statistic: (weights: Uint32Array) => number,
): { low: number | null; high: number | null } {
  if (n < 2) return { low: null, high: null };
  const random = createRandom(input.seed);
  const weights = new Uint32Array(n);
  const values = new Float64Array(RESAMPLES);
  for (let i = 0; i < RESAMPLES; i++) {
    weights.fill(0);
    for (let j = 0; j < n; j++) (weights[random.int(n)] as number)++;
    values[i] = statistic(weights);
  }
  values.sort();
  const alpha = (1 - input.confidence) / 2;
  return {
    low: values[Math.floor(alpha * (RESAMPLES - 1))] as number,
    high: values[Math.ceil((1 - alpha) * (RESAMPLES - 1))] as number,
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
