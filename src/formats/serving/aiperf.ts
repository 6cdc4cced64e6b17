import { createFinding } from "../../model/create-finding.ts";
import type { EvidenceFile, ParsedEvidence, ServingRequests } from "../../model/evidence.ts";
import type { Finding } from "../../model/finding.ts";
import type { DetectInput, FormatAdapter } from "../format.ts";
import { JsonFieldReader } from "../text/json-fields.ts";
import { isJsonObject, type JsonDocument, type JsonObject, parseJsonDocument } from "../text/json-input.ts";
import { decodeText } from "../text/text.ts";
import { readAiperfChunks } from "./aiperf-bytes.ts";
import { MS_PER_UNIT } from "./genai-perf-stats.ts";
import { type RequestRow, ServingRequestsBuilder } from "./serving-columns.ts";
import { createServingEvidence, nothingUsable } from "./serving-summary.ts";

/**
 * AIPerf `profile_export.jsonl`: one line per request, `{ "metadata": {…, "request_start_ns", …},
 * "metrics": { tag: { "value", "unit" } }, "error": null | {…} }`, values in ms. AIPerf's
 * `inter_token_latency` is (E2E − TTFT)/(OSL − 1), i.e. TPOT; `inter_chunk_latency` is the list of
 * chunk gaps, whose mean is our per-request ITL. A request with an error or `was_cancelled` failed.
 */
export const aiperfJsonl: FormatAdapter = {
  id: "aiperf-jsonl",
  title: "AIPerf profile_export.jsonl (one record per request)",
  kind: "serving-requests",
  detect: detectAiperf,
  parse: parseAiperf,
  parseChunks: (path, chunks) => {
    const read = readAiperfChunks(chunks);
    if (read === undefined) return undefined;
    const { builder, ok, cancelled, warmup } = read;
    return aiperfEvidence(path, [], { rows: builder.rows, ok, cancelled, warmup }, () => builder.build());
  },
};

// --- internal ---

const LATENCIES = [
  "time_to_first_token",
  "request_latency",
  "inter_token_latency",
  "output_sequence_length",
] as const;

function detectAiperf({ head }: DetectInput): number {
  const first = head.trimStart().split("\n", 1)[0] ?? "";
  if (!first.startsWith("{") || !first.includes('"metadata"') || !first.includes('"metrics"')) return 0;
  return /"(request_start_ns|x_request_id|benchmark_phase)"/.test(first) ? 0.95 : 0;
}

function parseAiperf(file: EvidenceFile): ParsedEvidence {
  let run: RunState | undefined;
  // Records are read as they are parsed and then dropped: a profile export has one line per request.
  const doc = parseJsonDocument(file.path, decodeText(file.path, file.bytes), (record, current) => {
    run ??= createRunState(current);
    readRecord(record.value, record.line, run);
  });
  const { notes, builder, fields, ...counts } = run ?? createRunState(doc);
  return aiperfEvidence(file.path, [...doc.findings, ...fields.finish(), ...notes], counts, () =>
    builder.build(),
  );
}

/** The evidence of the records read, with the notes both reads add. */
function aiperfEvidence(
  path: string,
  read: Finding[],
  counts: { rows: number; ok: number; cancelled: number; warmup: number },
  build: () => ServingRequests,
): ParsedEvidence {
  const { rows, ok, cancelled, warmup } = counts;
  const notes: Finding[] = [];
  if (warmup > 0)
    notes.push(
      createFinding(
        "AIPERF_WARMUP_SKIPPED",
        "info",
        `${warmup} warm-up records were left out; only the profiling phase counts.`,
        { path },
        { warmup },
      ),
    );
  const requests = rows > 0 ? build() : undefined;
  if (requests === undefined) notes.push(nothingUsable(path, "AIPerf records of the profiling phase"));
  const context = { records: rows, completed: ok, failed: rows - ok, cancelled };
  const findings = [...read, ...notes];
  return createServingEvidence(aiperfJsonl.id, {
    ...(requests === undefined ? {} : { requests }),
    reported: [],
    context,
    findings,
    records: rows,
  });
}

function createRunState(doc: JsonDocument): RunState {
  return {
    doc,
    fields: new JsonFieldReader(doc),
    builder: new ServingRequestsBuilder(),
    notes: [],
    rows: 0,
    ok: 0,
    cancelled: 0,
    warmup: 0,
  };
}

interface RunState {
  doc: JsonDocument;
  fields: JsonFieldReader;
  builder: ServingRequestsBuilder;
  notes: Finding[];
  rows: number;
  ok: number;
  cancelled: number;
  warmup: number;
}

