import { createFinding } from "../../model/create-finding.ts";
import type { EvidenceFile, ParsedEvidence, ServingRequests } from "../../model/evidence.ts";
import type { Finding } from "../../model/finding.ts";
import { requireColumn } from "../../model/request-columns.ts";
import { JsonFieldReader } from "../text/json-fields.ts";
import { isJsonObject, type JsonDocument, type JsonObject, parseJsonDocument } from "../text/json-input.ts";
import { decodeText } from "../text/text.ts";
import { CLIENT_COUNTED, noTokenCounts } from "./genai-perf-companion.ts";
import { mergeSplinteredResponses, readSseResponse } from "./genai-perf-sse.ts";
import { ServingRequestsBuilder } from "./serving-columns.ts";
import { createServingEvidence, nothingUsable } from "./serving-summary.ts";

/**
 * perf_analyzer's `profile_export.json` as GenAI-Perf reads it: per request the send `timestamp` and
 * the `response_timestamps`, both in NANOSECONDS. Like GenAI-Perf's parser, responses without content
 * (role-only chunk, empty delta, usage-only chunk, `[DONE]`) are dropped before TTFT = first content
 * response − send and E2E = last content response − send. Token counts need GenAI-Perf's client
 * tokenizer, so they are taken only from a server `usage` object when the stream carries one.
 */
export function parseGenaiPerfExport(file: EvidenceFile, format: string): ParsedEvidence {
  const doc = parseJsonDocument(file.path, decodeText(file.path, file.bytes));
  const state = createExportState(doc);
  readExport(doc, state, (requests) => {
    const lines = state.fields.doc.elementLines(requests);
    requests.forEach((request, i) => {
      if (isJsonObject(request)) readRequest(request, lines[i] ?? 0, state);
    });
  });
  const requests = state.rows > 0 ? state.builder.build() : undefined;
  return exportEvidence(file.path, format, [...doc.findings, ...state.fields.finish()], state, requests);
}

/** What GenAI-Perf's reading of the file gathers besides the rows. */
export interface ExportState {
  fields: JsonFieldReader;
  builder: ServingRequestsBuilder;
  rows: number;
  ok: number;
  first?: Nanoseconds;
  last?: Nanoseconds;
  serviceKind: string;
  context: Record<string, string | number | boolean>;
  notes: Finding[];
}

/** Nanosecond timestamps: the parser keeps those beyond 2^53 as bigint. */
export type Nanoseconds = number | bigint;

export function createExportState(doc: JsonDocument): ExportState {
  return {
    fields: new JsonFieldReader(doc),
    builder: new ServingRequestsBuilder(),
    rows: 0,
    ok: 0,
    serviceKind: "openai",
    context: {},
    notes: [],
  };
}

/**
 * Reads the run's facts (service kind, endpoint, each experiment's load setting) and hands each
 * experiment's `requests` list to `onRequests`, with its index among the experiments that have one.
 */
export function readExport(
  doc: JsonDocument,
  state: ExportState,
  onRequests: (requests: unknown[], list: number) => void,
): void {
  const { fields } = state;
  const root = doc.records[0]?.value;
  if (!isJsonObject(root)) {
    fields.wrongType(root, "the object perf_analyzer writes", "(file)", doc.records[0]?.line);
    return;
  }
  state.serviceKind = fields.string(root, "service_kind") ?? "openai";
  state.context.service_kind = state.serviceKind;
  const endpoint = fields.string(root, "endpoint");
  if (endpoint !== undefined) state.context.endpoint = endpoint;
  const experiments = fields.array(root, "experiments") ?? [];
  if (experiments.length > 1) state.notes.push(severalExperiments(doc.path, experiments.length));
  let lists = 0;
  for (const experiment of experiments) {
    if (!isJsonObject(experiment)) continue;
    readSetting(experiment, state);
    const requests = fields.array(experiment, "requests");
    onRequests(requests ?? [], requests === undefined ? -1 : lists++);
  }
}

/** The evidence of the requests read, with the notes both reads add. */
export function exportEvidence(
  path: string,
  format: string,
  read: Finding[],
  state: ExportState,
  requests: ServingRequests | undefined,
): ParsedEvidence {
  const context = { ...state.context, ...duration(state), requests: state.rows, completed: state.ok };
  const counted =
    requests !== undefined && requireColumn(requests, "outputTokens").some((n) => !Number.isNaN(n));
  if (requests !== undefined && !counted) requests.unrecorded = CLIENT_COUNTED;
  const notes =
    requests === undefined ? [nothingUsable(path, "requests")] : counted ? [] : [noTokenCounts(path)];
  const findings = [...read, ...state.notes, ...notes];
  return createServingEvidence(format, {
    ...(requests === undefined ? {} : { requests }),
    reported: [],
    context,
    findings,
    records: state.rows,
  });
}

/** Exact for nanosecond epochs beyond 2^53, which the parser keeps as bigint. */
export function nsToMs(later: Nanoseconds, earlier: Nanoseconds): number {
  if (typeof later === "bigint" || typeof earlier === "bigint") {
    if (Number.isInteger(Number(later)) && Number.isInteger(Number(earlier)))
      return Number(BigInt(later) - BigInt(earlier)) / 1e6;
  }
  return (Number(later) - Number(earlier)) / 1e6;
}

