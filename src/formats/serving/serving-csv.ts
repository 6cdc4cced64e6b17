import { createFinding } from "../../model/create-finding.ts";
import { ClaimcheckError } from "../../model/errors.ts";
import type { EvidenceFile, ParsedEvidence, ServingRequests } from "../../model/evidence.ts";
import type { DetectInput, FormatAdapter } from "../format.ts";
import { FindingCollector, resolveColumns } from "../text/column-spec.ts";
import { sniffDelimiter, tokenizeCsv } from "../text/csv.ts";
import { decodeText } from "../text/text.ts";
import {
  readServingNumber,
  readServingStatus,
  reportFieldCount,
  SERVING_NUMERIC_COLUMNS,
  SERVING_REQUEST_COLUMNS,
} from "./serving-cells.ts";
import { deriveTpot } from "./serving-columns.ts";
import { parseServingCsvChunks } from "./serving-csv-bytes.ts";

export { SERVING_REQUEST_COLUMNS };

export const servingCsv: FormatAdapter = {
  id: "serving-requests-csv",
  title: "claimcheck serving-requests CSV",
  kind: "serving-requests",
  detect: detectServingCsv,
  parse: parseServingCsv,
  parseChunks(path, chunks, size) {
    const fast = parseServingCsvChunks(path, chunks, size);
    return fast === undefined ? undefined : { format: servingCsv.id, ...fast };
  },
};

// --- internal ---

const NUMERIC = SERVING_NUMERIC_COLUMNS;
function detectServingCsv({ head }: DetectInput): number {
  const first = (head.split("\n", 1)[0] ?? "").toLowerCase();
  return first.includes("ttft_ms") && first.includes("e2e_ms") ? 0.9 : 0;
}

function parseServingCsv(file: EvidenceFile): ParsedEvidence {
  const fast = servingCsv.parseChunks?.(file.path, [file.bytes], file.bytes.length);
  if (fast !== undefined) return fast;
  // Quotes, non-ASCII text, CR-only line ends, header problems: the general tokenizer.
  const text = decodeText(file.path, file.bytes);
  const delimiter = sniffDelimiter(text.slice(0, text.indexOf("\n") >>> 0));
  const state = createState(file.path, estimateRows(text));
  const result = tokenizeCsv(text, file.path, delimiter, (fields, line) => visitRecord(state, fields, line));
  if (state.header === undefined) {
    throw new ClaimcheckError(
      "E_INPUT",
      `${file.path} is empty; it needs a header line and one row per request.`,
    );
  }
  const requests = finishColumns(state);
  const findings = [...state.headerFindings, ...result.findings, ...state.collector.finish(file.path)];
  if (requests.rows === 0 && findings.length === 0) {
    findings.push(
      createFinding(
        "CSV_NO_ROWS",
        "error",
        "The file has a header but no request rows; add one row per request.",
        { path: file.path, line: 1 },
        { variant: "serving_csv_bytes_1" },
      ),
    );
  }
  return { format: servingCsv.id, kind: "serving-requests", rows: requests.rows, requests, findings };
}

interface ParseState {
  path: string;
  header?: string[];
  headerFindings: ReturnType<typeof resolveColumns>["findings"];
  index: Map<string, number>;
  columns: Record<string, Float64Array>;
  ids: string[];
  ok: Uint8Array;
  lines: Int32Array;
  rows: number;
  collector: FindingCollector;
}

function createState(path: string, capacity: number): ParseState {
  const columns: Record<string, Float64Array> = {};
  for (const [name] of NUMERIC) columns[name] = new Float64Array(capacity);
  return {
    path,
    headerFindings: [],
    index: new Map(),
    columns,
    ids: [],
    ok: new Uint8Array(capacity),
    lines: new Int32Array(capacity),
    rows: 0,
    collector: new FindingCollector(),
  };
}

function visitRecord(state: ParseState, fields: string[], line: number): void {
  if (state.header === undefined) {
    state.header = [...fields];
    const resolved = resolveColumns(state.header, SERVING_REQUEST_COLUMNS, state.path);
    state.index = resolved.index;
    state.headerFindings = resolved.findings;
    for (const f of resolved.unknown) state.collector.add(f);
    return;
  }
  if (fields.length === 1 && fields[0]?.trim() === "") return;
  if (state.headerFindings.length > 0) return;
  ensureCapacity(state);
  const row = state.rows++;
  state.lines[row] = line;
  if (fields.length !== state.header.length)
    reportFieldCount(state.collector, state.path, fields.length, state.header.length, line);
  for (const [name] of NUMERIC) {
    const i = state.index.get(name);
    const cell = i === undefined ? "" : (fields[i] ?? "");
    (state.columns[name] as Float64Array)[row] = readServingNumber(
      state.collector,
      state.path,
      cell,
      name,
      line,
    );
  }
  const id = state.index.get("request_id");
  state.ids.push(id === undefined ? String(row) : (fields[id] ?? ""));
  const status = state.index.get("status");
  state.ok[row] =
    status === undefined ? 1 : readServingStatus(state.collector, state.path, fields[status] ?? "", line);
}

function ensureCapacity(state: ParseState): void {
  if (state.rows < state.ok.length) return;
  const size = Math.max(16, state.ok.length * 2);
  for (const [name] of NUMERIC) state.columns[name] = grow(state.columns[name] as Float64Array, size);
  const ok = new Uint8Array(size);
  ok.set(state.ok);
  state.ok = ok;
  const lines = new Int32Array(size);
  lines.set(state.lines);
  state.lines = lines;
}

function grow(column: Float64Array, size: number): Float64Array {
  const next = new Float64Array(size);
  next.set(column);
  return next;
}

function finishColumns(state: ParseState): ServingRequests {
  const n = state.rows;
  const col = (name: string) => (state.columns[name] as Float64Array).subarray(0, n);
  const requests: ServingRequests = {
    rows: n,
    requestId: state.ids,
    startS: col("start_s"),
    ttftMs: col("ttft_ms"),
    tpotMs: col("tpot_ms"),
    itlMs: new Float64Array(n).fill(Number.NaN),
    e2eMs: col("e2e_ms"),
    inputTokens: col("input_tokens"),
    outputTokens: col("output_tokens"),
    ok: state.ok.subarray(0, n),
    lines: state.lines.subarray(0, n),
  };
  deriveTpot(requests);
  return requests;
}

/** Rows ≈ newlines; counting them up front avoids regrowing the columns for a big file. */
function estimateRows(text: string): number {
  let count = 0;
  for (let k = text.indexOf("\n"); k >= 0; k = text.indexOf("\n", k + 1)) count++;
  return count + 1;
}
