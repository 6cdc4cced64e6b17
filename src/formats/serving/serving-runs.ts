import { createFinding } from "../../model/create-finding.ts";
import { ClaimcheckError } from "../../model/errors.ts";
import type { EvidenceFile, ParsedEvidence, ServingRequests } from "../../model/evidence.ts";
import type { Finding } from "../../model/finding.ts";
import { JsonFieldReader } from "../text/json-fields.ts";
import { isJsonObject, type JsonDocument, type JsonObject, parseJsonDocument } from "../text/json-input.ts";
import { decodeText } from "../text/text.ts";
import { ServingRequestsBuilder } from "./serving-columns.ts";
import { type DetailArraysResult, readDetailArrays } from "./serving-detail-arrays.ts";
import {
  createServingEvidence,
  NUMPY_METHODS,
  nothingUsable,
  readReported,
  type StatisticField,
} from "./serving-summary.ts";

/** What differs between the tools that write one result object per run (vLLM, SGLang). */
export interface RunFormatSpec {
  id: string;
  /** The tool and its append option, for messages: e.g. `vLLM bench serve --append-result`. */
  tool: string;
  statisticFields(run: JsonObject): StatisticField[];
  context(run: JsonObject): Record<string, string | number | boolean>;
  /** The object that holds the per-request lists: the run itself, or a nested `details`. */
  detailObject(run: JsonObject): JsonObject;
}

/**
 * Parses a result file of one run (JSON) or several appended runs (JSONL). Per-request rows come from
 * every run that has them; the reported statistics and run facts from the last run, with a finding
 * that says so whenever the file holds more than one run.
 */
export function parseRunsFile(file: EvidenceFile, spec: RunFormatSpec): ParsedEvidence {
  const doc = parseJsonDocument(file.path, decodeText(file.path, file.bytes));
  const builder = new ServingRequestsBuilder();
  return parseRunsDocument(file.path, doc, spec, {
    read: (run, fields) => readDetailArrays(spec.detailObject(run.value), fields, builder, run.line),
    build: () => builder.build(),
  });
}

/** Where a run's per-request rows come from: its parsed lists, or columns a streaming reader filled. */
export interface RunDetailsReader {
  /** Adds one run's rows; undefined when the run has no per-request lists. */
  read(run: { value: JsonObject; line: number }, fields: JsonFieldReader): DetailArraysResult | undefined;
  /** The rows of every run read. */
  build(): ServingRequests;
}

/** `parseRunsFile` once the file is a JSON document. */
export function parseRunsDocument(
  path: string,
  doc: JsonDocument,
  spec: RunFormatSpec,
  details: RunDetailsReader,
): ParsedEvidence {
  const fields = new JsonFieldReader(doc);
  const runs = resultObjects(doc.records, fields, spec.tool);
  const last = runs[runs.length - 1];
  if (last === undefined) {
    throw new ClaimcheckError(
      "E_INPUT",
      `${path} holds no result object of ${spec.tool}; submit the file the tool wrote.`,
      { findings: fields.finish() },
    );
  }
  const notes: Finding[] = [];
  const detailed = runs.filter((run) => readRunDetails(run, details, fields, notes)).map((run) => run.line);
  const reported = readReported(
    last.value,
    spec.statisticFields(last.value),
    fields,
    NUMPY_METHODS,
    last.line,
  );
  if (runs.length > 1) notes.push(multipleRuns(path, spec.tool, runs.length, last.line, detailed));
  const requests = detailed.length > 0 ? details.build() : undefined;
  if (requests === undefined && reported.length === 0)
    notes.push(nothingUsable(path, `statistics of ${spec.tool}`));
  const context = {
    ...spec.context(last.value),
    ...(runs.length > 1 ? { runs: runs.length, run_line: last.line } : {}),
  };
  const findings = [...doc.findings, ...fields.finish(), ...notes];
  return createServingEvidence(spec.id, {
    ...(requests === undefined ? {} : { requests }),
    reported,
    context,
    findings,
    records: runs.length,
  });
}

/** Top-level string values that are not facts of the tool are user metadata (`--metadata KEY=VALUE`). */
export function readMetadata(run: JsonObject, known: ReadonlySet<string>): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const [key, value] of Object.entries(run)) {
    if (typeof value === "string" && !known.has(key)) metadata[`metadata.${key}`] = value;
  }
  return metadata;
}

// --- internal ---

/** Adds one run's per-request rows; false when the run has no per-request lists. */
function readRunDetails(
  run: { value: JsonObject; line: number },
  details: RunDetailsReader,
  fields: JsonFieldReader,
  notes: Finding[],
): boolean {
  const result = details.read(run, fields);
  if (result === undefined) return false;
  if (result.derivedE2e && !notes.some((n) => n.code === "SERVING_E2E_DERIVED"))
    notes.push(derivedE2e(fields.doc.path, run.line));
  const completed = fields.number(run.value, "completed");
  if (completed !== undefined && completed !== result.ok)
    notes.push(countMismatch(fields.doc.path, run.line, completed, result.ok));
  return true;
}

function resultObjects(
  records: Array<{ value: unknown; line: number }>,
  fields: JsonFieldReader,
  tool: string,
): Array<{ value: JsonObject; line: number }> {
  const runs: Array<{ value: JsonObject; line: number }> = [];
  for (const record of records) {
    if (isJsonObject(record.value)) runs.push({ value: record.value, line: record.line });
    else fields.wrongType(record.value, `a result object of ${tool}`, "(record)", record.line);
  }
  return runs;
}

function multipleRuns(
  path: string,
  tool: string,
  count: number,
  lastLine: number,
  detailed: number[],
): Finding {
  const pooled =
    detailed.length === 0
      ? ""
      : `per-request rows of the ${detailed.length === 1 ? "run" : `${detailed.length} runs`} with per-request lists (line${detailed.length === 1 ? "" : "s"} ${detailed.join(", ")}) were pooled, and `;
  return createFinding(
    "SERVING_MULTIPLE_RUNS",
    "warning",
    `The file holds ${count} runs (one JSON object per line, as ${tool} writes them); ${pooled}the reported statistics and run facts are those of the last run, on line ${lastLine}. Submit one file per run when the runs used different settings.`,
    { path, line: lastLine },
    { count, tool, pooled, last_line: lastLine },
  );
}

function derivedE2e(path: string, line: number): Finding {
  return createFinding(
    "SERVING_E2E_DERIVED",
    "info",
    `The per-request lists have no "latencies", so each request's end-to-end latency is taken as ttfts[i] + Σ itls[i] (its last streamed chunk), which can be slightly below the tool's own E2E; TPOT is derived from it.`,
    { path, line },
    {},
  );
}

function countMismatch(path: string, line: number, completed: number, ok: number): Finding {
  return createFinding(
    "DETAIL_COUNT_MISMATCH",
    "warning",
    `The run reports completed = ${completed}, but its per-request lists show ${ok} successful requests (empty errors[i] and output_lens[i] > 0); check the failed requests of this run.`,
    { path, line, column: "completed" },
    { completed, ok },
  );
}