function readRecord(record: unknown, line: number, run: RunState): void {
  const { fields } = run;
  if (!isJsonObject(record)) {
    fields.wrongType(record, "an AIPerf record object", "(record)", line);
    return;
  }
  const metadata = fields.object(record, "metadata") ?? {};
  if (metadata.benchmark_phase === "warmup") {
    run.warmup++;
    return;
  }
  const metrics = fields.object(record, "metrics") ?? {};
  const resolved = resolveDuplicates(run.doc, metrics, run.notes);
  const read = (tag: string) => metricValue(metrics, tag, resolved, fields, line);
  const cancelled = metadata.was_cancelled === true;
  const ok = (record.error === null || record.error === undefined) && !cancelled;
  const startNs = fields.number(metadata, "request_start_ns", "metadata.request_start_ns");
  const requestId = fields.string(metadata, "x_request_id", "metadata.x_request_id");
  const inputTokens = read("input_sequence_length");
  const row: RequestRow = {
    startS: startNs === undefined ? Number.NaN : startNs / 1e9,
    ttftMs: read("time_to_first_token"),
    e2eMs: read("request_latency"),
    tpotMs: read("inter_token_latency"),
    itlMs: read("inter_chunk_latency"),
    // Failed requests carry only error_isl.
    inputTokens: Number.isNaN(inputTokens) ? read("error_isl") : inputTokens,
    outputTokens: read("output_sequence_length"),
    ok,
    line,
  };
  if (requestId !== undefined) row.requestId = requestId;
  run.builder.add(row);
  run.rows++;
  if (ok) run.ok++;
  if (cancelled) run.cancelled++;
}

/** A metric in ms (or tokens); a list (`inter_chunk_latency`) gives its mean; absent is NaN. */
function metricValue(
  metrics: JsonObject,
  tag: string,
  resolved: Map<string, unknown>,
  fields: JsonFieldReader,
  line: number,
): number {
  const entry = resolved.get(tag) ?? metrics[tag];
  if (entry === undefined || entry === null) return Number.NaN;
  if (!isJsonObject(entry)) {
    fields.wrongType(
      entry,
      '{"value", "unit"}',
      `metrics.${tag}`,
      () => fields.doc.lineOfKey(metrics, tag) ?? line,
    );
    return Number.NaN;
  }
  const unit = typeof entry.unit === "string" ? entry.unit : "";
  const scale = unit === "tokens" ? 1 : MS_PER_UNIT[unit];
  if (scale === undefined) {
    const message = `Unit "${unit}" of metrics.${tag} is neither a time unit (ms, ns, us, s) nor tokens; submit the file as AIPerf wrote it.`;
    fields.add(
      createFinding(
        "AIPERF_UNKNOWN_UNIT",
        "error",
        message,
        {
          path: fields.doc.path,
          line,
          column: `metrics.${tag}`,
        },
        { unit, tag },
      ),
    );
    return Number.NaN;
  }
  if (Array.isArray(entry.value)) return mean(entry.value, fields, `metrics.${tag}.value`) * scale;
  return (fields.number(entry, "value", `metrics.${tag}.value`) ?? Number.NaN) * scale;
}

function mean(values: unknown[], fields: JsonFieldReader, field: string): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += fields.numberAt(values, i, `${field}[${i}]`) ?? Number.NaN;
  return sum / values.length;
}

/**
 * AIPerf's own documentation example holds `time_to_first_token` twice (the second is really the time
 * to second token), and a JSON reader keeps the last. When one of the candidates satisfies
 * TTFT + ITL × (OSL − 1) = request latency — AIPerf's definition of ITL — that one is used.
 */
function resolveDuplicates(doc: JsonDocument, metrics: JsonObject, notes: Finding[]): Map<string, unknown> {
  const resolved = new Map<string, unknown>();
  if (doc.duplicates.length === 0) return resolved;
  for (const duplicate of doc.duplicates) {
    if (duplicate.container !== metrics || !(LATENCIES as readonly string[]).includes(duplicate.key))
      continue;
    const scored = duplicate.values.map((candidate) => ({
      candidate,
      residual: residual(metrics, duplicate.key, candidate),
    }));
    const best = scored.reduce((a, b) => (b.residual < a.residual ? b : a));
    if (!(best.residual < 1e-6)) continue;
    resolved.set(duplicate.key, best.candidate);
    const kept = isJsonObject(best.candidate) ? String(best.candidate.value) : String(best.candidate);
    const message = `Used ${duplicate.key} = ${kept}, the one of its ${duplicate.values.length} values that satisfies TTFT + ITL × (OSL − 1) = request latency; remove the other value from the record.`;
    notes.push(
      createFinding(
        "AIPERF_DUPLICATE_RESOLVED",
        "info",
        message,
        {
          path: doc.path,
          line: duplicate.line,
          column: `metrics.${duplicate.key}`,
        },
        { key: duplicate.key, kept, n: duplicate.values.length },
      ),
    );
  }
  return resolved;
}

/** Relative misfit of AIPerf's ITL identity when `key` takes the value `candidate` (read quietly). */
function residual(metrics: JsonObject, key: string, candidate: unknown): number {
  const value = (tag: string) => {
    const entry = tag === key ? candidate : metrics[tag];
    if (!isJsonObject(entry) || typeof entry.value !== "number") return Number.NaN;
    const scale = entry.unit === "tokens" ? 1 : MS_PER_UNIT[String(entry.unit)];
    return scale === undefined ? Number.NaN : entry.value * scale;
  };
  const latency = value("request_latency");
  const predicted =
    value("time_to_first_token") + value("inter_token_latency") * (value("output_sequence_length") - 1);
  return Math.abs(predicted - latency) / Math.abs(latency);
}
