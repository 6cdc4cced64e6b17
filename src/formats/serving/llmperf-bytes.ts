import { checkObject, createMembers, type RecordMembers } from "./json-record-check.ts";
import { JsonRecordSplitter } from "./json-record-splitter.ts";
import { elementsAt, memberAt, numberAt, valueKind } from "./json-record-walk.ts";
import {
  E2E_MS,
  INPUT_TOKENS,
  ITL_MS,
  OUTPUT_TOKENS,
  RequestColumnBuilder,
  TTFT_MS,
} from "./request-column-builder.ts";

/** What the streaming read of an individual-responses list gives the adapter to finish. */
export interface LlmperfColumns {
  builder: RequestColumnBuilder;
  ok: number;
  scalarItl: boolean;
}

/**
 * LLMPerf `…_individual_responses.json` read from its bytes: each response object of the list is
 * checked and its numbers go straight into columns, as `parseResponses` reads them (seconds to ms,
 * the mean of the list form's gaps after the first, failed when `error_code` is not null). Undefined
 * when a response holds anything the field reader would report (a number written as a string, a
 * wrong type): the general reader then reads the file and locates it.
 */
export function readLlmperfChunks(chunks: Iterable<Uint8Array>): LlmperfColumns | undefined {
  const read: LlmperfColumns = { builder: new RequestColumnBuilder(), ok: 0, scalarItl: false };
  const members: RecordMembers = createMembers();
  const gaps: number[] = [];
  const splitter = new JsonRecordSplitter({ kind: "list", path: [] }, (buf, start, end, line) =>
    readResponse(buf, start, end, line, members, gaps, read),
  );
  for (const chunk of chunks) if (!splitter.push(chunk)) return undefined;
  const skeleton = splitter.end();
  // Only the list itself may be left: `[`, line breaks, `]`.
  if (skeleton === undefined || splitter.lists !== 1 || !onlyListAndBreaks(skeleton)) return undefined;
  return read;
}

// --- internal ---

function onlyListAndBreaks(skeleton: Uint8Array): boolean {
  let brackets = 0;
  for (const b of skeleton) {
    if (b === 91 || b === 93) brackets++;
    else if (b !== 10 && b !== 32 && b !== 13 && b !== 9) return false;
  }
  return brackets === 2;
}

function readResponse(
  buf: Uint8Array,
  start: number,
  end: number,
  line: number,
  members: RecordMembers,
  gaps: number[],
  read: LlmperfColumns,
): boolean {
  if (checkObject(buf, start, end, members) < 0) return false;
  const row = read.builder.row;
  const errorAt = memberAt(buf, members, "error_code");
  const ok = errorAt < 0 || valueKind(buf, errorAt) === "null";
  const ttft = seconds(buf, memberAt(buf, members, "ttft_s"), end);
  const e2e = seconds(buf, memberAt(buf, members, "end_to_end_latency_s"), end);
  const input = count(buf, memberAt(buf, members, "number_input_tokens"), end);
  const output = count(buf, memberAt(buf, members, "number_output_tokens"), end);
  if (ttft === undefined || e2e === undefined || input === undefined || output === undefined) return false;
  const itlAt = memberAt(buf, members, "inter_token_latency_s");
  const itlKind = itlAt < 0 ? "null" : valueKind(buf, itlAt);
  if (itlKind === "number") read.scalarItl = true;
  const itl = itlKind === "array" ? meanGap(buf, itlAt, end, gaps) : Number.NaN;
  if (itl === undefined) return false;
  row[TTFT_MS] = ttft;
  row[E2E_MS] = e2e;
  row[ITL_MS] = itl;
  row[INPUT_TOKENS] = input;
  row[OUTPUT_TOKENS] = output;
  read.builder.add(ok, line);
  if (ok) read.ok++;
  return true;
}

/** A number field: NaN when absent or null, undefined (the general reader reports it) for any other type. */
function count(buf: Uint8Array, at: number, end: number): number | undefined {
  if (at < 0) return Number.NaN;
  const kind = valueKind(buf, at);
  if (kind === "null") return Number.NaN;
  return kind === "number" ? numberAt(buf, at, end) : undefined;
}

function seconds(buf: Uint8Array, at: number, end: number): number | undefined {
  const value = count(buf, at, end);
  return value === undefined ? undefined : value * 1000;
}

/** The mean of the gaps after the first (the first is the TTFT), summed in file order, in ms. */
function meanGap(buf: Uint8Array, at: number, end: number, gaps: number[]): number | undefined {
  const n = elementsAt(buf, at, end, gaps);
  if (n < 2) return Number.NaN;
  let sum = 0;
  for (let i = 1; i < n; i++) {
    const gap = count(buf, gaps[i] as number, end);
    if (gap === undefined) return undefined;
    sum += gap;
  }
  return (sum / (n - 1)) * 1000;
}
