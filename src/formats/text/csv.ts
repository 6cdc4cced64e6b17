import { createFinding } from "../../model/create-finding.ts";
import type { Finding } from "../../model/finding.ts";

/** Called once per record with its fields and the file line it starts on (header = line 1). */
export type CsvVisitor = (fields: string[], line: number) => void;

export interface CsvTokenizeResult {
  records: number;
  findings: Finding[];
}

/**
 * RFC 4180 tokenizer: quoted fields with doubled quotes and embedded newlines, LF or CRLF, any
 * one-character delimiter. Written by hand because it must report the line of every record and feed
 * columnar arrays without building an object per row (csv-parse takes 2–3 s per million rows).
 */
export function tokenizeCsv(
  text: string,
  path: string,
  delimiter: string,
  visit: CsvVisitor,
): CsvTokenizeResult {
  const sep = delimiter.charCodeAt(0);
  const fields: string[] = [];
  let line = 1;
  let recordLine = 1;
  let records = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = readQuoted(text, i + 1);
      if (end.close < 0) {
        return { records, findings: [unterminated(path, recordLine)] };
      }
      fields.push(end.value);
      line += end.newlines;
      i = end.close + 1;
      const next = text.charCodeAt(i);
      if (i < n && next !== sep && next !== LF && next !== CR) {
        return { records, findings: [strayAfterQuote(path, line)] };
      }
    } else {
      let j = i;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === sep || d === LF || d === CR) break;
        j++;
      }
      fields.push(text.slice(i, j));
      i = j;
    }
    const d = i < n ? text.charCodeAt(i) : LF;
    if (d === sep) {
      i++;
      if (i >= n) fields.push("");
      continue;
    }
    if (d === CR && text.charCodeAt(i + 1) === LF) i++;
    i++;
    visit(fields, recordLine);
    records++;
    fields.length = 0;
    line++;
    recordLine = line;
  }
  if (fields.length > 0) {
    visit(fields, recordLine);
    records++;
  }
  return { records, findings: [] };
}

/** Picks the delimiter of a CSV-like file from its first line: comma, tab, semicolon or pipe. */
export function sniffDelimiter(firstLine: string): string {
  let best = ",";
  let bestCount = 0;
  for (const candidate of [",", "\t", ";", "|"]) {
    const count = firstLine.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Parses one numeric cell. Empty and `NaN`-like cells are `NaN` (missing); anything else that is not
 * a plain decimal number (units, thousands separators, words) is `undefined` so the caller can
 * report it with its location.
 */
export function parseNumberCell(cell: string): number | undefined {
  const fast = parsePlainDecimal(cell);
  if (fast !== undefined) return fast;
  const s = cell.trim();
  if (s === "" || s === "NaN" || s === "nan" || s === "NA" || s === "null" || s === "None") return Number.NaN;
  if (!NUMBER.test(s)) return undefined;
  // "1e400" overflows to Infinity: a value no tool writes, so it is a bad cell, not a huge number.
  const value = Number(s);
  return Number.isFinite(value) ? value : undefined;
}

// --- internal ---

const QUOTE = 34;
const LF = 10;
const CR = 13;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The common case without a regex or a substring: `[-+]digits[.digits]` with at most 15 digits.
 * mantissa / 10^k is correctly rounded when both are exact doubles, so it equals `Number(cell)`.
 * Anything else (exponents, long mantissas, spaces, words) returns undefined for the general path.
 */
function parsePlainDecimal(cell: string): number | undefined {
  const end = cell.length;
  let i = 0;
  let sign = 1;
  const first = cell.charCodeAt(0);
  if (first === 45 || first === 43) {
    sign = first === 45 ? -1 : 1;
    i = 1;
  }
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < end; i++) {
    const c = cell.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 46 && decimals < 0) decimals = 0;
    else return undefined;
  }
  if (digits === 0 || digits > 15) return undefined;
  return sign * (decimals > 0 ? mantissa / (POW10[decimals] as number) : mantissa);
}

function readQuoted(text: string, start: number): { value: string; close: number; newlines: number } {
  let value = "";
  let i = start;
  let newlines = 0;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q < 0) return { value, close: -1, newlines };
    const chunk = text.slice(i, q);
    newlines += countNewlines(chunk);
    value += chunk;
    if (text.charCodeAt(q + 1) === QUOTE) {
      value += '"';
      i = q + 2;
      continue;
    }
    return { value, close: q, newlines };
  }
}

function countNewlines(s: string): number {
  let count = 0;
  for (let k = s.indexOf("\n"); k >= 0; k = s.indexOf("\n", k + 1)) count++;
  return count;
}

function unterminated(path: string, line: number): Finding {
  return createFinding(
    "CSV_UNTERMINATED_QUOTE",
    "error",
    `A quoted field opened on this line is never closed; close the quote or remove it.`,
    { path, line },
    {},
  );
}

function strayAfterQuote(path: string, line: number): Finding {
  return createFinding(
    "CSV_STRAY_QUOTE",
    "error",
    `Text follows a closing quote before the next delimiter; quote the whole field and double inner quotes ("").`,
    { path, line },
    {},
  );
}
