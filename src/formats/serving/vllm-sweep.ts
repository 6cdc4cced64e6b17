import { createFinding } from "../../model/create-finding.ts";
import type { EvidenceFile, ParsedEvidence, ReportedStatistic } from "../../model/evidence.ts";
import type { Finding } from "../../model/finding.ts";
import type { DetectInput, FormatAdapter } from "../format.ts";
import { JsonFieldReader } from "../text/json-fields.ts";
import { isJsonObject, type JsonObject, parseJsonDocument } from "../text/json-input.ts";
import { decodeText } from "../text/text.ts";
import { ServingRequestsBuilder } from "./serving-columns.ts";
import { readDetailArrays } from "./serving-detail-arrays.ts";
import { createServingEvidence, NUMPY_METHODS, nothingUsable, readReported } from "./serving-summary.ts";
import { VLLM_SPEC } from "./vllm-bench.ts";

/**
 * `vllm bench sweep serve`'s `summary.json` (`vllm/benchmarks/sweep/serve.py`, `run_comb`): a JSON list
 * with one `vllm bench serve` result per run of ONE parameter combination, each with `run_number` and
 * the serve and bench overrides of the combination merged in (`_update_run_data`); the sweep writes one
 * such file per combination (`SERVE-…-BENCH-…/summary.json`) and the table of all of them as summary.csv.
 * Runs at one setting are repeats (`--num-runs`): each statistic is the least favourable of the runs
 * (the highest latency, the lowest throughput), so no lucky repeat decides a verdict. A list that
 * mixes settings is ambiguous: nothing is measured from it, and a finding says which file to submit.
 */
export const vllmSweep: FormatAdapter = {
  id: "vllm-bench-sweep",
  title: "vLLM bench sweep summary.json (the runs of one parameter combination)",
  kind: "serving-requests",
  detect: ({ head }: DetectInput) =>
    head.trimStart().startsWith("[") &&
    head.includes('"model_id"') &&
    head.includes('"tokenizer_id"') &&
    /"(request_throughput|completed|num_prompts)"\s*:/.test(head)
      ? 0.95
      : 0,
  parse: parseSweep,
};

// --- internal ---

interface Run {
  value: JsonObject;
  line: number;
}

function parseSweep(file: EvidenceFile): ParsedEvidence {
  const doc = parseJsonDocument(file.path, decodeText(file.path, file.bytes));
  const fields = new JsonFieldReader(doc);
  const root = doc.records[0]?.value;
  const list = Array.isArray(root) ? root : [];
  if (!Array.isArray(root)) fields.wrongType(root, "the list vllm bench sweep writes", "(file)", 1);
  const lines = doc.elementLines(list);
  const runs: Run[] = [];
  list.forEach((value, i) => {
    if (isJsonObject(value)) runs.push({ value, line: lines[i] ?? 1 });
    else fields.wrongType(value, "a vllm bench serve result", `[${i}]`, lines[i]);
  });
  const settings = new Set(runs.map((run) => settingOf(run.value)));
  const notes: Finding[] = [];
  let reported: ReportedStatistic[] = [];
  const builder = new ServingRequestsBuilder();
  let detailed = 0;
  if (settings.size > 1) notes.push(mixedSettings(file.path, [...settings]));
  else {
    reported = leastFavourable(runs.map((run) => readRunStatistics(run, fields)));
    for (const run of runs) if (readDetailArrays(run.value, fields, builder, run.line)) detailed++;
    if (runs.length > 1) notes.push(repeats(file.path, runs));
  }
  const requests = detailed > 0 ? builder.build() : undefined;
  if (requests === undefined && reported.length === 0 && settings.size <= 1)
    notes.push(nothingUsable(file.path, "statistics of vllm bench serve"));
  const last = runs[runs.length - 1];
  const context = {
    ...(last === undefined || settings.size > 1 ? {} : VLLM_SPEC.context(last.value)),
    runs: runs.length,
    ...(settings.size === 1 ? { setting: [...settings][0] as string } : {}),
  };
  const findings = [...doc.findings, ...fields.finish(), ...notes];
  return createServingEvidence("vllm-bench-sweep", {
    ...(requests === undefined ? {} : { requests }),
    reported,
    context,
    findings,
    records: runs.length,
  });
}

