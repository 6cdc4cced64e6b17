import { describe, expect, it } from "vitest";
import { JsonFieldReader, parseNumericString } from "../../../src/formats/text/json-fields.ts";
import { parseJsonDocument } from "../../../src/formats/text/json-input.ts";

function reader(text: string) {
  const doc = parseJsonDocument("f.json", text);
  return { fields: new JsonFieldReader(doc), object: doc.records[0]?.value as Record<string, unknown> };
}

describe("JsonFieldReader", () => {
  it("reads numbers, bigints and numbers written as strings, and notes the strings once", () => {
    const { fields, object } = reader(
      '{\n  "a": 1.5,\n  "b": "131",\n  "c": "inf",\n  "d": 12345678901234567890,\n  "e": null\n}',
    );
    expect([
      ["a", "b", "c", "d", "e", "missing"].map((k) => fields.number(object, k)),
      fields.finish(),
    ]).toEqual([
      [1.5, 131, Number.POSITIVE_INFINITY, 12345678901234567000, undefined, undefined],
      [
        {
          code: "JSON_NUMBER_AS_STRING",
          params: {
            field: "b",
            n: 2,
            text: "131",
          },
          severity: "info",
          message:
            '2 fields hold numbers written as a string (first: "b" = "131"), read as numbers; nothing to do when the tool wrote the file this way.',
          location: { path: "f.json", line: 3, column: "b" },
        },
      ],
    ]);
  });

  it("names the line and field of a value of the wrong type and returns undefined for it", () => {
    const { fields, object } = reader('{"list": [1,\n {"x": 2}],\n "flag": true}');
    const list = object.list as unknown[];
    expect([
      fields.numberAt(list, 1, "list[1]"),
      fields.number(object, "flag"),
      fields.string(object, "list"),
      fields.finish(),
    ]).toEqual([
      undefined,
      undefined,
      undefined,
      [
        {
          code: "JSON_WRONG_TYPE",
          params: {
            expected: "a number",
            field: "list[1]",
            value: "an object",
          },
          severity: "error",
          message:
            'Field "list[1]" holds an object where a number is expected; fix the value or submit the file exactly as the tool wrote it.',
          location: { path: "f.json", line: 2, column: "list[1]" },
        },
        {
          code: "JSON_WRONG_TYPE",
          params: {
            expected: "a number",
            field: "flag",
            value: "the boolean true",
          },
          severity: "error",
          message:
            'Field "flag" holds the boolean true where a number is expected; fix the value or submit the file exactly as the tool wrote it.',
          location: { path: "f.json", line: 3, column: "flag" },
        },
        {
          code: "JSON_WRONG_TYPE",
          params: {
            expected: "a string",
            field: "list",
            value: "a list",
          },
          severity: "error",
          message:
            'Field "list" holds a list where a string is expected; fix the value or submit the file exactly as the tool wrote it.',
          location: { path: "f.json", line: 1, column: "list" },
        },
      ],
    ]);
  });

  it("lists twenty wrong values of one kind and counts the rest", () => {
    const { fields, object } = reader(`{"v": [${Array.from({ length: 25 }, () => '"x"').join(", ")}]}`);
    const list = object.v as unknown[];
    for (let i = 0; i < list.length; i++) fields.numberAt(list, i, `v[${i}]`);
    const findings = fields.finish();
    expect([findings.length, findings[20]?.message]).toEqual([
      21,
      "5 more rows have the same problem (25 in all); only the first 20 are listed.",
    ]);
  });
});

describe("parseNumericString", () => {
  it("reads plain numbers and Python's infinities and NaN, and nothing else", () => {
    expect(
      ["131", " -1.5e3 ", "Infinity", "-inf", "nan", "1,146.31", "12 ms", ""].map(parseNumericString),
    ).toEqual([
      131,
      -1500,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      Number.NaN,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
