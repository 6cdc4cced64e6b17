import type { TrainingTable } from "../../model/collective.ts";
import { createFinding } from "../../model/create-finding.ts";
import type { ParsedEvidence } from "../../model/evidence.ts";
import type { Finding } from "../../model/finding.ts";
import { densePeak, type HardwareCatalog } from "../../model/hardware.ts";
import { findEvidence } from "../find-evidence.ts";
import type { MeasureInput, MetricDefinition, MetricEstimate, MetricUnavailable } from "../metric.ts";
import { joinClauses, nested, roleRef, type Sentence } from "../sentence.ts";
import { boundSamplesNeeded, unitWeights, weightedMean } from "../stats/paired-resample.ts";
import { createRandom } from "../stats/random.ts";
import { FLOPS_FORMULA, type FlopsConvention, modelFlops, readModelShape } from "./model-flops.ts";
import { describeScoredByTimeToTrain } from "./time-to-train.ts";
import { computeLossWindow, describeShortWindow, type LossWindow } from "./training-window.ts";

/**
 * `training.throughput`: job throughput (tokens/s when the sequence length is known, else samples/s)
 * over the logged steps after dropping warm-up (claim condition `warmup_steps`, default the first
 * 10 %), as total work / total time, bounded by a seeded bootstrap over steps. As a `loss` against
 * the baseline: 1 − T / T_ref, where T_ref is the baseline run, or, with homogeneous runs of each
 * accelerator type (roles `<baseline>-<catalog id>`), Σ nᵢ·tᵢ over the candidate's accelerators (tᵢ
 * the per-device throughput of type i's own run; a type without a run is scaled from a measured one
 * by catalog dense peaks, and the report says so).
 */
export const trainingThroughput: MetricDefinition = {
  id: "training.throughput",
  unit: "tokens/s",
  better: "higher",
  evaluate(input) {
    const candidate = readRun(input, findEvidence(input, "training-throughput", "candidate"), "candidate");
    if ("unavailable" in candidate) return candidate;
    if (input.comparison === "none") return absolute(candidate, input);
    const role = input.baselineRole ?? "baseline";
    const baselines = Object.entries(input.evidence)
      .filter(
        ([name, e]) => e.kind === "training-throughput" && (name === role || name.startsWith(`${role}-`)),
      )
      .map(([name, e]) => ({ name, run: readRun(input, e, name) }));
    if (baselines.length === 0)
      return {
        unavailable: "missing",
        reason: `No ${role} training log was submitted (role ${role}, or ${role}-<accelerator> for each homogeneous run).`,
        reasonRef: { key: "missing.training_baseline", params: { role } },
      };
    const broken = baselines.find((b) => "unavailable" in b.run);
    if (broken !== undefined) return broken.run as MetricUnavailable;
    return relative(candidate, baselines as Array<{ name: string; run: Run }>, input);
  },
};

/**
 * `training.loss` (4.1): the final training loss, the mean over the last 10 % of logged steps (at
 * least one), as a `regression` against the baseline at the same point of training: the last 10 % of
 * the window both runs cover, in tokens when both give their global batch (`computeLossWindow`),
 * (cand − base) / base with a seeded bootstrap over those steps. A window that stops short of the
 * candidate's end is `partial`: the value is shown, a pass becomes inconclusive.
 */
export const trainingLoss: MetricDefinition = {
  id: "training.loss",
  unit: "",
  better: "lower",
  evaluate(input) {
    const candidateLog = findEvidence(input, "training-throughput", "candidate");
    const c = finalLosses(candidateLog);
    if ("key" in c)
      return (
        (candidateLog === undefined
          ? undefined
          : describeScoredByTimeToTrain(candidateLog, "candidate", "loss")) ?? {
          unavailable: "missing",
          reason: `Candidate: ${c.text}`,
          reasonRef: { key: "missing.training_loss", params: { side: "candidate" } },
        }
      );
    if (input.comparison === "none") {
      const value = mean(c.values, undefined);
      return {
        value,
        ...bootstrap([c.values], input, ([w]) => mean(c.values, w)),
        n: c.values.length,
        method: c.method.text,
        methodRef: nested(c.method),
      };
    }
    const candidate = candidateLog?.training as TrainingTable;
    const baselineLog = findEvidence(input, "training-throughput", "baseline");
    const baseline = baselineLog?.training;
    const untimed = baselineLog === undefined ? undefined : lossesOrTimeToTrain(baselineLog, input);
    if (untimed !== undefined) return untimed;
    if (baseline === undefined)
      return {
        unavailable: "missing",
        reason: "Baseline: no training log with a loss per step was submitted",
        reasonRef: { key: "missing.training_loss", params: { side: "baseline" } },
      };
    const window = computeLossWindow(candidate, baseline);
    if (!("axis" in window))
      return {
        unavailable: "invalid",
        reason: `The losses cannot be compared: ${window.text}; submit a baseline run over the same tokens.`,
        reasonRef: { key: "invalid.training_losses", params: { window: nested(window) } },
      };
    return lossChange(window, input);
  },
};

