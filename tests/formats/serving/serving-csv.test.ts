import { describe, expect, it } from "vitest";
import { servingCsv } from "../../../src/formats/serving/serving-csv.ts";
import { requestIdAt } from "../../../src/measure/serving/request-index.ts";

const bytes = (text: string) => new TextEncoder().encode(text);
const parse = (text: string) => servingCsv.parse({ path: "r.csv", bytes: bytes(text) });

const HEADER = "request_id,start_s,ttft_ms,tpot_ms,e2e_ms,input_tokens,output_tokens,status";

describe("serving-requests CSV", () => {
  it("reads every column into typed arrays and derives TPOT when the cell is empty", () => {
    const parsed = parse(`${HEADER}\nr1,0.5,100,,500,20,5,ok\nr2,1.0,80,10,170,30,10,error\n`);
    const r = parsed.requests;
    expect({
      rows: parsed.rows,
      findings: parsed.findings,
      ids: r === undefined ? [] : Array.from({ length: r.rows }, (_, i) => requestIdAt(r, i)),
      ttft: [...(r?.ttftMs ?? [])],
      tpot: [...(r?.tpotMs ?? [])],
      ok: [...(r?.ok ?? [])],
      lines: [...(r?.lines ?? [])],
    }).toEqual({
      rows: 2,
      findings: [],
      ids: ["r1", "r2"],
      ttft: [100, 80],
      tpot: [100, 10],
      ok: [1, 0],
      lines: [2, 3],
    });
  });

  it("accepts a BOM, CRLF line ends and columns in any order", () => {
    const parsed = parse(`\ufeffoutput_tokens,e2e_ms,ttft_ms,input_tokens,request_id\r\n3,30,10,5,a\r\n`);
    expect([parsed.findings, [...(parsed.requests?.tpotMs ?? [])]]).toEqual([[], [10]]);
  });

  it("names the line and column of a cell with a unit in it", () => {
    const parsed = parse(`${HEADER}\nr1,0,100 ms,,500,20,5,ok\n`);
    expect(parsed.findings).toEqual([
      {
        code: "CSV_BAD_NUMBER",
        params: {
          cell: "100 ms",
          unit: "milliseconds",
          variant: "serving_cells_1",
        },
        severity: "error",
        message:
          '"100 ms" is not a plain number; write the value in milliseconds without units or separators.',
        location: { path: "r.csv", line: 2, column: "ttft_ms" },
      },
    ]);
  });

  it("reports a missing required column on the header line", () => {
    const parsed = parse("request_id,ttft_ms,e2e_ms,input_tokens\nr1,1,2,3\n");
    expect(parsed.findings.map((f) => [f.code, f.location])).toEqual([
      ["CSV_MISSING_COLUMN", { path: "r.csv", line: 1, column: "output_tokens" }],
    ]);
  });

  it("lists twenty bad rows and counts the rest in one summary finding", () => {
    const rows = Array.from({ length: 25 }, (_, i) => `r${i},0,x,,5,1,2,ok`).join("\n");
    const parsed = parse(`${HEADER}\n${rows}\n`);
    expect([parsed.findings.length, parsed.findings[20]?.message]).toEqual([
      21,
      "5 more rows have the same problem (25 in all); only the first 20 are listed.",
    ]);
  });

  it("is detected from its header and not from an unrelated CSV", () => {
    expect([
      servingCsv.detect({ path: "a.csv", head: `${HEADER}\n` }),
      servingCsv.detect({ path: "b.csv", head: "qid,docno\n" }),
    ]).toEqual([0.9, 0]);
  });
});