function readRunStatistics(run: Run, fields: JsonFieldReader): ReportedStatistic[] {
  return readReported(run.value, VLLM_SPEC.statisticFields(run.value), fields, NUMPY_METHODS, run.line);
}

/**
 * Per metric and statistic, the worst value over the repeats: the highest for a latency (`*_ms`) and
 * the lowest for a rate. `n` is kept only when every run reports the same one.
 */
function leastFavourable(perRun: ReportedStatistic[][]): ReportedStatistic[] {
  const worst = new Map<string, { stat: ReportedStatistic; sameN: boolean }>();
  for (const stats of perRun) {
    for (const stat of stats) {
      const key = `${stat.metric}.${stat.statistic}`;
      const held = worst.get(key);
      if (held === undefined) {
        worst.set(key, { stat, sameN: true });
        continue;
      }
      const sameN = held.sameN && held.stat.n === stat.n;
      const higherIsWorse = stat.metric.endsWith("_ms");
      const worse = higherIsWorse ? stat.value > held.stat.value : stat.value < held.stat.value;
      worst.set(key, { stat: worse ? stat : held.stat, sameN });
    }
  }
  return [...worst.values()].map(({ stat, sameN }) => (sameN ? stat : withoutN(stat)));
}

function withoutN(stat: ReportedStatistic): ReportedStatistic {
  const { n: _n, ...rest } = stat;
  return rest;
}

/** The parameters of a run: everything but the results and the run's own bookkeeping. */
function settingOf(run: JsonObject): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(run)) {
    if (RESULT_KEYS.has(key) || RESULT_KEY.test(key) || typeof value === "object") continue;
    parts.push(`${key}=${String(value)}`);
  }
  return parts.sort().join(", ");
}

/** Keys that every run writes with its own values: outcomes and bookkeeping, not settings. */
const RESULT_KEYS = new Set([
  "date",
  "run_number",
  "duration",
  "completed",
  "failed",
  "total_input_tokens",
  "total_output_tokens",
  "request_throughput",
  "request_goodput",
  "request_goodput:",
  "output_throughput",
  "total_token_throughput",
  "max_output_tokens_per_s",
  "max_concurrent_requests",
]);
const RESULT_KEY = /^(mean|median|std|p\d+(?:\.\d+)?)_\w+_ms$/;

function repeats(path: string, runs: Run[]): Finding {
  return createFinding(
    "SERVING_SWEEP_REPEATS",
    "info",
    `The summary holds ${runs.length} runs of one setting (run_number ${runs.map((r) => r.value.run_number ?? "?").join(", ")}); each statistic is the least favourable of them (highest latency, lowest throughput). Submit one run's run=N.json to judge that run alone.`,
    { path, line: runs[0]?.line ?? 1 },
    { runs_count: runs.length, run_number: runs.map((r) => r.value.run_number ?? "?").join(", ") },
  );
}

function mixedSettings(path: string, settings: string[]): Finding {
  return createFinding(
    "SERVING_SWEEP_AMBIGUOUS",
    "warning",
    `The list holds runs of ${settings.length} different settings (${settings
      .map((s) => `{${s}}`)
      .join("; ")
      .slice(
        0,
        400,
      )}), so no requirement can tell which one it is about; nothing was measured from it. Submit the summary.json of one combination (vllm bench sweep writes one per SERVE-…-BENCH-… folder).`,
    { path, line: 1 },
    {
      settings_count: settings.length,
      s: settings
        .map((s) => `{${s}}`)
        .join("; ")
        .slice(0, 400),
    },
  );
}
