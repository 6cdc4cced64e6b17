import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  JSON_NUMBER,
  NUMBER_CUT,
  NUMBER_INVALID,
  readJsonNumber,
} from "../../../src/formats/text/json-number-bytes.ts";

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

function read(text: string): { value: number; end: number } {
  const bytes = ascii(text);
  const value = readJsonNumber(bytes, 0, bytes.length);
  return { value, end: JSON_NUMBER.end };
}

describe("readJsonNumber", () => {
  it("reads every double exactly as Number() does, in JS's and in Python's spelling", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const js = String(x);
        // Python's repr writes 1e-05 where JS writes 0.00001, and 1e+16 for 1e16.
        const python = x.toExponential().replace("e+", "e+0");
        for (const text of [js, python]) {
          const bigint = /^-?\d+$/.test(text) && Math.abs(x) > Number.MAX_SAFE_INTEGER;
          const expected = bigint
            ? { value: Number.NaN, end: NUMBER_INVALID }
            : { value: Number(text), end: text.length };
          expect(read(`${text},`)).toEqual(expected);
        }
      }),
      { numRuns: 20000 },
    );
  });

  it("reads short decimals and the edge cases of the fast path", () => {
    const texts = [
      "0",
      "-0",
      "0.0412",
      "5021.1143",
      "1e22",
      "1e23",
      "123456789012345.6",
      "9007199254740991",
      "2.5E-3",
    ];
    expect(texts.map((t) => read(`${t}]`))).toEqual(texts.map((t) => ({ value: Number(t), end: t.length })));
  });

  it("says when a number runs into the chunk's end, and when it is not JSON", () => {
    expect([
      read("0.04"),
      read("-"),
      read("01,"),
      read("1.,"),
      read(".5,"),
      read("1e,"),
      read("NaN,"),
    ]).toEqual([
      { value: Number.NaN, end: NUMBER_CUT },
      { value: Number.NaN, end: NUMBER_CUT },
      { value: Number.NaN, end: NUMBER_INVALID },
      { value: Number.NaN, end: NUMBER_INVALID },
      { value: Number.NaN, end: NUMBER_INVALID },
      { value: Number.NaN, end: NUMBER_INVALID },
      { value: Number.NaN, end: NUMBER_INVALID },
    ]);
  });

  it("leaves integers beyond 2^53 to the general parser (it keeps them as bigint)", () => {
    expect(read("9007199254740993,")).toEqual({ value: Number.NaN, end: NUMBER_INVALID });
  });
});
