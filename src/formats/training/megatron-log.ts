import type { ClockMark, TrainingStep, TrainingTable } from "../../model/collective.ts";
import { createFinding } from "../../model/create-finding.ts";
import type { EvidenceFile, ParsedEvidence } from "../../model/evidence.ts";
import type { Finding } from "../../model/finding.ts";
import type { FormatAdapter } from "../format.ts";
import { decodeText } from "../text/text.ts";

/**
 * Megatron-LM training logs: the ` iteration N/M | key: value | …` lines printed by the last rank,
 * read by key, not position, since forks add fields (ROCm `mem usages`, Primus `inst/avg` values,
 * `tokens per GPU`) and wrap lines in colour codes and `[timestamp][rank-15/16][INFO]` prefixes; plus
 * the `--- arguments ---` dump when the log holds it (the model shape the FLOPs are recomputed from),
 * and the tokenizer's padded vocabulary size.
 */
export const megatronLog: FormatAdapter = {
  id: "megatron-log",
  title: "Megatron-LM training log",
  kind: "training-throughput",
  detect: ({ head }) =>
    /iteration\s+\d+\/\s*\d+\s*\|/.test(head) && /elapsed time per iteration \(ms\)/.test(head)
      ? 0.95
      : /^-+ arguments -+$/m.test(head) && /\bnum_layers \.+ \d+/.test(head)
        ? 0.7
        : // `validate_args` (megatron/training/arguments.py) prints this before the argument dump; a
          // launcher's 64 KiB of warnings can push both the dump and the first iteration past the head.
          /^using world size: \d+, data-parallel size: \d+/m.test(head)
          ? 0.7
          : 0,
  parse: parseMegatronLog,
};

// --- internal ---

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes are control characters.
const ANSI = /\u001b\[[0-9;]*m/g;
const ITERATION = /iteration\s+(\d+)\s*\/\s*(\d+)\s*\|(.*)$/;
/**
 * `training_log` prefixes each line with `datetime.now().strftime('%Y-%m-%d %H:%M:%S')` in brackets,
 * and `print_datetime` prints `[<what>] datetime: <same format>` (megatron/training/training.py).
 */
const LINE_TIME = /\[(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\]\s*iteration\s/;
const CLOCK_MARK = /\[([^\]]+)\] datetime: (\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)/;
const ARGUMENT = /^\s*([a-z0-9_]+) \.{2,} (.*?)\s*$/;
/**
 * The tokenizer's line, `print(' > padded vocab (size: {}) with {} dummy tokens (new size: {})')` in
 * `_vocab_size_with_padding` (megatron/training/tokenizer/tokenizer.py), printed by rank 0 after the
 * argument dump: the dump never holds `padded_vocab_size`, yet Megatron's own FLOPs count
 * (`num_floating_point_operations`) uses the padded size for the logits GEMM.
 */
const PADDED_VOCAB = />\s*padded vocab \(size: (\d+)\) with (\d+) dummy tokens \(new size: (\d+)\)/;

function parseMegatronLog(file: EvidenceFile): ParsedEvidence {
  const lines = decodeText(file.path, file.bytes).split(/\r?\n/);
  const steps: TrainingStep[] = [];
  const args: Record<string, string> = {};
  const findings: Finding[] = [];
  const clock: ClockMark[] = [];
  let padding: { original: number; padded: number; line: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const text = (lines[i] as string).replace(ANSI, "");
    const arg = ARGUMENT.exec(text);
    if (arg !== null) {
      args[arg[1] as string] = arg[2] as string;
      continue;
    }
    const padded = PADDED_VOCAB.exec(text);
    if (padded !== null) {
      padding = { original: Number(padded[1]), padded: Number(padded[3]), line: i + 1 };
      continue;
    }
    const mark = CLOCK_MARK.exec(text);
    if (mark !== null) {
      clock.push({ label: mark[1] as string, timeMs: readTime(mark.slice(2)), line: i + 1 });
      continue;
    }
    const match = ITERATION.exec(text);
    if (match === null) continue;
    const time = LINE_TIME.exec(text);
    const fields = readFields(match[3] as string);
    const step: TrainingStep = {
      iteration: Number(match[1]),
      elapsedMs: fields.number("elapsed time per iteration (ms)"),
      tflopsPerGpu: fields.number("throughput per GPU (TFLOP/s/GPU)"),
      samplesPerSecond: Number.NaN,
      tokensPerSecond: Number.NaN,
      loss: fields.number("lm loss"),
      globalBatch: fields.number("global batch size"),
      line: i + 1,
      ...(time === null ? {} : { timeMs: readTime(time.slice(1)) }),
    };
    if (Number.isNaN(step.elapsedMs))
      findings.push(
        createFinding(
          "TRAINING_STEP_INCOMPLETE",
          "error",
          "The iteration line has no 'elapsed time per iteration (ms)'; submit the log as Megatron printed it, not trimmed.",
          { path: file.path, line: i + 1 },
          {},
        ),
      );
    else steps.push(step);
  }
  if (steps.length === 0)
    findings.push(
      createFinding(
        "TRAINING_NO_DATA",
        "error",
        "No Megatron iteration line with an elapsed time was found; submit the training log (the lines ' iteration N/M | …').",
        { path: file.path, line: 1 },
        { variant: "megatron_log_1" },
      ),
    );
  // Kept beside the printed arguments under Megatron's own name, unless a fork already printed it.
  if (padding !== undefined && args.padded_vocab_size === undefined)
    args.padded_vocab_size = String(padding.padded);
  const table: TrainingTable = {
    tool: "megatron",
    path: file.path,
    steps,
    args,
    gpus: positive(args.world_size),
    seqLength: positive(args.seq_length),
    ...(clock.length === 0 ? {} : { clock }),
  };
  return {
    format: megatronLog.id,
    kind: "training-throughput",
    rows: steps.length,
    training: table,
    context: {
      tool: "megatron",
      arguments: Object.keys(args).length,
      ...(padding === undefined ? {} : { vocab_size: padding.original, padded_vocab_size: padding.padded }),
    },
    findings,
  };
}

/** ` key: value |` pairs; a Primus `inst/avg` value is read as the instantaneous one. */
function readFields(rest: string): { number(key: string): number } {
  const map = new Map<string, string>();
  for (const part of rest.split("|")) {
    const at = part.lastIndexOf(":");
    if (at < 0) continue;
    map.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return {
    number(key) {
      const value = map.get(key);
      if (value === undefined || value === "") return Number.NaN;
      return Number(value.split("/")[0]);
    },
  };
}

/** `YYYY MM DD hh mm ss` captures → ms since 1970, read as UTC. */
function readTime(parts: readonly (string | undefined)[]): number {
  const [y, mo, d, h, mi, s] = parts.map(Number) as [number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

function positive(value: string | undefined): number | undefined {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) && n > 0 ? n : undefined;
}
