import { createFinding } from "../../model/create-finding.ts";
import type { EvidenceFile } from "../../model/evidence.ts";
import type { Finding } from "../../model/finding.ts";
import type { AccuracyScore, QualityEvidence } from "../../model/quality.ts";
import type { DetectInput } from "../format.ts";
import { JsonFieldReader } from "../text/json-fields.ts";
import { isJsonObject, type JsonDocument, type JsonObject, parseJsonDocument } from "../text/json-input.ts";
import { decodeText } from "../text/text.ts";
import { FRACTION_METRICS } from "./accuracy-csv.ts";
import { recomputeGroups } from "./lm-eval-groups.ts";
import type { QualityAdapter } from "./quality-adapter.ts";

/**
 * lm-evaluation-harness `results_<datetime>.json`: 0.4 keys `"<metric>,<filter>"` (split at the last
 * comma) with `"<metric>_stderr,<filter>"` (a number or "N/A"), and the 0.3 legacy keys `acc`,
 * `acc_stderr`. Group rows are recomputed from their leaf subtasks; a `limit` or an effective n below
 * the split's size is flagged, since such a run is not a full-benchmark result.
 */
export const lmEvalResults: QualityAdapter = {
  id: "lm-eval",
  title: "lm-evaluation-harness results JSON",
  kind: "accuracy",
  detect: ({ head }: DetectInput) =>
    head.trimStart().startsWith("{") && /"results"\s*:\s*\{/.test(head) && LM_EVAL_MARKS.test(head)
      ? 0.85
      : 0,
  parse: parseLmEvalResults,
};

// --- internal ---

/** Keys only lm-eval writes: task aliases, `metric,filter` keys, or its top-level sections. */
const LM_EVAL_MARKS =
  /"alias"\s*:|"[a-z_]+,[a-z-]+"\s*:|"(versions|n-shot|n-samples|configs|group_subtasks)"\s*:/;

const NOT_METRICS = new Set(["alias", "name", "sample_len", "sample_count"]);

interface Reader {
  doc: JsonDocument;
  fields: JsonFieldReader;
  path: string;
  findings: Finding[];
}

function parseLmEvalResults(file: EvidenceFile): QualityEvidence {
  const doc = parseJsonDocument(file.path, decodeText(file.path, file.bytes));
  const reader: Reader = { doc, fields: new JsonFieldReader(doc), path: file.path, findings: [] };
  const root = doc.records[0]?.value;
  if (!isJsonObject(root)) {
    reader.fields.wrongType(root, "the object lm-eval writes", "(file)", doc.records[0]?.line);
    return evidence(reader, [], undefined, {});
  }
  const results = reader.fields.object(root, "results");
  if (results === undefined) reader.findings.push(noResults(file.path));
  const raw = results === undefined ? [] : readScores(reader, root, results);
  const subtasks = readSubtasks(reader, root);
  const groups = recomputeGroups(raw, subtasks, file.path);
  reader.findings.push(...groups.findings, ...partialRun(reader, root));
  return evidence(reader, groups.scores, groups.topLevel, runContext(reader, root));
}

function evidence(
  reader: Reader,
  scores: AccuracyScore[],
  topLevel: string[] | undefined,
  context: Record<string, string | number | boolean>,
): QualityEvidence {
  return {
    format: lmEvalResults.id,
    kind: "accuracy",
    rows: scores.length,
    accuracy: topLevel === undefined ? { scores } : { scores, topLevel },
    context,
    findings: [...reader.doc.findings, ...reader.fields.finish(), ...reader.findings],
  };
}

function readScores(reader: Reader, root: JsonObject, results: JsonObject): AccuracyScore[] {
  const nSamples = reader.fields.object(root, "n-samples") ?? {};
  const nShot = reader.fields.object(root, "n-shot") ?? {};
  const versions = reader.fields.object(root, "versions") ?? {};
  const scores: AccuracyScore[] = [];
  for (const [task, row] of Object.entries(results)) {
    if (!isJsonObject(row)) {
      reader.fields.wrongType(row, "an object of metrics", `results.${task}`, () =>
        reader.doc.lineOfKey(results, task),
      );
      continue;
    }
    const samples = nSamples[task];
    const n = isJsonObject(samples) ? (reader.fields.number(samples, "effective") ?? Number.NaN) : Number.NaN;
    const shots = nShot[task];
    const version = versions[task];
    for (const key of Object.keys(row)) {
      if (NOT_METRICS.has(key) || key.split(",")[0]?.endsWith("_stderr")) continue;
      const value = reader.fields.number(row, key, `results.${task}.${key}`);
      if (value === undefined) continue;
      const comma = key.lastIndexOf(",");
      const metric = comma < 0 ? key : key.slice(0, comma);
      if (FRACTION_METRICS.test(metric) && (value < 0 || value > 1)) {
        reader.fields.add(
          createFinding(
            "ACCURACY_OUT_OF_RANGE",
            "error",
            `results.${task}.${key} is ${value}, outside [0, 1]; submit the results file exactly as lm-eval wrote it.`,
            {
              path: reader.doc.path,
              line: reader.doc.lineOfKey(row, key) ?? 1,
              column: `results.${task}.${key}`,
            },
            { variant: "lm_eval_1", task, key, value },
          ),
        );
        continue;
      }
      const score: AccuracyScore = {
        task,
        metric,
        value,
        n,
        stderr: readStderr(row[comma < 0 ? `${key}_stderr` : `${metric}_stderr${key.slice(comma)}`]),
      };
      if (comma >= 0) score.filter = key.slice(comma + 1);
      const line = reader.doc.lineOfKey(row, key);
      if (line !== undefined) score.line = line;
      if (typeof shots === "number") score.nShot = shots;
      if (typeof version === "number" || typeof version === "string") score.version = String(version);
      scores.push(score);
    }
  }
  return scores;
}

/** A stderr: a number, or "N/A" (bootstrap_iters = 0, or n ≤ 1), read as unknown. */
function readStderr(value: unknown): number {
  return typeof value === "number" ? value : Number.NaN;
}

function readSubtasks(reader: Reader, root: JsonObject): Map<string, string[]> {
  const raw = reader.fields.object(root, "group_subtasks") ?? {};
  const out = new Map<string, string[]>();
  for (const [group, list] of Object.entries(raw))
    out.set(group, Array.isArray(list) ? list.filter((t): t is string => typeof t === "string") : []);
  return out;
}

function partialRun(reader: Reader, root: JsonObject): Finding[] {
  const findings: Finding[] = [];
  const config = reader.fields.object(root, "config");
  const limit = config === undefined ? undefined : config.limit;
  if (limit !== undefined && limit !== null && config !== undefined)
    findings.push(
      createFinding(
        "LM_EVAL_LIMIT",
        "warning",
        `The run used --limit ${String(limit)}, so it scored a subset, not the benchmark; rerun without --limit before claiming a benchmark score.`,
        at(reader, config, "limit", "config.limit"),
        { value: String(limit) },
      ),
    );
  const nSamples = reader.fields.object(root, "n-samples") ?? {};
  for (const [task, counts] of Object.entries(nSamples)) {
    if (!isJsonObject(counts)) continue;
    const { original, effective } = counts;
    if (typeof original === "number" && typeof effective === "number" && effective < original)
      findings.push(
        createFinding(
          "LM_EVAL_PARTIAL",
          "warning",
          `Task ${task} scored ${effective} of its ${original} documents; a partial run is not a full-test-set result.`,
          at(reader, counts, "effective", `n-samples.${task}.effective`),
          { task, effective, original },
        ),
      );
  }
  return findings;
}

function runContext(reader: Reader, root: JsonObject): Record<string, string | number | boolean> {
  const context: Record<string, string | number | boolean> = {};
  const config = reader.fields.object(root, "config") ?? {};
  const pick = (source: JsonObject, key: string, name = key) => {
    const value = source[key];
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
      context[name] = value;
  };
  for (const key of ["model", "model_args", "model_dtype", "model_sha", "limit", "num_fewshot", "batch_size"])
    pick(config, key);
  for (const key of [
    "git_hash",
    "lm_eval_version",
    "chat_template_sha",
    "fewshot_as_multiturn",
    "max_length",
  ])
    pick(root, key);
  return context;
}

function at(reader: Reader, object: JsonObject, key: string, column: string) {
  const line = reader.doc.lineOfKey(object, key);
  return line === undefined ? { path: reader.path, column } : { path: reader.path, line, column };
}

function noResults(path: string): Finding {
  return createFinding(
    "LM_EVAL_NO_RESULTS",
    "error",
    `The file has no "results" object; submit the results_<date>.json that lm_eval wrote.`,
    { path, column: "results" },
    {},
  );
}
