import type { ParsedEvidence } from "../../model/evidence.ts";
import { type JsonDocument, parseJsonDocument } from "../text/json-input.ts";
import { decodeText } from "../text/text.ts";
import { createExportState, exportEvidence, payloadModel, readExport } from "./genai-perf-requests.ts";
import { mergeSplinteredResponses, readSseResponse } from "./genai-perf-sse.ts";
import { checkObject, createMembers, type RecordMembers } from "./json-record-check.ts";
import { JsonRecordSplitter } from "./json-record-splitter.ts";
import { elementsAt, memberAt, stringAt, valueKind } from "./json-record-walk.ts";
import { before, nsBetween, readStamp, type Stamp, toBigInt } from "./nanosecond-stamps.ts";
import {
  E2E_MS,
  INPUT_TOKENS,
  ITL_MS,
  OUTPUT_TOKENS,
  RequestColumnBuilder,
  START_S,
  TTFT_MS,
} from "./request-column-builder.ts";

/**
 * perf_analyzer's `profile_export.json` read as it streams in: each request object of
 * `experiments[].requests` is checked and read from its bytes (timestamps as exact nanosecond
 * integers, each response's text decoded only to tell content from role-only, empty and `[DONE]`
 * chunks), the rest of the file is parsed as usual, and the result is the one
 * `parseGenaiPerfExport` gives. Which responses count depends on `service_kind`, which may come
 * after the requests, so both readings (OpenAI: responses with text; Triton: all) are kept until
 * the end. Undefined when anything would be reported: the general reader then reads the file.
 */
export function parseGenaiPerfExportChunks(
  path: string,
  chunks: Iterable<Uint8Array>,
  format: string,
): ParsedEvidence | undefined {
  const scan = new ExportScan();
  const splitter = new JsonRecordSplitter(
    { kind: "list", path: ["experiments", "[]", "requests"] },
    (buf, start, end, line) => scan.request(buf, start, end, line, splitter.lists - 1),
  );
  for (const chunk of chunks) if (!splitter.push(chunk)) return undefined;
  const skeleton = splitter.end();
  const doc = skeleton === undefined ? undefined : parseSkeleton(path, skeleton);
  if (doc === undefined) return undefined;
  const state = createExportState(doc);
  let lists = 0;
  readExport(doc, state, (_requests, list) => {
    if (list >= 0) lists++;
    if (list === scan.modelList && state.context.model === undefined)
      state.context.model = scan.model as string;
  });
  if (lists !== splitter.lists) return undefined;
  const side = state.serviceKind === "openai" ? scan.openai : scan.triton;
  state.rows = side.builder.rows;
  state.ok = side.ok;
  if (side.first !== undefined) state.first = toBigInt(side.first);
  if (side.last !== undefined) state.last = toBigInt(side.last);
  const requests = state.rows > 0 ? side.builder.build() : undefined;
  return exportEvidence(path, format, [...doc.findings, ...state.fields.finish()], state, requests);
}

// --- internal ---

/** One reading of the responses (OpenAI or Triton): its rows and the run's first send and last response. */
interface Side {
  builder: RequestColumnBuilder;
  ok: number;
  first?: Stamp;
  last?: Stamp;
}

class ExportScan {
  readonly openai: Side = { builder: new RequestColumnBuilder(), ok: 0 };
  readonly triton: Side = { builder: new RequestColumnBuilder(), ok: 0 };
  model: string | undefined;
  modelList = -1;
  readonly #request: RecordMembers = createMembers();
  readonly #inner: RecordMembers = createMembers();
  readonly #stampsAt: number[] = [];
  readonly #outputsAt: number[] = [];
  #stamps: Stamp[] = [];