/** The model a request's payload names (`{"model": …}` as JSON text), if any. */
export function payloadModel(payload: unknown): string | undefined {
  if (typeof payload !== "string") return undefined;
  try {
    const parsed: unknown = JSON.parse(payload);
    return isJsonObject(parsed) && typeof parsed.model === "string" ? parsed.model : undefined;
  } catch {
    // A payload that is not JSON carries no model name; nothing else depends on it.
    return undefined;
  }
}

// --- internal ---

/** GenAI-Perf's benchmark duration: last content response − first request, over answered requests. */
function duration(state: ExportState): { duration?: number } {
  return state.first === undefined || state.last === undefined
    ? {}
    : { duration: nsToMs(state.last, state.first) / 1000 };
}

function readSetting(experiment: JsonObject, state: ExportState): void {
  const { fields, context } = state;
  const setting = fields.object(experiment, "experiment");
  const mode = setting === undefined ? undefined : fields.string(setting, "mode");
  const value = setting === undefined ? undefined : fields.number(setting, "value");
  if (value !== undefined && mode === "concurrency") context.max_concurrency = value;
  if (value !== undefined && mode === "request_rate") context.request_rate = value;
}

function readRequest(request: JsonObject, line: number, state: ExportState): void {
  const { fields, context } = state;
  const sent = timestamp(request, "timestamp", fields);
  const stamps = fields.array(request, "response_timestamps") ?? [];
  const outputs = fields.array(request, "response_outputs") ?? [];
  const inputs = fields.object(request, "request_inputs");
  if (context.model === undefined && inputs !== undefined) {
    const model = payloadModel(inputs.payload);
    if (model !== undefined) context.model = model;
  }
  const content = contentResponses(stamps, outputs, state);
  const firstAt = content.times[0];
  const lastAt = content.times[content.times.length - 1];
  const ok = sent !== undefined && firstAt !== undefined && lastAt !== undefined && !content.error;
  state.rows++;
  if (ok) {
    state.ok++;
    if (state.first === undefined || sent < state.first) state.first = sent;
    if (state.last === undefined || lastAt > state.last) state.last = lastAt;
  }
  state.builder.add({
    startS: sent === undefined ? Number.NaN : Number(sent) / 1e9,
    ttftMs: ok ? nsToMs(firstAt, sent) : Number.NaN,
    e2eMs: ok ? nsToMs(lastAt, sent) : Number.NaN,
    itlMs: ok && content.times.length > 1 ? nsToMs(lastAt, firstAt) / (content.times.length - 1) : Number.NaN,
    inputTokens: content.promptTokens ?? Number.NaN,
    outputTokens: content.completionTokens ?? Number.NaN,
    ok,
    line,
  });
}

interface ContentResponses {
  times: Nanoseconds[];
  error: boolean;
  promptTokens?: number;
  completionTokens?: number;
}

/** The timestamps of the responses GenAI-Perf keeps: all for Triton, those with text for OpenAI. */
function contentResponses(stamps: unknown[], outputs: unknown[], state: ExportState): ContentResponses {
  const result: ContentResponses = { times: [], error: false };
  const texts = outputs.map((o) => (isJsonObject(o) && typeof o.response === "string" ? o.response : ""));
  if (state.serviceKind === "openai") mergeSplinteredResponses(texts);
  for (let i = 0; i < stamps.length; i++) {
    const time = stampAt(stamps, i, state.fields);
    if (time === undefined) continue;
    if (state.serviceKind !== "openai") {
      result.times.push(time);
      continue;
    }
    const sse = readSseResponse(texts[i] ?? "");
    if (sse.error) result.error = true;
    if (sse.promptTokens !== undefined) result.promptTokens = sse.promptTokens;
    if (sse.completionTokens !== undefined) result.completionTokens = sse.completionTokens;
    if (sse.text !== "") result.times.push(time);
  }
  return result;
}

function timestamp(object: JsonObject, key: string, fields: JsonFieldReader): Nanoseconds | undefined {
  const value = object[key];
  if (typeof value === "number" || typeof value === "bigint") return value;
  if (value !== undefined)
    fields.wrongType(value, "an integer timestamp in nanoseconds", key, () =>
      fields.doc.lineOfKey(object, key),
    );
  return undefined;
}

function stampAt(list: unknown[], i: number, fields: JsonFieldReader): Nanoseconds | undefined {
  const value = list[i];
  if (typeof value === "number" || typeof value === "bigint") return value;
  fields.wrongType(value, "an integer timestamp in nanoseconds", `response_timestamps[${i}]`, () =>
    fields.doc.lineOfIndex(list, i),
  );
  return undefined;
}

function severalExperiments(path: string, count: number): Finding {
  return createFinding(
    "GENAI_PERF_SEVERAL_EXPERIMENTS",
    "warning",
    `The file holds ${count} experiments (load levels); their requests were pooled. Submit one profile export per load level when you claim about one of them.`,
    { path },
    { count },
  );
}
