import { createFinding } from "../../model/create-finding.ts";
import type { EvidenceFile } from "../../model/evidence.ts";
import type { Finding } from "../../model/finding.ts";
import type { AccuracyScore, QualityEvidence } from "../../model/quality.ts";
import type { DetectInput } from "../format.ts";
import { FindingCollector } from "../text/column-spec.ts";
import { parseNumberCell, tokenizeCsv } from "../text/csv.ts";
import { decodeText } from "../text/text.ts";
import type { QualityAdapter } from "./quality-adapter.ts";

/**
 * OpenCompass `summary_<timestamp>.csv` (DefaultSummarizer): `dataset,version,metric,mode,<model>…`,
 * scores on a 0–100 scale with two decimals, `-` for missing, `-` as the version of group rows.
 * Some forks write `82.00 (7/8)`; then the fraction 7/8 is exact. Everything else has no n, so it
 * cannot be bounded: the raw `results/<model>/<dataset>.json` or predictions are needed for that.
 */
export const opencompassCsv: QualityAdapter = {
  id: "opencompass-csv",
  title: "OpenCompass summary CSV",
  kind: "accuracy",
  detect: ({ head }: DetectInput) =>
    (head.split("\n", 1)[0] ?? "").replace(/\s/g, "").startsWith("dataset,version,metric,mode") ? 0.9 : 0,
  parse: parseOpencompassCsv,
};

// --- internal ---

const COUNTED = /^(\d+(?:\.\d+)?)\s*\((\d+)\/(\d+)\)$/;

function parseOpencompassCsv(file: EvidenceFile): QualityEvidence {
  const text = decodeText(file.path, file.bytes);
  const out = new FindingCollector();
  const scores: AccuracyScore[] = [];
  let models: string[] | undefined;
  let rows = 0;
  const tokenized = tokenizeCsv(text, file.path, ",", (fields, line) => {
    if (models === undefined) {
      models = fields.slice(4).map((m) => m.trim());
      if (fields[0]?.trim().toLowerCase() !== "dataset")
        out.add(
          createFinding(
            "CSV_MISSING_COLUMN",
            "error",
            `The header starts with "${fields[0]?.trim().slice(0, 40)}" where OpenCompass writes "dataset,version,metric,mode,<models…>"; the first line is missing or edited.`,
            { path: file.path, line, column: "dataset" },
            { variant: "opencompass_csv_1", fields: String(fields[0]?.trim().slice(0, 40)) },
          ),
        );
      return;
    }
    if (fields.length === 1 && fields[0]?.trim() === "") return;
    rows++;
    if (fields.length !== models.length + 4)
      out.add(
        createFinding(
          "CSV_FIELD_COUNT",
          "error",
          `Row has ${fields.length} fields but the header has ${models.length + 4}; fix the delimiters or quoting of this row.`,
          { path: file.path, line },
          { variant: "opencompass_csv_1", fields_count: fields.length, models_count: models.length + 4 },
        ),
      );
    const [dataset = "", version = "", metric = ""] = fields.map((f) => f.trim());
    models.forEach((model, i) => {
      const score = readCell(fields[4 + i] ?? "", { task: dataset, metric, model, line }, file.path, out);
      if (score !== undefined) scores.push(version === "-" ? { ...score, group: true } : score);
    });
  });
  const findings: Finding[] = [...tokenized.findings, ...out.finish(file.path)];
  if (scores.some((s) => Number.isNaN(s.n)))
    findings.push(
      createFinding(
        "OPENCOMPASS_NO_COUNTS",
        "info",
        "The summary CSV holds scores rounded to 2 decimals without item counts, so no confidence bound can be given; submit OpenCompass's results/<model>/<dataset>.json or predictions to recompute them.",
        { path: file.path },
        {},
      ),
    );
  return {
    format: opencompassCsv.id,
    kind: "accuracy",
    rows,
    accuracy: { scores },
    context: { models: (models ?? []).join(", ") },
    findings,
  };
}

function readCell(
  raw: string,
  base: { task: string; metric: string; model: string; line: number },
  path: string,
  out: FindingCollector,
): AccuracyScore | undefined {
  const cell = raw.trim();
  if (cell === "-" || cell === "") return undefined;
  const counted = COUNTED.exec(cell);
  if (counted !== null) {
    const k = Number(counted[2]);
    const n = Number(counted[3]);
    return { ...base, value: k / n, n, stderr: Number.NaN };
  }
  const value = parseNumberCell(cell);
  if (value === undefined || Number.isNaN(value)) {
    out.add(
      createFinding(
        "CSV_BAD_NUMBER",
        "error",
        `"${cell.slice(0, 40)}" is not a score; OpenCompass writes scores like 44.16 (or - when missing).`,
        { path, line: base.line, column: base.model },
        { variant: "opencompass_csv_1", cell: cell.slice(0, 40) },
      ),
    );
    return undefined;
  }
  // 47.37 / 100 is 0.47369999999999995 in binary; the printed score means 0.4737.
  return { ...base, value: Number((value / 100).toPrecision(15)), n: Number.NaN, stderr: Number.NaN };
}
