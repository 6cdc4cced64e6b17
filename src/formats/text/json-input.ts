import { createFinding } from "../../model/create-finding.ts";
import { ClaimcheckError } from "../../model/errors.ts";
import type { Finding } from "../../model/finding.ts";
import { createLocator, type JsonLocator } from "./json-locate.ts";
import { keyOffsets, lineIndex, skipWhitespace } from "./json-scan.ts";
import { createParserState, JsonSyntaxError, type ParserState, parseJsonValue } from "./json-value-parser.ts";

/** A parsed JSON object; values are `unknown` until a field reader checks them. */
export type JsonObject = Record<string, unknown>;

/** One top-level value of the file (the whole file for JSON, one line for JSONL) and its first line. */
export interface JsonRecord {
  value: unknown;
  line: number;
}

/** A key that occurs twice in one object; `values` in file order (JSON readers keep the last). */
export interface DuplicateKey {
  container: JsonObject;
  key: string;
  values: unknown[];
  /** Line of the repeated key, and of its first occurrence. */
  line: number;
  firstLine: number;
}

/** A parsed JSON or JSONL file that can still say where each object, key and array element was. */
export interface JsonDocument {
  path: string;
  records: JsonRecord[];
  /** `JSON_SYNTAX` for broken JSONL lines after the first good one, `JSON_DUPLICATE_KEY` per duplicate. */
  findings: Finding[];
  duplicates: DuplicateKey[];
  lineOf(container: object): number | undefined;
  lineOfKey(container: JsonObject, key: string): number | undefined;
  lineOfIndex(array: unknown[], index: number): number | undefined;
  /** The first line of every element of `array`, found in one pass. */
  elementLines(array: unknown[]): number[];
}

/**
 * Parses a JSON file or a JSONL file (several values one after another, as `--append-result` and
 * `--output-file` write them). Accepts Python's bare `NaN`/`Infinity`, keeps integers beyond 2^53 as
 * `bigint` (nanosecond timestamps), reports duplicate keys, and can say on which line each object,
 * key and array element is. Written by hand because `JSON.parse` gives none of these.
 * With `onRecord`, each record is handed over as soon as it is parsed and not kept (`records` stays
 * empty), so a long JSONL file costs the memory of one record; locations then work within the
 * current record only. Throws `E_INPUT` only when no value at all can be read.
 */
export function parseJsonDocument(
  path: string,
  text: string,
  onRecord?: (record: JsonRecord, doc: JsonDocument) => void,
): JsonDocument {
  const state = createParserState(text);
  const lineAt = lineIndex(text);
  const roots: Array<{ value: unknown; offset: number }> = [];
  let locate = createLocator(text, roots, lineAt);
  const doc = createDocument(path, () => locate);
  const syntax: Finding[] = [];
  let count = 0;
  for (skipWhitespace(state); state.pos < text.length; skipWhitespace(state)) {
    const start = state.pos;
    const value = parseRecord(state, path, syntax, lineAt);
    if (value === BROKEN) continue;
    count++;
    doc.duplicates.push(...state.duplicates.splice(0).map((d) => duplicateKey(text, d, lineAt)));
    if (onRecord !== undefined) roots.length = 0;
    roots.push({ value, offset: start });
    locate = createLocator(text, roots, lineAt);
    const record = { value, line: lineAt(start) };
    if (onRecord === undefined) doc.records.push(record);
    else onRecord(record, doc);
  }
  if (count === 0) {
    const first = syntax[0];
    const reason =
      first === undefined
        ? `${path} is empty; submit the file the tool wrote.`
        : `${path} is not valid JSON: ${first.message}`;
    throw new ClaimcheckError("E_INPUT", reason, { findings: syntax });
  }
  doc.findings.push(...syntax, ...doc.duplicates.map((d) => duplicateFinding(path, d)));
  return doc;
}

/** True for a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// --- internal ---

type RawDuplicate = ParserState["duplicates"][number];

const BROKEN = Symbol("broken record");

function createDocument(path: string, locator: () => JsonLocator): JsonDocument {
  return {
    path,
    records: [],
    findings: [],
    duplicates: [],
    lineOf: (container) => locator().lineOf(container),
    lineOfKey: (container, key) => locator().lineOfKey(container, key),
    lineOfIndex: (array, index) => locator().lineOfIndex(array, index),
    elementLines: (array) => locator().elementLines(array),
  };
}

/** One top-level value, or BROKEN after a finding and a jump to where the next JSONL record may start. */
function parseRecord(
  state: ParserState,
  path: string,
  syntax: Finding[],
  lineAt: (offset: number) => number,
): unknown {
  const start = state.pos;
  try {
    return parseJsonValue(state);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    syntax.push(syntaxFinding(path, state.text, error, lineAt(start), lineAt));
    const next = nextRecordStart(state.text, start);
    Object.assign(state, { pos: next < 0 ? state.text.length : next, depth: 0, duplicates: [] });
    return BROKEN;
  }
}

function syntaxFinding(
  path: string,
  text: string,
  error: JsonSyntaxError,
  startLine: number,
  lineAt: (offset: number) => number,
): Finding {
  const line = lineAt(error.offset);
  const column = error.offset - text.lastIndexOf("\n", error.offset - 1);
  const at =
    line === startLine ? `Line ${line}, character ${column}` : `The value that starts on line ${startLine}`;
  if (error.offset >= text.length) {
    const message = `${at}: the file ends inside this value (${error.message}), so it was cut off while being written or copied; re-run the tool or copy the whole file.`;
    return createFinding("JSON_SYNTAX", "error", message, { path, line: startLine });
  }
  if (
    line > startLine &&
    text[error.offset - 1] === "\n" &&
    (text[error.offset] === "{" || text[error.offset] === "[")
  ) {
    const message = `${at} is cut off: line ${line} starts a new value before it is closed; re-write or remove line ${startLine}.`;
    return createFinding("JSON_SYNTAX", "error", message, { path, line: startLine });
  }
  const where = line === startLine ? at : `${at} is broken at line ${line}, character ${column}`;
  return createFinding(
    "JSON_SYNTAX",
    "error",
    `${where}: ${error.message}; fix the JSON there or submit the file exactly as the tool wrote it.`,
    { path, line },
    { where, message: error.message },
  );
}

/** Where the next JSONL record may start after a broken one: a line that begins with `{` or `[`. */
function nextRecordStart(text: string, from: number): number {
  const brace = text.indexOf("\n{", from);
  const bracket = text.indexOf("\n[", from);
  const next = brace < 0 ? bracket : bracket < 0 ? brace : Math.min(brace, bracket);
  return next < 0 ? -1 : next + 1;
}

function duplicateKey(text: string, raw: RawDuplicate, lineAt: (offset: number) => number): DuplicateKey {
  const first = keyOffsets(text, raw.objectOffset).get(raw.key)?.[0] ?? raw.offset;
  return {
    container: raw.container,
    key: raw.key,
    values: raw.values,
    line: lineAt(raw.offset),
    firstLine: lineAt(first),
  };
}

function duplicateFinding(path: string, d: DuplicateKey): Finding {
  const lines = d.firstLine === d.line ? `line ${d.line}` : `lines ${d.firstLine} and ${d.line}`;
  return createFinding(
    "JSON_DUPLICATE_KEY",
    "warning",
    `Key "${d.key}" appears twice in the same object (${lines}); JSON readers keep only the last value. Remove or rename the duplicate so the file says one thing.`,
    { path, line: d.line, column: d.key },
    { key: d.key, lines },
  );
}
