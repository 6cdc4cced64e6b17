/** Collective-communication and training-throughput evidence, as the adapters read it. */

export const COLLECTIVES = [
  "all_reduce",
  "all_gather",
  "reduce_scatter",
  "alltoall",
  "broadcast",
  "reduce",
  "sendrecv",
  "gather",
  "scatter",
  "hypercube",
] as const;
export type Collective = (typeof COLLECTIVES)[number];

/** A collective from a program or declared name (`all_reduce_perf` → all_reduce, `allgather` → all_gather). */
export function toCollective(name: string): Collective | undefined {
  const known: Record<string, Collective> = {
    all_reduce: "all_reduce",
    allreduce: "all_reduce",
    all_gather: "all_gather",
    allgather: "all_gather",
    reduce_scatter: "reduce_scatter",
    reducescatter: "reduce_scatter",
    alltoall: "alltoall",
    all_to_all: "alltoall",
    broadcast: "broadcast",
    reduce: "reduce",
    sendrecv: "sendrecv",
    gather: "gather",
    scatter: "scatter",
    hypercube: "hypercube",
  };
  return known[name.toLowerCase()];
}

/**
 * nccl-tests' bus-bandwidth factor per collective for n ranks (doc/PERFORMANCE.md): busbw = algbw ×
 * factor, so that busbw is comparable with the bottleneck link's speed whatever n is.
 */
export function busbwFactor(collective: Collective, n: number): number {
  switch (collective) {
    case "all_reduce":
      return (2 * (n - 1)) / n;
    case "all_gather":
    case "reduce_scatter":
    case "alltoall":
    case "gather":
    case "scatter":
      return (n - 1) / n;
    default:
      return 1;
  }
}

/** How many times count × type size the `size` column is (per-rank counts are multiplied by n). */
export function sizeMultiplier(collective: Collective, n: number): number {
  switch (collective) {
    case "all_gather":
    case "reduce_scatter":
    case "alltoall":
    case "gather":
    case "scatter":
      return n;
    case "hypercube":
      return n - 1;
    default:
      return 1;
  }
}

/** One printed cell group of a bandwidth test: a message size, one placement. */
export interface CollectiveRow {
  sizeBytes: number;
  /** Elements as printed (`count` column); NaN when the tool does not print it. */
  count: number;
  type: string;
  redop: string;
  placement: "out-of-place" | "in-place";
  timeUs: number;
  /**
   * The unit of the time's last printed digit, µs (nccl-tests prints `1.8e+07` when 7 digits do not
   * fit: ±2.8 %); undefined when unknown. Recomputed bandwidths are compared within it.
   */
  timeUlp?: number;
  /** The tool's own algbw and busbw in GB/s (1e9 B/s); NaN when not printed (HCCL Test prints no busbw). */
  algbw: number;
  busbw: number;
  /** `#wrong` / `error` / `check_result` as printed. */
  check: string;
  line: number;
}

/** One test of a file (nccl-tests logs often hold several, one per collective). */
export interface CollectiveTest {
  /** Undefined when neither the log nor the declaration says which collective ran. */
  collective: Collective | undefined;
  collectiveSource: "header" | "inferred" | "declared" | "unknown";
  /** Ranks taking part (`#  Rank` lines); undefined when the log does not list them. */
  ranks: number | undefined;
  /** Device names from the rank lines, e.g. `NVIDIA H100 80GB HBM3`. */
  devices: string[];
  hosts: number;
  rows: CollectiveRow[];
  /** `# Avg bus bandwidth` as printed, with its line. */
  footerBusbw?: { value: number; line: number };
  /** `# Out of bounds values : N OK|FAILED`. */
  outOfBounds?: { count: number; ok: boolean; line: number };
  /** First line of the test in the file. */
  line: number;
}

export interface CollectiveTable {
  tool: "nccl-tests" | "rccl-tests" | "hccl-test" | "canonical";
  /** The file, for findings raised when the table is measured. */
  path: string;
  tests: CollectiveTest[];
}

/** One logged training step (or interval of steps). */
export interface TrainingStep {
  iteration: number;
  /** Wall time per iteration, ms. */
  elapsedMs: number;
  /** The tool's own TFLOP/s per GPU (Megatron `--log-throughput`); NaN when absent. */
  tflopsPerGpu: number;
  /** Samples per second as the tool printed (MLPerf `tracked_stats.throughput`); NaN when absent. */
  samplesPerSecond: number;
  /** Tokens per second for the whole job, when the file gives it (canonical CSV); NaN otherwise. */
  tokensPerSecond: number;
  loss: number;
  globalBatch: number;
  line: number;
  /**
   * When the line was printed, ms since 1970 read as UTC from Megatron's `[%Y-%m-%d %H:%M:%S]` prefix
   * (the log has no zone; only differences are used). Absent when the line has no time.
   */
  timeMs?: number;
}

/** A wall-clock time a training log printed, and what it marks. */
export interface ClockMark {
  label: string;
  timeMs: number;
  line: number;
}

export interface TrainingTable {
  tool: "megatron" | "mlperf-training" | "canonical";
  /** The file, for findings raised when the table is measured. */
  path: string;
  steps: TrainingStep[];
  /** `--- arguments ---` dump of a Megatron log, key → value as printed. */
  args: Record<string, string>;
  /** World size (GPUs), when the file says it. */
  gpus: number | undefined;
  seqLength: number | undefined;
  /** Accelerator model of a homogeneous run, when the file or its declaration says it. */
  accelerator?: string;
  /**
   * Megatron's `print_datetime` marks (`[before the start of training step] datetime: …`), in file
   * order, with the iteration lines' times they bound the wall clock of the job.
   */
  clock?: ClockMark[];
  /** MLPerf Training's score (time to train), when the log has run_start and run_stop. */
  timeToTrain?: TimeToTrain;
}

/**
 * An MLPerf Training result as the results summarizer scores it (mlcommons/logging
 * `result_summarizer.py`): (run_stop − run_start) time_ms / 60 000, from the last run_start before
 * the first run_stop.
 */
export interface TimeToTrain {
  minutes: number;
  /** run_stop's `status` metadata (`success` or `aborted`). */
  status: string;
  startLine: number;
  stopLine: number;
  /** Samples trained, when the log says it (`trained_samples`, run_stop `samples_count`), in the benchmark's unit. */
  samples: number | undefined;
  /** `eval_accuracy` lines (the convergence curve) and the last one. */
  evaluations: number;
  lastEval: { value: number; epoch: number | undefined; line: number } | undefined;
}
