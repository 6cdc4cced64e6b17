import { describe, expect, it } from "vitest";
import { parseNumberCell, sniffDelimiter, tokenizeCsv } from "../../../src/formats/text/csv.ts";
import { createRandom } from "../../../src/measure/stats/random.ts";

function records(text: string, delimiter = ",") {
  const out: Array<{ line: number; fields: string[] }> = [];
  const result = tokenizeCsv(text, "t.csv", delimiter, (fields, line) =>
    out.push({ line, fields: [...fields] }),
  );
  return { out, findings: result.findings };
}

describe("tokenizeCsv", () => {
  it("splits LF and CRLF records and numbers them by file line", () => {
    expect(records("a,b\r\n1,2\n3,4")).toEqual({
      out: [
        { line: 1, fields: ["a", "b"] },
        { line: 2, fields: ["1", "2"] },
        { line: 3, fields: ["3", "4"] },
      ],
      findings: [],
    });
  });

  it("keeps quoted delimiters, doubled quotes and newlines inside one field, and counts the lines they span", () => {
    expect(records('id,note\n1,"a, ""b""\nc"\n2,x\n').out).toEqual([
      { line: 1, fields: ["id", "note"] },
      { line: 2, fields: ["1", 'a, "b"\nc'] },
      { line: 4, fields: ["2", "x"] },
    ]);
  });

  it("keeps a trailing empty field", () => {
    expect(records("a,b,\n").out).toEqual([{ line: 1, fields: ["a", "b", ""] }]);
  });

  it("reports an unterminated quote with the line it opened on", () => {
    expect(records('a\n"open\nmore').findings).toEqual([
      {
        code: "CSV_UNTERMINATED_QUOTE",
        params: {},
        severity: "error",
        message: "A quoted field opened on this line is never closed; close the quote or remove it.",
        location: { path: "t.csv", line: 2 },
      },
    ]);
  });

  it("reads tab-separated files", () => {
    expect(records("a\tb\n1\t2\n", "\t").out[1]).toEqual({ line: 2, fields: ["1", "2"] });
  });
});

describe("sniffDelimiter", () => {
  it("picks the delimiter that splits the header most", () => {
    expect([
      sniffDelimiter("a,b,c"),
      sniffDelimiter("a\tb\tc"),
      sniffDelimiter("a;b;c"),
      sniffDelimiter("a"),
    ]).toEqual([",", "\t", ";", ","]);
  });
});

describe("parseNumberCell", () => {
  it("reads plain decimals, treats empty and NaN-like cells as missing, and rejects units and separators", () => {
    expect(["12.5", " -3 ", "1e3", ".5", "", "NaN", "12 ms", "1,234", "abc"].map(parseNumberCell)).toEqual([
      12.5,
      -3,
      1000,
      0.5,
      Number.NaN,
      Number.NaN,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("gives exactly Number()'s value for 100 000 seeded random decimals (the fast path must not round differently)", () => {
    const random = createRandom(11);
    const mismatches: string[] = [];
    for (let k = 0; k < 100_000; k++) {
      const text = `${random.next() < 0.5 ? "-" : ""}${(random.next() * 10 ** random.int(9)).toFixed(random.int(8))}`;
      if (!Object.is(parseNumberCell(text), Number(text))) mismatches.push(text);
    }
    expect(mismatches).toEqual([]);
  });
});
