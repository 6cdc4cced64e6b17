import { createFinding } from "../../model/create-finding.ts";
import type { Finding } from "../../model/finding.ts";
import { FindingCollector } from "./column-spec.ts";
import { isJsonObject, type JsonDocument, type JsonObject } from "./json-input.ts";

/**
 * Reads typed fields out of a parsed JSON document. Every surprise becomes a finding that names the
 * line and the field; numbers written as strings (LLMPerf's numpy integers, vLLM's `"inf"`) are read
 * as numbers and summed up in one note, so the caller never meets a `TypeError`.
 */
export class JsonFieldReader {
  readonly doc: JsonDocument;
  #collector = new FindingCollector();
  #coerced = 0;
  #wrong = 0;
  #firstCoerced?: { field: string; text: string; line: number | undefined };

  constructor(doc: JsonDocument) {
    this.doc = doc;
  }

  /** A number, `undefined` when absent or null; `NaN` stays `NaN` (Python writes it for "no data"). */
  number(object: JsonObject, key: string, field = key): number | undefined {
    const value = object[key];
    if (typeof value === "number") return value;
    if (value === undefined || value === null) return undefined;
    return this.#coerce(value, field, () => this.doc.lineOfKey(object, key));
  }

  /** Element `index` of an array that should hold numbers; `field` names it in findings, e.g. `ttfts[3]`. */
  numberAt(array: unknown[], index: number, field: string): number | undefined {
    const value = array[index];
    if (typeof value === "number") return value;
    if (value === undefined || value === null) return undefined;
    return this.#coerce(value, field, () => this.doc.lineOfIndex(array, index));
  }

  string(object: JsonObject, key: string, field = key): string | undefined {
    const value = object[key];
    if (typeof value === "string") return value;
    if (value === undefined || value === null) return undefined;
    this.wrongType(value, "a string", field, () => this.doc.lineOfKey(object, key));
    return undefined;
  }

  array(object: JsonObject, key: string, field = key): unknown[] | undefined {
    const value = object[key];
    if (Array.isArray(value)) return value;
    if (value === undefined || value === null) return undefined;
    this.wrongType(value, "a list", field, () => this.doc.lineOfKey(object, key));
    return undefined;
  }

  object(object: JsonObject, key: string, field = key): JsonObject | undefined {
    const value = object[key];
    if (isJsonObject(value)) return value;
    if (value === undefined || value === null) return undefined;
    this.wrongType(value, "an object", field, () => this.doc.lineOfKey(object, key));
    return undefined;
  }

  /**
   * Reports a value of the wrong JSON type, naming the field. `line` may be a function: finding a line
   * means rescanning text, so only the first findings (the ones a report lists) get one.
   */
  wrongType(
    value: unknown,
    expected: string,
    field: string,
    line: number | undefined | (() => number | undefined),
  ): void {
    const message = `Field "${field}" holds ${describe(value)} where ${expected} is expected; fix the value or submit the file exactly as the tool wrote it.`;
    const located =
      ++this.#wrong <= LOCATED_FINDINGS ? (typeof line === "function" ? line() : line) : undefined;
    this.add(
      createFinding("JSON_WRONG_TYPE", "error", message, location(this.doc.path, located, field), {
        field,
        value: describe(value),
        expected,
      }),
    );
  }

  add(finding: Finding): void {
    this.#collector.add(finding);
  }

  /** The findings so far, with one note for all numbers that were written as strings. */
  finish(): Finding[] {
    const findings = this.#collector.finish(this.doc.path);
    const first = this.#firstCoerced;
    if (first !== undefined) {
      const count = this.#coerced === 1 ? "1 field holds a number" : `${this.#coerced} fields hold numbers`;
      const message = `${count} written as a string (first: "${first.field}" = "${first.text}"), read as numbers; nothing to do when the tool wrote the file this way.`;
      findings.push(
        createFinding(
          "JSON_NUMBER_AS_STRING",
          "info",
          message,
          location(this.doc.path, first.line, first.field),
          { n: this.#coerced, field: first.field, text: first.text },
        ),
      );
    }
    return findings;
  }

  #coerce(value: unknown, field: string, line: () => number | undefined): number | undefined {
    if (typeof value === "bigint") return Number(value);
    const parsed = typeof value === "string" ? parseNumericString(value) : undefined;
    if (parsed === undefined) {
      this.wrongType(value, "a number", field, line);
      return undefined;
    }
    this.#coerced++;
    this.#firstCoerced ??= { field, text: String(value).slice(0, 40), line: line() };
    return parsed;
  }
}

/** Reads `"131"`, `"1.5e3"`, `"inf"`, `"-Infinity"` and `"nan"` as numbers; anything else is `undefined`. */
export function parseNumericString(text: string): number | undefined {
  const s = text.trim();
  if (PLAIN_NUMBER.test(s)) return Number(s);
  const word = s.toLowerCase().replace(/^\+/, "");
  if (word === "inf" || word === "infinity") return Number.POSITIVE_INFINITY;
  if (word === "-inf" || word === "-infinity") return Number.NEGATIVE_INFINITY;
  if (word === "nan") return Number.NaN;
  return undefined;
}

// --- internal ---

/** Findings beyond the first 20 of a code are only counted, so they need no line. */
const LOCATED_FINDINGS = 20;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function describe(value: unknown): string {
  if (typeof value === "string") return `the text "${value.slice(0, 40)}"`;
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  return `the ${typeof value} ${String(value)}`;
}

function location(path: string, line: number | undefined, column: string) {
  return line === undefined ? { path, column } : { path, line, column };
}
