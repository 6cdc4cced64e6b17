import type { TimeToTrain, TrainingStep } from "../../model/collective.ts";
import { createFinding } from "../../model/create-finding.ts";
import type { EvidenceFile, ParsedEvidence } from "../../model/evidence.ts";
import type { Finding } from "../../model/finding.ts";
import type { FormatAdapter } from "../format.ts";
import { decodeText } from "../text/text.ts";

/**
 * MLPerf Training logs (mlcommons/logging): `:::MLLOG {json}` lines. The benchmark's score is the
 * time to train, run_start → run_stop (which must end with status `success`), read the way the
 * results summarizer reads it; throughput comes from `tracked_stats` (samples/s at a step) when the
 * implementation logs it — gpt3, resnet, stable_diffusion and llama2_70b_lora results often do not,
 * and are still complete results. Other lines (`:::SYSJSON`, framework output) are skipped, as the
 * official parser does.
 */
export const mlperfTraining: FormatAdapter = {
  id: "mlperf-training-log",
  title: "MLPerf Training log (MLLOG)",
  kind: "training-throughput",
  detect: ({ head }) =>
    /^:::MLLOG \{/m.test(head) && /"submission_benchmark"|"run_start"|"init_start"/.test(head) ? 0.95 : 0,
  parse: parseMlperfTraining,
};

// --- internal ---

interface MllogEvent {
  key: string;
  value: unknown;
  timeMs: number;
  metadata: Record<string, unknown>;
  line: number;
}

function parseMlperfTraining(file: EvidenceFile): ParsedEvidence {
  const findings: Finding[] = [];
  const events = readEvents(file, findings);
  const context: Record<string, string | number | boolean> = { tool: "mlperf-training" };
  let batch = Number.NaN;
  const steps: TrainingStep[] = [];
  for (const { key, value, metadata, line } of events) {
    if (key === "global_batch_size" && typeof value === "number") batch = value;
    if (key === "submission_benchmark" && typeof value === "string") context.benchmark = value;
    const throughput = (value as { throughput?: unknown } | null)?.throughput;
    if (key === "tracked_stats" && typeof throughput === "number")
      steps.push({
        iteration: Number(metadata.step ?? steps.length + 1),
        elapsedMs: Number.NaN,
        tflopsPerGpu: Number.NaN,
        samplesPerSecond: throughput,
        tokensPerSecond: Number.NaN,
        loss: Number.NaN,
        globalBatch: batch,
        line,
      });
  }
  const timeToTrain = readTimeToTrain(file.path, events, findings);
  if (timeToTrain !== undefined) {
    context.status = timeToTrain.status;
    context.run_minutes = Math.round(timeToTrain.minutes * 1000) / 1000;
  }
  if (steps.length === 0 && timeToTrain === undefined)
    findings.push(
      createFinding(
        "TRAINING_NO_DATA",
        "error",
        "The MLLOG file has neither tracked_stats throughput lines nor a run_start and run_stop pair; submit the complete result_N.txt of the run.",
        { path: file.path, line: 1 },
        { variant: "mlperf_training_1" },
      ),
    );
  return {
    format: mlperfTraining.id,
    kind: "training-throughput",
    // A result without tracked_stats is still one scored run (its time to train).
    rows: steps.length > 0 ? steps.length : timeToTrain === undefined ? 0 : 1,
    training: {
      tool: "mlperf-training",
      path: file.path,
      steps,
      args: {},
      gpus: undefined,
      seqLength: undefined,
      ...(timeToTrain === undefined ? {} : { timeToTrain }),
    },
    context,
    findings,
  };
}

function readEvents(file: EvidenceFile, findings: Finding[]): MllogEvent[] {
  const lines = decodeText(file.path, file.bytes).split(/\r?\n/);
  const events: MllogEvent[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] as string;
    if (!text.startsWith(":::MLLOG ")) continue;
    let record: { key?: unknown; value?: unknown; time_ms?: unknown; metadata?: Record<string, unknown> };
    try {
      record = JSON.parse(text.slice(9));
    } catch {
      findings.push(
        createFinding(
          "MLLOG_MALFORMED",
          "error",
          "This :::MLLOG line is not valid JSON; the log was cut or edited.",
          { path: file.path, line: i + 1 },
          {},
        ),
      );
      continue;
    }
    if (typeof record.key !== "string") continue;
    events.push({
      key: record.key,
      value: record.value,
      timeMs: typeof record.time_ms === "number" ? record.time_ms : Number.NaN,
      metadata: record.metadata ?? {},
      line: i + 1,
    });
  }
  return events;
}

/**
 * The summarizer's rule (`_query_run_start_stop`): scan in order, keep the latest run_start, stop at
 * the first run_stop once both are seen; the score is their time_ms difference in minutes.
 */
function readTimeToTrain(path: string, events: MllogEvent[], findings: Finding[]): TimeToTrain | undefined {
  let start: MllogEvent | undefined;
  let stop: MllogEvent | undefined;
  for (const event of events) {
    if (event.key === "run_start") start = event;
    if (event.key === "run_stop" && start !== undefined) {
      stop = event;
      break;
    }
  }
  if (start === undefined || stop === undefined) {
    if (start !== undefined)
      findings.push(
        createFinding(
          "MLLOG_NO_RUN_STOP",
          "error",
          "run_start is logged but no run_stop follows: the run did not finish (the results summarizer drops such a file); submit a finished run.",
          { path, line: start.line },
          {},
        ),
      );
    return undefined;
  }
  const status = String(stop.metadata.status ?? "unknown");
  if (status !== "success")
    findings.push(
      createFinding(
        "MLLOG_RUN_NOT_SUCCESS",
        "error",
        `run_stop has status ${status}; an aborted run is not a result.`,
        { path, line: stop.line },
        { status },
      ),
    );
  const minutes = (stop.timeMs - start.timeMs) / 60000;
  if (!(minutes > 0))
    findings.push(
      createFinding(
        "MLLOG_BAD_TIME_TO_TRAIN",
        "error",
        `run_stop (time_ms ${stop.timeMs}) is not after run_start (time_ms ${start.timeMs}); the timestamps were edited or the lines of two runs were mixed.`,
        { path, line: stop.line },
        { time_ms: stop.timeMs, time_ms2: start.timeMs },
      ),
    );
  return { minutes, status, startLine: start.line, stopLine: stop.line, ...readProgress(events, stop) };
}

/** How far training got: samples trained when logged, and the convergence evaluations. */
function readProgress(
  events: MllogEvent[],
  stop: MllogEvent,
): Pick<TimeToTrain, "samples" | "evaluations" | "lastEval"> {
  const trained = events.find((e) => e.key === "trained_samples" && typeof e.value === "number");
  const counted = stop.metadata.samples_count;
  const samples =
    trained !== undefined ? (trained.value as number) : typeof counted === "number" ? counted : undefined;
  const evals = events.filter((e) => e.key === "eval_accuracy" && typeof e.value === "number");
  const last = evals.at(-1);
  const epoch = last?.metadata.epoch_num;
  return {
    samples,
    evaluations: evals.length,
    lastEval:
      last === undefined
        ? undefined
        : {
            value: last.value as number,
            epoch: typeof epoch === "number" ? epoch : undefined,
            line: last.line,
          },
  };
}
