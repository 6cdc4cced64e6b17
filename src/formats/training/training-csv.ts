import type { TrainingStep, TrainingTable } from "../../model/collective.ts";
import type { EvidenceFile, ParsedEvidence } from "../../model/evidence.ts";
import type { FormatAdapter } from "../format.ts";
import { readCanonicalCsv } from "../text/canonical-rows.ts";
import type { ColumnSpec } from "../text/column-spec.ts";
import { detectColumns } from "../text/header-detect.ts";

/** The canonical `training-throughput` CSV kind: one row per logged training step. */
export const TRAINING_COLUMNS: readonly ColumnSpec[] = [
  { name: "step", required: true, unit: "", description: "iteration number" },
  { name: "time_ms", required: true, unit: "ms", description: "wall time of the iteration" },
  { name: "global_batch", required: true, unit: "sequences", description: "sequences per iteration" },
  {
    name: "seq_length",
    required: false,
    unit: "tokens",
    description: "tokens per sequence (throughput is in tokens/s when given)",
  },
  { name: "gpus", required: false, unit: "", description: "accelerators in the job" },
  {
    name: "accelerator",
    required: false,
    unit: "",
    description: "hardware catalog id of a homogeneous run, e.g. nvidia-h100-sxm",
  },
  {
    name: "tflops_per_gpu",
    required: false,
    unit: "TFLOP/s",
    description: "the framework's own TFLOP/s per GPU",
  },
  { name: "loss", required: false, unit: "", description: "training loss at this step" },
];

export const trainingCsv: FormatAdapter = {
  id: "training-throughput-csv",
  title: "claimcheck training-throughput CSV",
  kind: "training-throughput",
  detect: detectColumns("step", "time_ms", "global_batch"),
  parse: parseTrainingCsv,
};

// --- internal ---

function parseTrainingCsv(file: EvidenceFile): ParsedEvidence {
  const steps: TrainingStep[] = [];
  const facts: { gpus?: number; seq?: number; accelerator?: string } = {};
  const read = readCanonicalCsv(file.path, file.bytes, "training-throughput", TRAINING_COLUMNS, (row) => {
    const seq = row.number("seq_length", "tokens");
    const gpus = row.number("gpus", "accelerators");
    if (!Number.isNaN(seq)) facts.seq ??= seq;
    if (!Number.isNaN(gpus)) facts.gpus ??= gpus;
    if (row.text("accelerator") !== "") facts.accelerator ??= row.text("accelerator");
    steps.push({
      iteration: row.number("step", "step"),
      elapsedMs: row.number("time_ms", "ms"),
      tflopsPerGpu: row.number("tflops_per_gpu", "TFLOP/s"),
      samplesPerSecond: Number.NaN,
      tokensPerSecond: Number.NaN,
      loss: row.number("loss", ""),
      globalBatch: row.number("global_batch", "sequences"),
      line: row.line,
    });
  });
  const table: TrainingTable = {
    tool: "canonical",
    path: file.path,
    steps,
    args: {},
    gpus: facts.gpus,
    seqLength: facts.seq,
  };
  if (facts.accelerator !== undefined) table.accelerator = facts.accelerator;
  return {
    format: trainingCsv.id,
    kind: "training-throughput",
    rows: steps.length,
    training: table,
    findings: read.findings,
  };
}
