import type { DuplicateKey, JsonObject } from "./json-input.ts";
import { type JsonCursor, skipString, skipWhitespace } from "./json-scan.ts";

export function createParserState(text: string): ParserState {
  return { text, pos: 0, depth: 0, duplicates: [] };
}

/** Where the parser is, and what it has learned about the containers it built. */
export interface ParserState extends JsonCursor {
  depth: number;
  /** Duplicate keys with the offsets of the repeated key and of the object that holds it. */
  duplicates: Array<Omit<DuplicateKey, "line" | "firstLine"> & { offset: number; objectOffset: number }>;
}

/** A syntax error at a character offset; the caller turns it into a finding with a line. */
export class JsonSyntaxError extends Error {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

/** Parses one value at the cursor (JSON plus Python's NaN and ±Infinity). */
export function parseJsonValue(s: ParserState): unknown {
  skipWhitespace(s);
  const c = s.text[s.pos];
  // Numbers are most of a result file, so they skip the literal checks.
  if (c === "-" ? s.text[s.pos + 1] !== "I" : c !== undefined && c >= "0" && c <= "9") return parseNumber(s);
  if (c === "{") return parseObject(s);
  if (c === "[") return parseArray(s);
  if (c === '"') return parseString(s);
  for (const [word, value] of LITERALS) {
    if (s.text.startsWith(word, s.pos)) {
      s.pos += word.length;
      return value;
    }
  }
  return parseNumber(s);
}

// --- internal ---

const MAX_DEPTH = 512;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS: ReadonlyArray<[string, unknown]> = [
  ["true", true],
  ["false", false],
  ["null", null],
  ["NaN", Number.NaN],
  ["Infinity", Number.POSITIVE_INFINITY],
  ["-Infinity", Number.NEGATIVE_INFINITY],
];

function parseObject(s: ParserState): JsonObject {
  const object: JsonObject = {};
  const objectOffset = s.pos;
  enter(s);
  if (s.text[s.pos] === "}") return leave(s, object, 1);
  for (;;) {
    skipWhitespace(s);
    if (s.text[s.pos] !== '"') throw unexpected(s, "a key in double quotes");
    const keyOffset = s.pos;
    const key = parseString(s);
    skipWhitespace(s);
    if (s.text[s.pos++] !== ":") throw unexpected(s, '":" after the key', s.pos - 1);
    const value = parseJsonValue(s);
    if (Object.hasOwn(object, key))
      s.duplicates.push({
        container: object,
        key,
        values: [object[key], value],
        offset: keyOffset,
        objectOffset,
      });
    // A plain assignment of "__proto__" would replace the prototype instead of adding a key.
    if (key === "__proto__")
      Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
    else object[key] = value;
    skipWhitespace(s);
    const c = s.text[s.pos++];
    if (c === "}") return leave(s, object);
    if (c !== ",") throw unexpected(s, '"," or "}"', s.pos - 1);
  }
}

function parseArray(s: ParserState): unknown[] {
  const array: unknown[] = [];
  enter(s);
  if (s.text[s.pos] === "]") return leave(s, array, 1);
  for (;;) {
    array.push(parseJsonValue(s));
    skipWhitespace(s);
    const c = s.text[s.pos++];
    if (c === "]") return leave(s, array);
    if (c !== ",") throw unexpected(s, '"," or "]"', s.pos - 1);
  }
}

function enter(s: ParserState): void {
  if (++s.depth > MAX_DEPTH)
    throw new JsonSyntaxError(`values are nested more than ${MAX_DEPTH} deep`, s.pos);
  s.pos++;
  skipWhitespace(s);
}

/** `skip` is 1 when the closing bracket is still ahead (an empty container), 0 when already read. */
function leave<T>(s: ParserState, container: T, skip = 0): T {
  s.pos += skip;
  s.depth--;
  return container;
}

function parseString(s: ParserState): string {
  const start = s.pos;
  const end = skipString(s.text, start);
  if (end < 0) throw new JsonSyntaxError("a string is never closed", s.text.length);
  const raw = s.text.slice(start + 1, end - 1);
  if (raw.includes("\n")) throw new JsonSyntaxError("a string runs past the end of its line", start);
  s.pos = end;
  if (!raw.includes("\\")) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    throw new JsonSyntaxError("a string holds an invalid escape sequence", start);
  }
}

function parseNumber(s: ParserState): number | bigint {
  NUMBER.lastIndex = s.pos;
  const match = NUMBER.exec(s.text);
  if (match === null) throw unexpected(s, "a value");
  const literal = match[0];
  s.pos += literal.length;
  const value = Number(literal);
  return Math.abs(value) > Number.MAX_SAFE_INTEGER && !/[.eE]/.test(literal) ? BigInt(literal) : value;
}

function unexpected(s: ParserState, expected: string, at = s.pos): JsonSyntaxError {
  const found =
    at >= s.text.length ? "the end of the file" : JSON.stringify(s.text.slice(at, at + 12).split("\n")[0]);
  return new JsonSyntaxError(`expected ${expected} but found ${found}`, at);
}
