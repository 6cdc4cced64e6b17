import { describe, expect, it } from "vitest";
import { servingCsv } from "../../../src/formats/serving/serving-csv.ts";
import { parseServingCsvChunks } from "../../../src/formats/serving/serving-csv-bytes.ts";
import { requestIdAt } from "../../../src/measure/serving/request-index.ts";
import type { ParsedEvidence } from "../../../src/model/evidence.ts";
import { requireColumn } from "../../../src/model/request-columns.ts";

const HEADER = "request_id,start_s,ttft_ms,tpot_ms,e2e_ms,input_tokens,output_tokens,status";
const encode = (text: string) => new TextEncoder().encode(text);

/** The bytes in chunks of `size`, each handed out in one reused Buffer, as the file reader does. */
function* chunked(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  const buffer = Buffer.alloc(size);
  for (let at = 0; at < bytes.length; at += size) {
    const chunk = bytes.subarray(at, at + size);
    buffer.set(chunk);
    yield buffer.subarray(0, chunk.length);
    buffer.fill(0x7e); // a reader that reuses its buffer must not see stale bytes
  }
}

/** Everything a reader of the evidence can observe, as plain values. */
function observe(parsed: Omit<ParsedEvidence, "format"> | undefined) {
  const r = parsed?.requests;
  if (parsed === undefined || r === undefined) return parsed;
  const column = (c: Float64Array) => [...c];
  return {
    rows: parsed.rows,
    findings: parsed.findings,
    ids: Array.from({ length: r.rows }, (_, i) => requestIdAt(r, i)),
    columns: [
      requireColumn(r, "startS"),
      requireColumn(r, "ttftMs"),
      requireColumn(r, "tpotMs"),
      requireColumn(r, "e2eMs"),
      requireColumn(r, "inputTokens"),
      requireColumn(r, "outputTokens"),
    ].map(column),
    ok: [...r.ok],
    lines: [...(r.lines ?? [])],
  };
}

const parseFast = (text: string, size: number) =>
  observe(parseServingCsvChunks("r.csv", chunked(encode(text), size), text.length));

const TEXTS: Record<string, string> = {
  "LF, empty TPOT and an error row": `${HEADER}\nr1,0.5,100,,500,20,5,ok\nr2,1.0,,,,30,0,error\n`,
  "CRLF and a BOM": `\ufeff${HEADER}\r\nr1,0.5,100,10,140,20,5,ok\r\nr2,1.25,80.125,10,170,30,10,ok\r\n`,
  "no newline at the end": `${HEADER}\nr1,0.5,100,10,140,20,5,ok\nr2,1,80,10,170,30,10,ok`,
  "semicolons, columns in another order":
    "ttft_ms;request_id;e2e_ms;input_tokens;output_tokens\n10;a;30;5;3\n12;b;40;5;3\n",
  tabs: "request_id\tttft_ms\te2e_ms\tinput_tokens\toutput_tokens\na\t10\t30\t5\t3\n",
  "blank lines and padded cells": `${HEADER}\n\nr1, 0.5,100,10,140,20,5, OK \n   \nr2,1,-0,10,140,+20,5,ok\n`,
  "bad cells and short rows": `${HEADER}\nr1,0,100 ms,,500,20,5,ok\nr2,0,1e400,,5,1,2,maybe\nr3,0,5\nr4,1,2,3,4,5,6,ok,extra\n`,
  "long and exponent numbers": `${HEADER}\nr1,1700000000.123456,1.5e2,0.1234567890123456,200,20,5,ok\n`,
  "a header without rows": `${HEADER}\n`,
  "a misspelt and an extra column":
    "request_id,ttft_ms,tpot,e2e_ms,input_tokens,output_tokens,model\na,10,2,30,5,3,qwen\n",
};