export const TRAINING_METRICS: MetricDefinition[] = [trainingThroughput, trainingLoss];

// --- internal ---

const RESAMPLES = 1000;

interface Run {
  /** Work units per second of each kept step. */
  rates: Float64Array;
  unit: "tokens/s" | "samples/s";
  dropped: number;
  gpus: number | undefined;
  accelerator: string | undefined;
  findings: Finding[];
  notes: Sentence[];
}

function readRun(
  input: MeasureInput,
  evidence: ParsedEvidence | undefined,
  role: string,
): Run | MetricUnavailable {
  const table = evidence?.training;
  if (table === undefined)
    return {
      unavailable: "missing",
      reason: `No ${role} training log (Megatron-LM log, MLPerf MLLOG, or the training-throughput CSV) was submitted.`,
      reasonRef: { key: "missing.training_log", params: { role: { key: `role.${role}`, text: role } } },
    };
  const seq = table.seqLength ?? positive(input.conditions.seq_length);
  const all = table.steps.map((s) => {
    const perSecond = Number.isNaN(s.elapsedMs) ? s.samplesPerSecond : s.globalBatch / (s.elapsedMs / 1000);
    return seq === undefined ? perSecond : perSecond * seq;
  });
  const warmup = positiveInt(input.conditions.warmup_steps) ?? Math.ceil(all.length * 0.1);
  const kept = all.slice(Math.min(warmup, all.length - 1)).filter((r) => Number.isFinite(r) && r > 0);
  if (kept.length === 0)
    return (
      (evidence === undefined ? undefined : describeScoredByTimeToTrain(evidence, role, "throughput")) ?? {
        unavailable: "invalid",
        reason: `The ${role} training log has no step with a usable time and batch size.`,
        reasonRef: { key: "invalid.training_no_step", params: { role: roleRef(role) } },
      }
    );
  const accelerator = table.accelerator ?? acceleratorFromRole(role, input.hardware);
  const flops = checkFlops(table, input);
  return {
    rates: Float64Array.from(kept),
    unit: seq === undefined ? "samples/s" : "tokens/s",
    dropped: all.length - kept.length,
    gpus: table.gpus ?? positive(input.conditions.gpus),
    accelerator,
    findings: flops.findings,
    notes: flops.notes,
  };
}

function absolute(run: Run, input: MeasureInput): MetricEstimate {
  const value = harmonic(run.rates, undefined);
  const bound = bootstrap([run.rates], input, ([w]) => harmonic(run.rates, w));
  const method = joinClauses(describe(run), run.notes);
  return {
    value,
    ...bound,
    n: run.rates.length,
    method: method.text,
    methodRef: nested(method),
    findings: run.findings,
    nNeeded: boundSamplesNeeded(run.rates.length, value, bound.low, bound.high),
  };
}

