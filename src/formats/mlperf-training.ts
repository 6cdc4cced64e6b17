import type { TrainingStep } from "../model/collective.ts";
import { createFinding } from "../model/create-finding.ts";
import type { EvidenceFile, ParsedEvidence } from "../model/evidence.ts";
import type { Finding } from "../model/finding.ts";
import type { FormatAdapter } from "./format.ts";
import { decodeText } from "./text.ts";

/**
 * MLPerf Training logs (mlcommons/logging): `:::MLLOG {json}` lines. Throughput comes from
 * `tracked_stats` (samples/s at a step), the score from run_start → run_stop, which must end with
 * status `success`; other lines (`:::SYSJSON`, framework output) are skipped, as the official parser does.
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

function parseMlperfTraining(file: EvidenceFile): ParsedEvidence {
  const lines = decodeText(file.path, file.bytes).split(/\r?\n/);
  const findings: Finding[] = [];
  const steps: TrainingStep[] = [];
  const context: Record<string, string | number | boolean> = { tool: "mlperf-training" };
  let batch = Number.NaN;
  let runStart: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] as string;
    if (!text.startsWith(":::MLLOG ")) continue;
    let record: { key?: string; value?: unknown; time_ms?: number; metadata?: Record<string, unknown> };
    try {
      record = JSON.parse(text.slice(9));
    } catch {
      findings.push(
        createFinding(
          "MLLOG_MALFORMED",
          "error",
          "This :::MLLOG line is not valid JSON; the log was cut or edited.",
          {
            path: file.path,
            line: i + 1,
          },
        ),
      );
      continue;
    }
    const { key, value, metadata = {} } = record;
    if (key === "global_batch_size" && typeof value === "number") batch = value;
    if (key === "submission_benchmark" && typeof value === "string") context.benchmark = value;
    if (key === "run_start") runStart = record.time_ms;
    if (key === "run_stop") {
      context.status = String(metadata.status ?? "unknown");
      if (runStart !== undefined && record.time_ms !== undefined)
        context.run_minutes = Math.round(((record.time_ms - runStart) / 60000) * 1000) / 1000;
      if (metadata.status !== "success")
        findings.push(
          createFinding(
            "MLLOG_RUN_NOT_SUCCESS",
            "error",
            `run_stop has status ${String(metadata.status)}; an aborted run is not a result.`,
            {
              path: file.path,
              line: i + 1,
            },
          ),
        );
    }
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
        line: i + 1,
      });
  }
  if (steps.length === 0)
    findings.push(
      createFinding(
        "TRAINING_NO_DATA",
        "error",
        "No tracked_stats throughput line was found in the MLLOG file.",
        {
          path: file.path,
          line: 1,
        },
      ),
    );
  return {
    format: mlperfTraining.id,
    kind: "training-throughput",
    rows: steps.length,
    training: {
      tool: "mlperf-training",
      path: file.path,
      steps,
      args: {},
      gpus: undefined,
      seqLength: undefined,
    },
    context,
    findings,
  };
}
