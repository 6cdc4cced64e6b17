import { createFinding } from "../../model/create-finding.ts";
import type { EvidenceFile, ItemOutcomes, ParsedEvidence } from "../../model/evidence.ts";
import type { DetectInput, FormatAdapter } from "../format.ts";
import { JsonFieldReader } from "../text/json-fields.ts";
import { isJsonObject, parseJsonDocument } from "../text/json-input.ts";
import { decodeText } from "../text/text.ts";

/**
 * τ-bench's results file (`tau_bench/run.py` checkpoint, also `historical_trajectories/*.json`): a JSON
 * list of `EnvRunResult {task_id, reward, info, traj, trial}`. A trial succeeds when its reward is
 * within 1e-6 of 1, the tool's own rule; `info` and `traj` are not needed to recompute pass^k.
 */
export const tauBench: FormatAdapter = {
  id: "tau-bench",
  title: "τ-bench results (list of EnvRunResult: task_id, reward, trial)",
  kind: "outcomes",
  detect: detectTauBench,
  parse: parseTauBench,
};

/** τ-bench's success rule (`display_metrics`): a reward within 1e-6 of 1. */
export function isTauBenchSuccess(reward: number): boolean {
  return reward >= 1 - 1e-6 && reward <= 1 + 1e-6;
}

// --- internal ---

function detectTauBench({ head }: DetectInput): number {
  const start = head.trimStart();
  return start.startsWith("[") &&
    /"task_id"/.test(head) &&
    /"reward"/.test(head) &&
    /"traj"|"trial"/.test(head)
    ? 0.85
    : 0;
}

function parseTauBench(file: EvidenceFile): ParsedEvidence {
  const doc = parseJsonDocument(file.path, decodeText(file.path, file.bytes));
  const fields = new JsonFieldReader(doc);
  const root = doc.records[0]?.value;
  const rows: Array<{ id: string; success: number; trial: number; line: number }> = [];
  if (!Array.isArray(root)) {
    fields.wrongType(root, "the list of run results τ-bench writes", "(file)", doc.records[0]?.line);
  } else {
    const lines = doc.elementLines(root);
    root.forEach((record, i) => {
      const line = lines[i] ?? 1;
      if (!isJsonObject(record)) {
        fields.wrongType(record, "a run result object", `[${i}]`, line);
        return;
      }
      const id = record.task_id;
      const reward = fields.number(record, "reward", `[${i}].reward`);
      if (
        (typeof id !== "number" && typeof id !== "string") ||
        reward === undefined ||
        Number.isNaN(reward)
      ) {
        incomplete(fields, file.path, line, i);
        return;
      }
      rows.push({
        id: String(id),
        success: isTauBenchSuccess(reward) ? 1 : 0,
        trial: fields.number(record, "trial") ?? 0,
        line,
      });
    });
  }
  const outcomes: ItemOutcomes = {
    rows: rows.length,
    itemId: rows.map((r) => r.id),
    success: Uint8Array.from(rows, (r) => r.success),
    trial: Int32Array.from(rows, (r) => r.trial),
    latencyMs: new Float64Array(rows.length).fill(Number.NaN),
    lines: Int32Array.from(rows, (r) => r.line),
  };
  const tasks = new Set(outcomes.itemId).size;
  return {
    format: tauBench.id,
    kind: "outcomes",
    rows: rows.length,
    outcomes,
    context: { tasks, trials: new Set(outcomes.trial).size },
    findings: [...doc.findings, ...fields.finish()],
  };
}

function incomplete(fields: JsonFieldReader, path: string, line: number, index: number): void {
  fields.add(
    createFinding(
      "TAU_BENCH_INCOMPLETE",
      "error",
      `Run result ${index} lacks a task_id or a numeric reward; submit the results file exactly as τ-bench wrote it.`,
      { path, line, column: `[${index}]` },
      { index },
    ),
  );
}