function relative(
  candidate: Run,
  baselines: Array<{ name: string; run: Run }>,
  input: MeasureInput,
): MetricEstimate | MetricUnavailable {
  const units = new Set([candidate.unit, ...baselines.map((b) => b.run.unit)]);
  if (units.size > 1)
    return {
      unavailable: "invalid",
      reason: "The runs are in different units (tokens/s and samples/s); declare seq_length with the claim.",
      reasonRef: { key: "invalid.training_units" },
    };
  const reference = referenceOf(baselines, input);
  if ("key" in reference)
    return { unavailable: "invalid", reason: reference.text, reasonRef: nested(reference) };
  const runs = [candidate, ...baselines.map((b) => b.run)];
  const change = (weights: Array<Uint32Array | undefined>) => {
    const t = harmonic(candidate.rates, weights[0]);
    const ref = reference.combine(baselines.map((b, i) => harmonic(b.run.rates, weights[i + 1])));
    return input.comparison === "loss" ? 1 - t / ref : t / ref - 1;
  };
  const value = change(runs.map(() => undefined));
  const bound = bootstrap(
    runs.map((r) => r.rates),
    input,
    change,
  );
  const findings = [
    ...candidate.findings,
    ...baselines.flatMap((b) => b.run.findings),
    ...reference.findings,
  ];
  const method = joinClauses(changeMethod(input, describe(candidate), reference.describe), candidate.notes);
  return {
    value,
    ...bound,
    n: Math.min(...runs.map((r) => r.rates.length)),
    method: method.text,
    methodRef: nested(method),
    candidate: harmonic(candidate.rates, undefined),
    baseline: reference.combine(baselines.map((b) => harmonic(b.run.rates, undefined))),
    findings,
    nNeeded: boundSamplesNeeded(Math.min(...runs.map((r) => r.rates.length)), value, bound.low, bound.high),
  };
}

interface Reference {
  combine(throughputs: number[]): number;
  describe: Sentence;
  findings: Finding[];
}

/** `1 − candidate / reference; candidate …; reference …; bootstrap over steps (…)`. */
function changeMethod(input: MeasureInput, candidate: Sentence, reference: Sentence): Sentence {
  const formula = input.comparison === "loss" ? "1 − candidate / reference" : "candidate / reference − 1";
  return {
    key: "method.training_throughput_change",
    params: {
      comparison: input.comparison === "loss" ? "loss" : "gain",
      candidate: nested(candidate),
      reference: nested(reference),
      resamples: RESAMPLES,
      seed: input.seed,
    },
    text: `${formula}; candidate ${candidate.text}; reference ${reference.text}; bootstrap over steps (${RESAMPLES} resamples, seed ${input.seed})`,
  };
}

/**
 * One baseline run: its throughput. Homogeneous runs per accelerator type: Σ nᵢ·tᵢ over the
 * candidate's accelerators, tᵢ = Tᵢ / gpusᵢ; a type with no run is scaled from the first measured
 * type by the catalog's dense BF16 peaks.
 */