  /** One request object; false when the general reader must read the file. */
  request(buf: Uint8Array, start: number, end: number, line: number, list: number): boolean {
    const members = this.#request;
    if (checkObject(buf, start, end, members) < 0) return false;
    const sentAt = memberAt(buf, members, "timestamp");
    const sent = sentAt < 0 ? undefined : readStamp(buf, sentAt, end);
    if (sent === null) return false;
    const stamps = this.#readStamps(buf, memberAt(buf, members, "response_timestamps"), end);
    const texts = this.#readTexts(buf, memberAt(buf, members, "response_outputs"), end);
    if (stamps === undefined || texts === undefined || !this.#readModel(buf, members, end, list))
      return false;
    const startS = sent === undefined ? Number.NaN : (sent.hi * 1e9 + sent.lo) / 1e9;
    addRow(this.triton, sent, startS, line, contentOf(stamps, undefined));
    mergeSplinteredResponses(texts);
    addRow(this.openai, sent, startS, line, contentOf(stamps, texts));
    return true;
  }

  #readStamps(buf: Uint8Array, at: number, end: number): Stamp[] | undefined {
    const found = listAt(buf, at, end, this.#stampsAt);
    if (found < 0) return found === ABSENT ? [] : undefined;
    for (let i = 0; i < found; i++) {
      const stamp = readStamp(buf, this.#stampsAt[i] as number, end);
      if (stamp === null) return undefined;
      this.#stamps[i] = stamp;
    }
    return this.#stamps.slice(0, found);
  }

  #readTexts(buf: Uint8Array, at: number, end: number): string[] | undefined {
    const found = listAt(buf, at, end, this.#outputsAt);
    if (found < 0) return found === ABSENT ? [] : undefined;
    const texts: string[] = new Array(found);
    for (let i = 0; i < found; i++) {
      const output = this.#outputsAt[i] as number;
      texts[i] = "";
      if (valueKind(buf, output) !== "object") continue;
      checkObject(buf, output, end, this.#inner);
      const response = memberAt(buf, this.#inner, "response");
      if (response >= 0 && valueKind(buf, response) === "string") texts[i] = stringAt(buf, response, end);
    }
    return texts;
  }

  /** `request_inputs` must be an object (or absent); its payload names the model until one is found. */
  #readModel(buf: Uint8Array, members: RecordMembers, end: number, list: number): boolean {
    const at = memberAt(buf, members, "request_inputs");
    if (at < 0 || valueKind(buf, at) === "null") return true;
    if (valueKind(buf, at) !== "object") return false;
    if (this.model !== undefined) return true;
    checkObject(buf, at, end, this.#inner);
    const payload = memberAt(buf, this.#inner, "payload");
    if (payload < 0 || valueKind(buf, payload) !== "string") return true;
    const model = payloadModel(stringAt(buf, payload, end));
    if (model !== undefined) {
      this.model = model;
      this.modelList = list;
    }
    return true;
  }
}

const ABSENT = -2;

/** The elements of an optional list member into `out`: their count, ABSENT, or −1 for another type. */
function listAt(buf: Uint8Array, at: number, end: number, out: number[]): number {
  if (at < 0 || valueKind(buf, at) === "null") return ABSENT;
  return valueKind(buf, at) === "array" ? elementsAt(buf, at, end, out) : -1;
}

interface Content {
  first?: Stamp;
  last?: Stamp;
  count: number;
  error: boolean;
  promptTokens: number;
  completionTokens: number;
}

/** The responses GenAI-Perf keeps: all (Triton, `texts` undefined) or those with text (OpenAI). */
function contentOf(stamps: Stamp[], texts: string[] | undefined): Content {
  const content: Content = { count: 0, error: false, promptTokens: Number.NaN, completionTokens: Number.NaN };
  for (let i = 0; i < stamps.length; i++) {
    if (texts !== undefined) {
      const sse = readSseResponse(texts[i] ?? "");
      if (sse.error) content.error = true;
      if (sse.promptTokens !== undefined) content.promptTokens = sse.promptTokens;
      if (sse.completionTokens !== undefined) content.completionTokens = sse.completionTokens;
      if (sse.text === "") continue;
    }
    content.first ??= stamps[i] as Stamp;
    content.last = stamps[i] as Stamp;
    content.count++;
  }
  return content;
}

function addRow(side: Side, sent: Stamp | undefined, startS: number, line: number, content: Content): void {
  const { first, last } = content;
  const ok = sent !== undefined && first !== undefined && last !== undefined && !content.error;
  const row = side.builder.row;
  row[START_S] = startS;
  if (ok) {
    side.ok++;
    if (side.first === undefined || before(sent, side.first)) side.first = sent;
    if (side.last === undefined || before(side.last, last)) side.last = last;
    row[TTFT_MS] = nsBetween(first, sent);
    row[E2E_MS] = nsBetween(last, sent);
    if (content.count > 1) row[ITL_MS] = nsBetween(last, first) / (content.count - 1);
  }
  row[INPUT_TOKENS] = content.promptTokens;
  row[OUTPUT_TOKENS] = content.completionTokens;
  side.builder.add(ok, line);
}

/** The file without its requests; undefined unless it is one clean object (no syntax finding, no repeated key). */
function parseSkeleton(path: string, skeleton: Uint8Array): JsonDocument | undefined {
  try {
    const doc = parseJsonDocument(path, decodeText(path, skeleton));
    return doc.records.length === 1 && doc.findings.length === 0 ? doc : undefined;
  } catch {
    return undefined;
  }
}
