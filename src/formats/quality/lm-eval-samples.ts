import { createFinding } from "../../model/create-finding.ts";
import type { EvidenceFile } from "../../model/evidence.ts";
import type { Finding } from "../../model/finding.ts";
import type { AccuracyItems, AccuracyScore, QualityEvidence } from "../../model/quality.ts";
import type { DetectInput } from "../format.ts";
import { isJsonObject, type JsonObject, parseJsonDocument } from "../text/json-input.ts";
import { decodeText } from "../text/text.ts";
import type { QualityAdapter } from "./quality-adapter.ts";

/**
 * lm-evaluation-harness `samples_<task>_<datetime>.jsonl` (`--log_samples`): one line per document
 * and filter, each metric a number or boolean. The task score is recomputed as lm-eval's `mean`
 * aggregation does: the mean over unique doc ids, stderr = sample std (ddof 1) / √n.
 */
export const lmEvalSamples: QualityAdapter = {
  id: "lm-eval-samples",
  title: "lm-evaluation-harness samples JSONL",
  kind: "accuracy",
  detect: ({ path, head }: DetectInput) => {
    const first = head.split("\n", 1)[0] ?? "";
    return first.includes('"doc_id"') && /"(filtered_resps|resps|doc_hash)"/.test(first)
      ? 0.85
      : /samples_.+\.jsonl$/.test(path) && first.includes('"doc_id"')
        ? 0.6
        : 0;
  },
  parse: parseLmEvalSamples,
};

/** The task of a `samples_<task>_<YYYY-MM-DDTHH-MM-SS.ffffff>.jsonl` file name, or the name without `.jsonl`. */
export function taskOfSamplesFile(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/^samples_/, "").replace(/(_\d{4}-\d{2}-\d{2}T[\d.-]+)?\.jsonl$/, "");
}

// --- internal ---

const NOT_METRICS = new Set([
  "doc_id",
  "doc",
  "target",
  "arguments",
  "resps",
  "filtered_resps",
  "filter",
  "metrics",
  "doc_hash",
  "prompt_hash",
  "target_hash",
  "task_name",
]);

interface Series {
  metric: string;
  filter: string;
  byDoc: Map<string, number>;
}

function parseLmEvalSamples(file: EvidenceFile): QualityEvidence {
  const task = taskOfSamplesFile(file.path);
  const series = new Map<string, Series>();
  const notes = new Map<string, Finding>();
  let records = 0;
  const doc = parseJsonDocument(file.path, decodeText(file.path, file.bytes), (record) => {
    if (!isJsonObject(record.value))
      return note(
        notes,
        "LM_EVAL_SAMPLE_NOT_OBJECT",
        `Line ${record.line} is not a sample object; submit the samples file as lm_eval wrote it.`,
        { line: record.line },
        file.path,
        record.line,
      );
    records++;
    readSample(record.value, record.line, file.path, series, notes);
  });
  const items: AccuracyItems[] = [];
  const scores: AccuracyScore[] = [];
  for (const s of series.values()) {
    const values = Float64Array.from(s.byDoc.values());
    items.push({ task, metric: s.metric, filter: s.filter, docIds: [...s.byDoc.keys()], values });
    scores.push({
      task,
      metric: s.metric,
      filter: s.filter,
      value: mean(values),
      n: values.length,
      stderr: meanStderr(values),
    });
  }
  return {
    format: lmEvalSamples.id,
    kind: "accuracy",
    rows: records,
    accuracy: { scores, topLevel: [task], items },
    context: { task, samples: records },
    findings: [...doc.findings, ...notes.values()],
  };
}

function readSample(
  sample: JsonObject,
  line: number,
  path: string,
  series: Map<string, Series>,
  notes: Map<string, Finding>,
): void {
  const id = sample.doc_id;
  if (typeof id !== "number" && typeof id !== "string") {
    note(
      notes,
      "LM_EVAL_SAMPLE_NO_DOC_ID",
      `A sample has no doc_id (first on line ${line}); submit the samples file as lm_eval wrote it.`,
      { line },
      path,
      line,
    );
    return;
  }
  const filter = typeof sample.filter === "string" ? sample.filter : "none";
  const declared = Array.isArray(sample.metrics)
    ? sample.metrics.filter((m): m is string => typeof m === "string")
    : undefined;
  for (const metric of declared ?? Object.keys(sample).filter((k) => !NOT_METRICS.has(k))) {
    const raw = sample[metric];
    const value = typeof raw === "boolean" ? Number(raw) : raw;
    if (typeof value !== "number") {
      if (declared !== undefined || Array.isArray(raw))
        note(
          notes,
          "LM_EVAL_SAMPLE_NOT_SCALAR",
          `Metric ${metric} is not a per-sample number (it is aggregated over the corpus, e.g. f1 or bleu), so it is not recomputed from the samples.`,
          { metric },
          path,
          line,
        );
      continue;
    }
    const key = `${metric},${filter}`;
    let s = series.get(key);
    if (s === undefined) {
      s = { metric, filter, byDoc: new Map() };
      series.set(key, s);
    }
    const docId = String(id);
    if (s.byDoc.has(docId))
      note(
        notes,
        "LM_EVAL_SAMPLE_DUPLICATE",
        `Document ${docId} appears twice for ${metric} (${filter}); the first is kept, as lm-eval scores unique documents.`,
        { doc: docId, metric, filter },
        path,
        line,
      );
    else s.byDoc.set(docId, value);
  }
}

/** Keeps the first finding of each code (they repeat on every line of a broken file). */
function note(
  notes: Map<string, Finding>,
  code: string,
  message: string,
  params: Record<string, string | number>,
  path: string,
  line: number,
): void {
  if (!notes.has(code))
    notes.set(
      code,
      createFinding(
        code,
        code === "LM_EVAL_SAMPLE_NOT_SCALAR" ? "info" : "warning",
        message,
        { path, line },
        params,
      ),
    );
}

function mean(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** lm-eval `mean_stderr`: sample standard deviation (ddof 1) over √n; NaN for n ≤ 1. */
function meanStderr(values: Float64Array): number {
  const n = values.length;
  if (n <= 1) return Number.NaN;
  const mu = mean(values);
  let squares = 0;
  for (const v of values) squares += (v - mu) ** 2;
  return Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
}