function referenceOf(
  baselines: Array<{ name: string; run: Run }>,
  input: MeasureInput,
): Reference | Sentence {
  const types = input.system.accelerators;
  // One untagged baseline run is the reference itself (cross-domain: the same job in one domain).
  const heterogeneous =
    baselines.length > 1 ||
    (baselines[0]?.run.accelerator !== undefined && new Set(types.map((a) => a.model)).size > 1);
  if (!heterogeneous) {
    const name = baselines[0]?.name as string;
    const run = describe(baselines[0]?.run as Run);
    return {
      combine: (t) => t[0] as number,
      describe: {
        key: "training.reference_run",
        params: { role: roleRef(name), run: nested(run) },
        text: `${name}: ${run.text}`,
      },
      findings: [],
    };
  }
  const measured = baselines.map((b) => b.run);
  const missingGpus = baselines.find((b) => b.run.gpus === undefined || b.run.accelerator === undefined);
  if (missingGpus !== undefined) {
    const role = input.baselineRole ?? "baseline";
    return {
      key: "invalid.training_homogeneous_unnamed",
      params: { name: missingGpus.name, role },
      text: `The homogeneous run ${missingGpus.name} does not say its accelerator and GPU count; name the role ${role}-<catalog id> and give gpus (CSV column or claim condition).`,
    };
  }
  const catalog = input.hardware ?? new Map();
  const findings: Finding[] = [];
  const terms: Array<(t: number[]) => number> = [];
  const parts: Sentence[] = [];
  for (const type of types) {
    const at = measured.findIndex((r) => r.accelerator === type.model);
    if (at >= 0) {
      const gpus = measured[at]?.gpus as number;
      terms.push((t) => (type.count * (t[at] as number)) / gpus);
      parts.push({
        key: "training.part_own",
        params: { count: type.count, model: type.model },
        text: `${type.count} × ${type.model} (own run)`,
      });
      continue;
    }
    const ref = measured[0] as Run;
    const peakOf = (id: string | undefined) => (id === undefined ? undefined : catalog.get(id));
    const own = peakOf(type.model);
    const base = peakOf(ref.accelerator);
    const ownPeak = own === undefined ? undefined : densePeak(own, "bf16");
    const basePeak = base === undefined ? undefined : densePeak(base, "bf16");
    if (ownPeak === undefined || basePeak === undefined)
      return {
        key: "invalid.training_no_peak",
        params: { model: type.model },
        text: `${type.model} has no homogeneous run and no catalog BF16 peak to scale one from; submit its own run.`,
      };
    terms.push(
      (t) => (((type.count * (t[0] as number)) / (ref.gpus as number)) * ownPeak.tflops) / basePeak.tflops,
    );
    parts.push({
      key: "training.part_scaled",
      params: {
        count: type.count,
        model: type.model,
        from: `${ref.accelerator}`,
        own: ownPeak.tflops,
        base: basePeak.tflops,
      },
      text: `${type.count} × ${type.model} (scaled from ${ref.accelerator} by dense BF16 peaks ${ownPeak.tflops}/${basePeak.tflops})`,
    });
    findings.push(
      createFinding(
        "TRAINING_PEAK_NORMALIZED",
        ownPeak.verified && basePeak.verified ? "info" : "warning",
        `No homogeneous run of ${type.model}: its share of the reference is scaled by catalog dense BF16 peaks (${ownPeak.tflops} vs ${basePeak.tflops} TFLOP/s${ownPeak.verified && basePeak.verified ? "" : "; at least one is unverified"}); a measured run is better evidence.`,
        undefined,
        {
          model: type.model,
          tflops: ownPeak.tflops,
          tflops2: basePeak.tflops,
          unverified: ownPeak.verified && basePeak.verified ? "" : { key: "training.peak_unverified" },
        },
      ),
    );
  }
  return {
    combine: (t) => terms.reduce((sum, term) => sum + term(t), 0),
    describe: sumOf(parts),
    findings,
  };
}

