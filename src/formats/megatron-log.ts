import type { TrainingStep, TrainingTable } from "../model/collective.ts";
import { createFinding } from "../model/create-finding.ts";
import type { EvidenceFile, ParsedEvidence } from "../model/evidence.ts";
import type { Finding } from "../model/finding.ts";
import type { FormatAdapter } from "./format.ts";
import { decodeText } from "./text.ts";

/**
 * Megatron-LM training logs: the ` iteration N/M | key: value | …` lines printed by the last rank,
 * read by key, not position, since forks add fields (ROCm `mem usages`, Primus `inst/avg` values,
 * `tokens per GPU`) and wrap lines in colour codes and `[timestamp][rank-15/16][INFO]` prefixes; plus
 * the `--- arguments ---` dump when the log holds it (the model shape the FLOPs are recomputed from).
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
        : 0,
  parse: parseMegatronLog,
};

// --- internal ---

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes are control characters.
const ANSI = /\u001b\[[0-9;]*m/g;
const ITERATION = /iteration\s+(\d+)\s*\/\s*(\d+)\s*\|(.*)$/;
const ARGUMENT = /^\s*([a-z0-9_]+) \.{2,} (.*?)\s*$/;

function parseMegatronLog(file: EvidenceFile): ParsedEvidence {
  const lines = decodeText(file.path, file.bytes).split(/\r?\n/);
  const steps: TrainingStep[] = [];
  const args: Record<string, string> = {};
  const findings: Finding[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = (lines[i] as string).replace(ANSI, "");
    const arg = ARGUMENT.exec(text);
    if (arg !== null) {
      args[arg[1] as string] = arg[2] as string;
      continue;
    }
    const match = ITERATION.exec(text);
    if (match === null) continue;
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
    };
    if (Number.isNaN(step.elapsedMs))
      findings.push(
        createFinding(
          "TRAINING_STEP_INCOMPLETE",
          "error",
          "The iteration line has no 'elapsed time per iteration (ms)'; submit the log as Megatron printed it, not trimmed.",
          { path: file.path, line: i + 1 },
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
      ),
    );
  const table: TrainingTable = {
    tool: "megatron",
    path: file.path,
    steps,
    args,
    gpus: positive(args.world_size),
    seqLength: positive(args.seq_length),
  };
  return {
    format: megatronLog.id,
    kind: "training-throughput",
    rows: steps.length,
    training: table,
    context: { tool: "megatron", arguments: Object.keys(args).length },
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

function positive(value: string | undefined): number | undefined {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) && n > 0 ? n : undefined;
}
