import { describe, expect, it } from "vitest";
import { parseJsonDocument } from "../../../src/formats/text/json-input.ts";

describe("parseJsonDocument", () => {
  it("reads Python's bare NaN and Infinity and keeps integers beyond 2^53 exact", () => {
    const doc = parseJsonDocument(
      "a.json",
      '{"a": NaN, "b": -Infinity, "rate": Infinity, "ns": 1759813207532900363, "s": "x\\"y\\u00e9"}',
    );
    expect(doc.records).toEqual([
      {
        value: {
          a: Number.NaN,
          b: Number.NEGATIVE_INFINITY,
          rate: Number.POSITIVE_INFINITY,
          ns: 1759813207532900363n,
          s: 'x"yé',
        },
        line: 1,
      },
    ]);
  });

  it("reads JSONL as one record per line, with each record's line", () => {
    const doc = parseJsonDocument("a.jsonl", '{"run": 1}\n\n{"run": 2}\r\n{"run": 3}\n');
    expect(doc.records).toEqual([
      { value: { run: 1 }, line: 1 },
      { value: { run: 2 }, line: 3 },
      { value: { run: 3 }, line: 4 },
    ]);
  });

  it("reports a duplicate key with both lines and keeps the last value, as JSON readers do", () => {
    const doc = parseJsonDocument("d.json", '{\n  "ttft": 1,\n  "ttft": 2\n}');
    expect([doc.records[0]?.value, doc.findings, doc.duplicates.map((d) => d.values)]).toEqual([
      { ttft: 2 },
      [
        {
          code: "JSON_DUPLICATE_KEY",
          params: {
            key: "ttft",
            lines: "lines 2 and 3",
          },
          severity: "warning",
          message:
            'Key "ttft" appears twice in the same object (lines 2 and 3); JSON readers keep only the last value. Remove or rename the duplicate so the file says one thing.',
          location: { path: "d.json", line: 3, column: "ttft" },
        },
      ],
      [[1, 2]],
    ]);
  });

  it("stores a __proto__ key as data instead of changing the prototype", () => {
    const value = parseJsonDocument("p.json", '{"__proto__": {"polluted": true}}').records[0]
      ?.value as Record<string, unknown>;
    expect([Object.keys(value), (value as { polluted?: boolean }).polluted]).toEqual([
      ["__proto__"],
      undefined,
    ]);
  });

  it("finds the line of an object, a key and an array element in pretty-printed JSON", () => {
    const doc = parseJsonDocument(
      "p.json",
      '[\n  {\n    "a": 1,\n    "b": "x"\n  },\n  {\n    "a": [1,\n 2,\n "q"]\n  }\n]',
    );
    const list = doc.records[0]?.value as Array<Record<string, unknown>>;
    const second = list[1] as Record<string, unknown>;
    expect([
      doc.lineOf(second),
      doc.lineOfKey(list[0] as Record<string, unknown>, "b"),
      doc.lineOfIndex(second.a as unknown[], 2),
      doc.lineOfKey(second, "zz"),
    ]).toEqual([6, 4, 9, undefined]);
  });

  it("throws E_INPUT naming the line when a single JSON value is cut off", () => {
    expect(() => parseJsonDocument("cut.json", '{\n  "a": [1, 2')).toThrowError(
      expect.objectContaining({
        code: "E_INPUT",
        message:
          'cut.json is not valid JSON: The value that starts on line 1: the file ends inside this value (expected "," or "]" but found the end of the file), so it was cut off while being written or copied; re-run the tool or copy the whole file.',
      }),
    );
  });

  it("throws E_INPUT for an empty file", () => {
    expect(() => parseJsonDocument("e.json", " \n")).toThrowError(
      expect.objectContaining({
        code: "E_INPUT",
        message: "e.json is empty; submit the file the tool wrote.",
      }),
    );
  });

  it("keeps the JSONL records around a broken line and names the broken line", () => {
    const doc = parseJsonDocument("b.jsonl", '{"a": 1}\n{"a": 2, "b": 3\n{"a": 4}\n{"a": tru}\n');
    expect([doc.records.map((r) => r.value), doc.findings.map((f) => [f.location?.line, f.message])]).toEqual(
      [
        [{ a: 1 }, { a: 4 }],
        [
          [
            2,
            "The value that starts on line 2 is cut off: line 3 starts a new value before it is closed; re-write or remove line 2.",
          ],
          [
            4,
            'Line 4, character 7: expected a value but found "tru}"; fix the JSON there or submit the file exactly as the tool wrote it.',
          ],
        ],
      ],
    );
  });

  it("rejects a string that runs past the end of its line instead of swallowing the next record", () => {
    const doc = parseJsonDocument("s.jsonl", '{"a": "x}\n{"a": "y"}\n');
    expect([doc.records.map((r) => r.value), doc.findings.map((f) => f.location?.line)]).toEqual([
      [{ a: "y" }],
      [1],
    ]);
  });

  it("hands JSONL records over one by one without keeping them, and still locates keys in the current one", () => {
    const seen: Array<[unknown, number, number | undefined]> = [];
    const doc = parseJsonDocument("s.jsonl", '{"a": 1}\n{"a": 2,\n "b": [3]}\n', (record, current) => {
      const value = record.value as Record<string, unknown>;
      seen.push([value.a, record.line, current.lineOfKey(value, "b")]);
    });
    expect([seen, doc.records]).toEqual([
      [
        [1, 1, undefined],
        [2, 2, 3],
      ],
      [],
    ]);
  });
});