/** Megatron's TFLOP/s per GPU recomputed from the argument dump, and checked against the accelerator's peak. */
function checkFlops(table: TrainingTable, input: MeasureInput): { findings: Finding[]; notes: Sentence[] } {
  if (table.tool !== "megatron" || Object.keys(table.args).length === 0) return { findings: [], notes: [] };
  const shape = readModelShape(table.args, positive(input.conditions.vocab_size));
  if ("key" in shape)
    return {
      findings: [],
      notes: [
        {
          key: "training.tflops_not_recomputed",
          params: { why: nested(shape) },
          text: `TFLOP/s/GPU not recomputed: ${shape.text}`,
        },
      ],
    };
  const gpus = table.gpus;
  const steps = table.steps.filter((s) => !Number.isNaN(s.tflopsPerGpu));
  const last = steps.at(-1);
  if (gpus === undefined || last === undefined) return { findings: [], notes: [] };
  const per = (convention: FlopsConvention) =>
    modelFlops(shape, last.globalBatch, convention) / ((last.elapsedMs / 1000) * 1e12 * gpus);
  const conventions = Object.keys(FLOPS_FORMULA) as FlopsConvention[];
  const match = conventions.find(
    (c) => Math.abs(per(c) - last.tflopsPerGpu) <= 0.051 + 1e-4 * last.tflopsPerGpu,
  );
  const where = { path: table.path, line: last.line };
  const findings: Finding[] = [];
  const convention = match ?? "megatron-2025-03";
  const recomputed = per(convention);
  if (match === undefined)
    findings.push(
      createFinding(
        "TFLOPS_MISMATCH",
        // A warning, not an accusation: the two formulas reproduce the one genuine argument dump at hand
        // (MI325X Llama-70B, 829.5 printed), but forks count FLOPs differently (MoE experts, MLA, MTP,
        // SwiGLU widths) and throughput is judged from elapsed times, not from this printed number.
        "warning",
        `The log says ${last.tflopsPerGpu} TFLOP/s/GPU at iteration ${last.iteration}; the argument dump gives ${round(per("megatron-pre-2025-03"))} (pre-2025-03 formula) or ${round(per("megatron-2025-03"))} (current): either the arguments, the GPU count or the number is not this run's, or this Megatron version counts FLOPs another way; submit the log with its whole argument dump.`,
        where,
        {
          printed: last.tflopsPerGpu,
          iteration: last.iteration,
          before: round(per("megatron-pre-2025-03")),
          current: round(per("megatron-2025-03")),
        },
      ),
    );
  const precision = table.args.fp8 !== undefined && table.args.fp8 !== "None" ? "fp8" : "bf16";
  const accelerator = input.system.accelerators[0]?.model;
  const entry = accelerator === undefined ? undefined : input.hardware?.get(accelerator);
  const peak = entry === undefined ? undefined : densePeak(entry, precision);
  const notes: Sentence[] = [
    {
      key: "training.tflops_recomputed",
      params: {
        value: round(recomputed),
        iteration: last.iteration,
        formula: { key: `flops_formula.${convention}` },
      },
      text: `TFLOP/s/GPU recomputed ${round(recomputed)} at iteration ${last.iteration} with ${FLOPS_FORMULA[convention]}`,
    },
  ];
  if (peak !== undefined && entry !== undefined) {
    const bf16 = densePeak(entry, "bf16");
    const overstated =
      precision === "fp8" && bf16 !== undefined ? round((100 * recomputed) / bf16.tflops) : undefined;
    notes.push({
      key: "training.mfu_note",
      params: {
        percent: round((100 * recomputed) / peak.tflops),
        precision: precision.toUpperCase(),
        tflops: peak.tflops,
        bf16: overstated ?? "none",
      },
      text: `MFU ${round((100 * recomputed) / peak.tflops)} % of the ${precision.toUpperCase()} dense peak ${peak.tflops}${overstated !== undefined ? ` (${overstated} % against the BF16 peak would overstate it: the run used FP8)` : ""}`,
    });
    if (recomputed > peak.tflops)
      findings.push(
        createFinding(
          "TFLOPS_ABOVE_PEAK",
          "error",
          `${round(recomputed)} TFLOP/s per GPU exceeds the ${entry.name}'s dense ${precision.toUpperCase()} peak of ${peak.tflops}: the model shape, the GPU count or the accelerator is wrong.`,
          where,
          {
            value: round(recomputed),
            name: entry.name,
            to_upper_case: precision.toUpperCase(),
            tflops: peak.tflops,
          },
        ),
      );
  }
  return { findings, notes };
}

/** `Σ nᵢ·tᵢ = a + b + …` over the accelerator types' parts. */
function sumOf(parts: Sentence[]): Sentence {
  const [first, ...rest] = parts as [Sentence, ...Sentence[]];
  const sum = rest.reduce<Sentence>(
    (left, part) => ({
      key: "training.plus",
      params: { left: nested(left), right: nested(part) },
      text: `${left.text} + ${part.text}`,
    }),
    first,
  );
  return { key: "training.reference_sum", params: { parts: nested(sum) }, text: `Σ nᵢ·tᵢ = ${sum.text}` };
}

function lossChange(window: LossWindow, input: MeasureInput): MetricEstimate {
  const cv = Float64Array.from(window.candidate, (s) => s.loss);
  const bv = Float64Array.from(window.baseline, (s) => s.loss);
  const change = (w: Array<Uint32Array | undefined>) => mean(cv, w[0]) / mean(bv, w[1]) - 1;
  const value = change([undefined, undefined]);
  const short = describeShortWindow(window);
  return {
    value,
    ...bootstrap([cv, bv], input, change),
    n: Math.min(cv.length, bv.length),
    method: `(candidate − baseline) / baseline of the final loss ${window.describe.text}: candidate ${round4(mean(cv, undefined))}, baseline ${round4(mean(bv, undefined))}; bootstrap over steps (${RESAMPLES} resamples, seed ${input.seed})`,
    methodRef: {
      key: "method.training_loss_change",
      params: {
        window: nested(window.describe),
        c: round4(mean(cv, undefined)),
        b: round4(mean(bv, undefined)),
        resamples: RESAMPLES,
        seed: input.seed,
      },
    },
    candidate: mean(cv, undefined),
    baseline: mean(bv, undefined),
    ...(short === undefined
      ? {}
      : {
          partial: `Not the final loss: ${short.text}; submit a baseline run as long as the candidate's.`,
          partialRef: { key: "partial.training_short_window", params: { short: nested(short) } },
        }),
  };
}

