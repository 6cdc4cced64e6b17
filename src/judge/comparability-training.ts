import { nested, roleRef } from "../measure/sentence.ts";
import { computeLossWindow, describeShortWindow } from "../measure/training/training-window.ts";
import type { TrainingTable } from "../model/collective.ts";
import { createFinding } from "../model/create-finding.ts";
import type { Finding } from "../model/finding.ts";
import type { ComparabilityContext, ComparedSide } from "./comparability.ts";

/**
 * Training logs. A loss (4.1) is compared at the same point of training: the window both runs cover
 * must hold losses of both (`computeLossWindow`) and reach the candidate's last tenth; precision may
 * differ there, it is what 4.1 varies. A throughput (1.1) is compared on the same GPU count (unless
 * the baseline is a per-accelerator run of Σ nᵢ·tᵢ), the same precision and the same sequence length;
 * a throughput improvement (4.1's gain over BF16) may change the precision, as a loss may not.
 */
export function compareTrainingRuns(
  candidate: ComparedSide,
  baseline: ComparedSide,
  context: ComparabilityContext,
): Finding[] {
  const c = candidate.evidence.training;
  const b = baseline.evidence.training;
  if (c === undefined || b === undefined) return [];
  if (context.metric === "training.loss") return lossWindow(candidate, baseline, c, b);
  return [
    ...(context.perAccelerator === true
      ? declaredSize(candidate, c, context.declaredAccelerators)
      : worldSize(candidate, baseline, c, b)),
    // A gain (4.1: mixed precision vs BF16) is what the precision change buys; a loss compares like with like.
    ...(context.comparison === "improvement" ? [] : precision(candidate, baseline, c, b)),
    ...sequence(candidate, baseline, c, b),
  ];
}

/** The run's arithmetic precision from Megatron's argument dump; undefined when the log has none. */
export function trainingPrecision(table: TrainingTable): string | undefined {
  const { fp8, bf16, fp16 } = table.args;
  if (fp8 !== undefined && fp8 !== "None") return "fp8";
  if (bf16 === "True") return "bf16";
  if (fp16 === "True") return "fp16";
  return bf16 === undefined && fp16 === undefined ? undefined : "fp32";
}

// --- internal ---

function lossWindow(
  candidate: ComparedSide,
  baseline: ComparedSide,
  c: TrainingTable,
  b: TrainingTable,
): Finding[] {
  const window = computeLossWindow(c, b);
  const where = { path: baseline.path, line: 1 };
  const sides = `the candidate (${candidate.path}) and the ${baseline.role} (${baseline.path})`;
  const sidesRef = {
    key: "window.sides",
    params: { path: candidate.path, role: roleRef(baseline.role), path2: baseline.path },
  };
  if (!("axis" in window))
    return [
      createFinding(
        "COMPARE_WINDOW_MISMATCH",
        "error",
        `The losses of ${sides} cannot be compared: ${window.text}; submit a baseline run over the same tokens as the candidate.`,
        where,
        { sides: sidesRef, window: nested(window) },
      ),
    ];
  const short = describeShortWindow(window);
  if (short === undefined) return [];
  return [
    createFinding(
      "COMPARE_WINDOW_PARTIAL",
      "warning",
      `The final losses of ${sides} are not at the same point of training: ${short.text}, so the candidate's final loss has no baseline to meet; submit a baseline run as long as the candidate's.`,
      where,
      { sides: sidesRef, short: nested(short) },
    ),
  ];
}

function worldSize(
  candidate: ComparedSide,
  baseline: ComparedSide,
  c: TrainingTable,
  b: TrainingTable,
): Finding[] {
  if (c.gpus === undefined || b.gpus === undefined || c.gpus === b.gpus) return [];
  return [
    createFinding(
      "COMPARE_WORLD_SIZE_MISMATCH",
      "error",
      `The candidate (${candidate.path}) ran on ${c.gpus} GPUs and the ${baseline.role} (${baseline.path}) on ${b.gpus}: a throughput loss between them measures the scale, not the method; run the baseline on ${c.gpus} GPUs.`,
      { path: baseline.path, line: 1 },
      {
        variant: "comparability_training_1",
        path: candidate.path,
        gpus: c.gpus,
        role: roleRef(baseline.role),
        path2: baseline.path,
        gpus2: b.gpus,
        gpus3: c.gpus,
      },
    ),
  ];
}

/** Σ nᵢ·tᵢ is taken over the declared accelerators, so the heterogeneous run must have used them all. */
function declaredSize(candidate: ComparedSide, c: TrainingTable, declared: number): Finding[] {
  if (c.gpus === undefined || declared === 0 || c.gpus === declared) return [];
  return [
    createFinding(
      "COMPARE_WORLD_SIZE_MISMATCH",
      "error",
      `The candidate (${candidate.path}) ran on ${c.gpus} GPUs but the reference Σ nᵢ·tᵢ is over the ${declared} accelerators claimcheck.yaml declares: declare the accelerators the run used, or submit the run on all ${declared}.`,
      { path: candidate.path, line: 1, column: "gpus" },
      {
        variant: "comparability_training_2",
        path: candidate.path,
        gpus: c.gpus,
        declared,
        declared2: declared,
      },
    ),
  ];
}

function precision(
  candidate: ComparedSide,
  baseline: ComparedSide,
  c: TrainingTable,
  b: TrainingTable,
): Finding[] {
  const [pc, pb] = [trainingPrecision(c), trainingPrecision(b)];
  if (pc === undefined || pb === undefined || pc === pb) return [];
  return [
    createFinding(
      "COMPARE_PRECISION_MISMATCH",
      "error",
      `The candidate (${candidate.path}) trained in ${pc.toUpperCase()} and the ${baseline.role} (${baseline.path}) in ${pb.toUpperCase()}: the throughput gap would be the precision's; run both in the same precision.`,
      { path: baseline.path, line: 1 },
      {
        path: candidate.path,
        to_upper_case: pc.toUpperCase(),
        role: roleRef(baseline.role),
        path2: baseline.path,
        to_upper_case2: pb.toUpperCase(),
      },
    ),
  ];
}

function sequence(
  candidate: ComparedSide,
  baseline: ComparedSide,
  c: TrainingTable,
  b: TrainingTable,
): Finding[] {
  if (c.seqLength === undefined || b.seqLength === undefined || c.seqLength === b.seqLength) return [];
  return [
    createFinding(
      "COMPARE_SEQUENCE_MISMATCH",
      "warning",
      `The candidate (${candidate.path}) trained on sequences of ${c.seqLength} tokens and the ${baseline.role} (${baseline.path}) on ${b.seqLength}: attention's cost grows with the length, so tokens/s are not comparable; run both at one sequence length.`,
      { path: baseline.path, line: 1 },
      {
        path: candidate.path,
        seq_length: c.seqLength,
        role: roleRef(baseline.role),
        path2: baseline.path,
        seq_length2: b.seqLength,
      },
    ),
  ];
}
