import { MS_PER_UNIT } from "./genai-perf-stats.ts";
import { checkObject, createMembers, type RecordMembers } from "./json-record-check.ts";
import { JsonRecordSplitter } from "./json-record-splitter.ts";
import { elementsAt, memberAt, numberAt, stringAt, stringIs, valueKind } from "./json-record-walk.ts";
import {
  E2E_MS,
  INPUT_TOKENS,
  ITL_MS,
  OUTPUT_TOKENS,
  RequestColumnBuilder,
  START_S,
  TPOT_MS,
  TTFT_MS,
} from "./request-column-builder.ts";

/** What the streaming read of an AIPerf profile export gives the adapter to finish. */
export interface AiperfColumns {
  builder: RequestColumnBuilder;
  ok: number;
  cancelled: number;
  warmup: number;
}

/**
 * AIPerf `profile_export.jsonl` read from its bytes, one line at a time, as `readRecord` reads the
 * parsed line: warm-up records counted and skipped, each metric's value × its unit's scale (a list's
 * mean), failed on an error or `was_cancelled`. Undefined when a line holds anything the general
 * reader reports or resolves (a duplicated key, an unknown unit, a wrong type, a broken line).
 */
export function readAiperfChunks(chunks: Iterable<Uint8Array>): AiperfColumns | undefined {
  const read: AiperfColumns = { builder: new RequestColumnBuilder(), ok: 0, cancelled: 0, warmup: 0 };
  const scratch: Scratch = {
    record: createMembers(),
    metadata: createMembers(),
    metrics: createMembers(),
    entry: createMembers(),
    elements: [],
  };
  const splitter = new JsonRecordSplitter({ kind: "lines" }, (buf, start, end, line) =>
    readRecord(buf, start, end, line, scratch, read),
  );
  for (const chunk of chunks) if (!splitter.push(chunk)) return undefined;
  return splitter.end() === undefined || splitter.records === 0 ? undefined : read;
}

// --- internal ---

interface Scratch {
  record: RecordMembers;
  metadata: RecordMembers;
  metrics: RecordMembers;
  entry: RecordMembers;
  elements: number[];
}

/** Absent where a metric or field is not there; FAILED where the general reader would report it. */
const FAILED = Symbol("failed");

function readRecord(
  buf: Uint8Array,
  start: number,
  end: number,
  line: number,
  scratch: Scratch,
  read: AiperfColumns,
): boolean {
  const { record, metadata, metrics } = scratch;
  if (checkObject(buf, start, end, record) < 0) return false;
  if (!nestedObject(buf, memberAt(buf, record, "metadata"), end, metadata)) return false;
  const phase = memberAt(buf, metadata, "benchmark_phase");
  if (phase >= 0 && valueKind(buf, phase) === "string" && stringAt(buf, phase, end) === "warmup") {
    read.warmup++;
    return true;
  }
  if (!nestedObject(buf, memberAt(buf, record, "metrics"), end, metrics)) return false;
  const cancelledAt = memberAt(buf, metadata, "was_cancelled");
  const cancelled = cancelledAt >= 0 && buf[cancelledAt] === 116; // `true`
  const errorAt = memberAt(buf, record, "error");
  const ok = (errorAt < 0 || valueKind(buf, errorAt) === "null") && !cancelled;
  const startNs = numberField(buf, memberAt(buf, metadata, "request_start_ns"), end);
  const id = stringField(buf, memberAt(buf, metadata, "x_request_id"), end);
  if (startNs === FAILED || id === FAILED) return false;
  const row = read.builder.row;
  const metric = (tag: string) => metricValue(buf, end, tag, scratch);
  const values = [
    metric("time_to_first_token"),
    metric("request_latency"),
    metric("inter_token_latency"),
    metric("inter_chunk_latency"),
    metric("input_sequence_length"),
    metric("output_sequence_length"),
  ];
  if (values.some((v) => v === FAILED)) return false;
  const [ttft, e2e, tpot, itl, input, output] = values as number[];
  // Failed requests carry only error_isl.
  const inputTokens = Number.isNaN(input) ? metric("error_isl") : (input as number);
  if (inputTokens === FAILED) return false;
  row[START_S] = startNs === undefined ? Number.NaN : startNs / 1e9;
  row[TTFT_MS] = ttft as number;
  row[E2E_MS] = e2e as number;
  row[TPOT_MS] = tpot as number;
  row[ITL_MS] = itl as number;
  row[INPUT_TOKENS] = inputTokens;
  row[OUTPUT_TOKENS] = output as number;
  read.builder.add(ok, line, id);
  if (ok) read.ok++;
  if (cancelled) read.cancelled++;
  return true;
}

/** An optional object member (`?? {}`): absent or null reads as empty; another type is reported. */
function nestedObject(buf: Uint8Array, at: number, end: number, members: RecordMembers): boolean {
  members.count = 0;
  if (at < 0) return true;
  const kind = valueKind(buf, at);
  if (kind === "null") return true;
  return kind === "object" && checkObject(buf, at, end, members) >= 0;
}

function numberField(buf: Uint8Array, at: number, end: number): number | undefined | typeof FAILED {
  if (at < 0) return undefined;
  const kind = valueKind(buf, at);
  if (kind === "null") return undefined;
  return kind === "number" ? numberAt(buf, at, end) : FAILED;
}

function stringField(buf: Uint8Array, at: number, end: number): string | undefined | typeof FAILED {
  if (at < 0) return undefined;
  const kind = valueKind(buf, at);
  if (kind === "null") return undefined;
  return kind === "string" ? stringAt(buf, at, end) : FAILED;
}

/** A metric in ms (or tokens): `{"value", "unit"}`, a list value giving its mean; NaN when absent. */
function metricValue(buf: Uint8Array, end: number, tag: string, scratch: Scratch): number | typeof FAILED {
  const at = memberAt(buf, scratch.metrics, tag);
  if (at < 0) return Number.NaN;
  const kind = valueKind(buf, at);
  if (kind === "null") return Number.NaN;
  const entry = scratch.entry;
  if (kind !== "object" || checkObject(buf, at, end, entry) < 0) return FAILED;
  const unitAt = memberAt(buf, entry, "unit");
  const scale = unitScale(buf, unitAt, end);
  if (scale === undefined) return FAILED;
  const valueAt = memberAt(buf, entry, "value");
  if (valueAt >= 0 && valueKind(buf, valueAt) === "array") {
    const value = mean(buf, valueAt, end, scratch.elements);
    return value === FAILED ? FAILED : value * scale;
  }
  const value = numberField(buf, valueAt, end);
  return value === FAILED ? FAILED : (value ?? Number.NaN) * scale;
}

/** Tokens count as they are, times go to ms; undefined for a unit the general reader reports. */
function unitScale(buf: Uint8Array, at: number, end: number): number | undefined {
  // The two units of nearly every metric, compared as bytes (no string per metric).
  if (at >= 0 && (stringIs(buf, at, "ms") || stringIs(buf, at, "tokens"))) return 1;
  const unit = at >= 0 && valueKind(buf, at) === "string" ? stringAt(buf, at, end) : "";
  return unit === "tokens" ? 1 : MS_PER_UNIT[unit];
}

function mean(buf: Uint8Array, at: number, end: number, elements: number[]): number | typeof FAILED {
  const n = elementsAt(buf, at, end, elements);
  if (n === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const value = numberField(buf, elements[i] as number, end);
    if (value === FAILED) return FAILED;
    sum += value ?? Number.NaN;
  }
  return sum / n;
}