/** A baseline MLPerf result without a loss per step is scored by its time to train: say so. */
function lossesOrTimeToTrain(baseline: ParsedEvidence, input: MeasureInput): MetricUnavailable | undefined {
  if (!("key" in finalLosses(baseline))) return undefined;
  return describeScoredByTimeToTrain(baseline, input.baselineRole ?? "baseline", "loss");
}

function mean(values: Float64Array, w: Uint32Array | undefined): number {
  return weightedMean(values, w ?? unitWeights(values.length));
}

function round4(value: number): number {
  return Math.round(value * 10000) / 10000;
}

function finalLosses(
  evidence: ParsedEvidence | undefined,
): { values: Float64Array; method: Sentence } | Sentence {
  const steps = evidence?.training?.steps.filter((s) => Number.isFinite(s.loss)) ?? [];
  if (steps.length === 0)
    return { key: "training.no_loss", text: "no training log with a loss per step was submitted" };
  const tail = steps.slice(-Math.max(1, Math.ceil(steps.length * 0.1)));
  const values = Float64Array.from(tail, (s) => s.loss);
  const first = tail[0]?.iteration;
  const last = tail.at(-1)?.iteration;
  const loss = round(values.reduce((a, b) => a + b, 0) / values.length);
  return {
    values,
    method: {
      key: "method.training_final_loss",
      params: { loss, first: `${first}`, last: `${last}` },
      text: `mean loss ${loss} over steps ${first}–${last}`,
    },
  };
}

/** Total work / total time of steps with equal work: the harmonic mean of the step rates, weighted. */
function harmonic(rates: Float64Array, weights: Uint32Array | undefined): number {
  let count = 0;
  let inverse = 0;
  for (let i = 0; i < rates.length; i++) {
    const w = weights === undefined ? 1 : (weights[i] as number);
    count += w;
    inverse += w / (rates[i] as number);
  }
  return count / inverse;
}

/** Seeded percentile bootstrap resampling each sample (a run's steps) independently. */
function bootstrap(
  samples: Float64Array[],
  input: MeasureInput,
  statistic: (weights: Uint32Array[]) => number,
): { low: number | null; high: number | null } {
  if (samples.some((x) => x.length < 2)) return { low: null, high: null };
  const random = createRandom(input.seed);
  const weights = samples.map((x) => new Uint32Array(x.length));
  const values = new Float64Array(RESAMPLES);
  for (let i = 0; i < RESAMPLES; i++) {
    for (const w of weights) {
      w.fill(0);
      for (let j = 0; j < w.length; j++) (w[random.int(w.length)] as number)++;
    }
    values[i] = statistic(weights);
  }
  values.sort();
  const alpha = (1 - input.confidence) / 2;
  return {
    low: values[Math.floor(alpha * (RESAMPLES - 1))] as number,
    high: values[Math.ceil((1 - alpha) * (RESAMPLES - 1))] as number,
  };
}

function describe(run: Run): Sentence {
  const rate = round(harmonic(run.rates, undefined));
  return {
    key: "training.run",
    params: {
      rate,
      unit: run.unit === "tokens/s" ? "tokens" : "samples",
      steps: run.rates.length,
      dropped: run.dropped,
      gpus: run.gpus ?? "none",
    },
    text: `${rate} ${run.unit} over ${run.rates.length} steps after dropping ${run.dropped} warm-up step(s)${run.gpus === undefined ? "" : ` on ${run.gpus} GPUs`}`,
  };
}

function acceleratorFromRole(role: string, catalog: HardwareCatalog | undefined): string | undefined {
  const id = [...(catalog?.keys() ?? [])].find((k) => role.endsWith(`-${k}`));
  return id;
}

function positive(value: string | number | boolean | undefined): number | undefined {
  const n = Number(value);
  return typeof value !== "boolean" && value !== undefined && Number.isFinite(n) && n > 0 ? n : undefined;
}

function positiveInt(value: string | number | boolean | undefined): number | undefined {
  const n = Number(value);
  return typeof value !== "boolean" && value !== undefined && Number.isInteger(n) && n >= 0 ? n : undefined;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
