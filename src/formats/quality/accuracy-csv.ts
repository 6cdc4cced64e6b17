import { createFinding } from "../../model/create-finding.ts";
import type { EvidenceFile } from "../../model/evidence.ts";
import type { AccuracyScore, QualityEvidence } from "../../model/quality.ts";
import { type CanonicalRow, readCanonicalCsv } from "../text/canonical-rows.ts";
import type { ColumnSpec } from "../text/column-spec.ts";
import { detectColumns } from "../text/header-detect.ts";
import type { QualityAdapter } from "./quality-adapter.ts";

/** The canonical `accuracy` CSV kind: one task/metric score per row, as a fraction. */
export const ACCURACY_COLUMNS: readonly ColumnSpec[] = [
  { name: "task", required: true, unit: "", description: "benchmark task, e.g. arc_easy" },
  { name: "metric", required: true, unit: "", description: "metric name, e.g. acc or acc_norm" },
  {
    name: "value",
    required: true,
    unit: "fraction",
    description: "score as a fraction in [0, 1] (0.6354, not 63.54)",
  },
  { name: "n", required: false, unit: "items", description: "items scored" },
  { name: "stderr", required: false, unit: "fraction", description: "standard error of the score" },
  { name: "model", required: false, unit: "", description: "model name, when one file holds several models" },
];

export const accuracyCsv: QualityAdapter = {
  id: "accuracy-csv",
  title: "claimcheck accuracy CSV",
  kind: "accuracy",
  detect: detectColumns("task", "metric", "value"),
  parse: parseAccuracyCsv,
};

// --- internal ---

/** Metrics that are fractions; a value above 1 is a percentage written by mistake. */
/** Metrics that are fractions in [0, 1] in every tool that writes them. */
export const FRACTION_METRICS = /^(acc|acc_norm|accuracy|exact_match|em|f1|pass@\d+|score)$/;

function parseAccuracyCsv(file: EvidenceFile): QualityEvidence {
  const scores: AccuracyScore[] = [];
  const read = readCanonicalCsv(file.path, file.bytes, "accuracy", ACCURACY_COLUMNS, (row) => {
    const score = readScore(row, file.path);
    if (score !== undefined) scores.push(score);
  });
  return {
    format: accuracyCsv.id,
    kind: "accuracy",
    rows: read.rows,
    accuracy: { scores },
    findings: read.findings,
  };
}

function readScore(row: CanonicalRow, path: string): AccuracyScore | undefined {
  const metric = row.text("metric");
  const value = row.number("value", "fraction");
  if (Number.isNaN(value)) return undefined;
  if (FRACTION_METRICS.test(metric) && (value < 0 || value > 1)) {
    row.add(
      createFinding(
        "ACCURACY_OUT_OF_RANGE",
        "error",
        `${metric} ${value} is outside [0, 1]; write scores as fractions (0.6354, not 63.54).`,
        { path, line: row.line, column: "value" },
        { variant: "accuracy_csv_1", metric, value },
      ),
    );
    return undefined;
  }
  const score: AccuracyScore = {
    task: row.text("task"),
    metric,
    value,
    n: row.number("n", "items"),
    stderr: row.number("stderr", "fraction"),
    line: row.line,
  };
  const model = row.text("model");
  if (model !== "") score.model = model;
  return score;
}