describe("serving-requests CSV, byte-level fast path", () => {
  it.each(Object.entries(TEXTS))("reads %s the same for every chunk size", (_, text) => {
    const whole = parseFast(text, text.length + 1);
    expect(whole).toBeDefined();
    for (const size of [1, 2, 3, 5, 7, 16, 64]) expect(parseFast(text, size)).toEqual(whole);
  });

  it.each(Object.entries(TEXTS))("reads %s exactly as the general tokenizer does", (_, text) => {
    // Quoting one header name sends the same content through the general (quote-aware) tokenizer.
    const general = text.replace("ttft_ms", '"ttft_ms"');
    expect(parseServingCsvChunks("r.csv", [encode(general)], general.length)).toBeUndefined();
    const slow = servingCsv.parse({ path: "r.csv", bytes: encode(general) });
    const fast = servingCsv.parse({ path: "r.csv", bytes: encode(text) });
    expect(observe(fast)).toEqual(observe(slow));
  });

  it("reads values, ids, lines and findings of a small file", () => {
    expect(parseFast(TEXTS["bad cells and short rows"] as string, 4)).toMatchObject({
      rows: 4,
      ids: ["r1", "r2", "r3", "r4"],
      ok: [1, 0, 1, 1],
      lines: [2, 3, 4, 5],
      findings: [
        { code: "CSV_BAD_NUMBER", location: { line: 2, column: "ttft_ms" } },
        { code: "CSV_BAD_NUMBER", location: { line: 3, column: "ttft_ms" } },
        { code: "CSV_BAD_STATUS", location: { line: 3, column: "status" } },
        { code: "CSV_FIELD_COUNT", location: { line: 4 } },
        { code: "CSV_FIELD_COUNT", location: { line: 5 } },
      ],
    });
  });

  it.each([
    ["a quoted field", `${HEADER}\n"r,1",0,1,1,2,1,2,ok\n`],
    ["a quoted field that starts in a later chunk", `${HEADER}\nr1,0,1,1,2,1,2,ok\nr2,0,1,1,2,1,2,"ok"\n`],
    ["a non-ASCII id", `${HEADER}\nréq,0,1,1,2,1,2,ok\n`],
    ["a lone CR line end", `${HEADER}\rr1,0,1,1,2,1,2,ok\r`],
    ["a NUL byte", `${HEADER}\nr1,0,1\u0000,1,2,1,2,ok\n`],
    ["a header without request_id", "ttft_ms,e2e_ms,input_tokens,output_tokens\n1,2,3,4\n"],
    ["an empty file", ""],
  ])("hands %s to the general parser", (_, text) => {
    for (const size of [1, 3, 1024]) expect(parseFast(text, size)).toBeUndefined();
  });

  it("still reads quoted fields through the general parser", () => {
    const parsed = servingCsv.parse({ path: "r.csv", bytes: encode(`${HEADER}\n"r,1",0,1,1,2,1,2,ok\n`) });
    expect(observe(parsed)).toMatchObject({ rows: 1, ids: ["r,1"], findings: [] });
  });
});

describe("serving-requests CSV, rows in the template's layout", () => {
  // Rows that look plain but are not: each must read as the general tokenizer reads it.
  const tricky = [
    "r1,0.5,100,,500,20,5,ok", // empty TPOT: derived, and the next row must not inherit it
    "r2,0.6,100,10,140,20,5,ok",
    "r3,0.7,100,10,140,20,5,okay",
    "r4,0.8,100,10,140,20,5,OK",
    "r5,0.9,100,10,140,20,5,",
    ",1.0,100,10,140,20,5,ok",
    "r7,1.1,100ms,10,140,20,5,ok",
    "r8,1.2,100,10,140,20,5",
    "r9,1.3,100,10,140,20,5,ok,extra",
    "r10,1.4,-0,10,140,+20,5,error",
    "r11,1.5,1234567890123456,10,140,20,5,ok",
    "r12,1.6,100,10,140,20,5,errors",
  ];
  const text = `${HEADER}\n${tricky.join("\n")}\n`;

  it("reads every row as the general tokenizer does, for every chunk size", () => {
    const general = text.replace("ttft_ms", '"ttft_ms"');
    const slow = observe(servingCsv.parse({ path: "r.csv", bytes: encode(general) }));
    for (const size of [3, 16, text.length + 1]) expect(parseFast(text, size)).toEqual(slow);
  });
});
