import { describe, expect, it } from "vitest";
import { parseConditionValue, parseStatedValue } from "../../src/judge/doc-claim-value.ts";

describe("parseStatedValue", () => {
  it("reads the Unicode minus, a plus sign, thin spaces and thousands separators", () => {
    expect(
      [
        ["−8.5 %", "%"],
        ["+3 pp", "points"],
        ["1,024\u202fB", "B"],
        ["–0.25\u00a0%", "%"],
      ].map(([text, unit]) => parseStatedValue(text as string, unit as string)),
    ).toEqual([
      { value: -8.5, halfDigit: 0.05 },
      { value: 3, halfDigit: 0.5 },
      { value: 1024, halfDigit: 0.5 },
      { value: -0.25, halfDigit: 0.005 },
    ]);
  });

  it("converts a unit of the requirement's dimension, with the written precision scaled too", () => {
    expect([
      parseStatedValue("0.12 s", "ms"),
      parseStatedValue("2 GiB", "B"),
      parseStatedValue("5", "ms"),
    ]).toEqual([
      { value: 120, halfDigit: 5 },
      { value: 2147483648, halfDigit: 536870912 },
      { value: 5, halfDigit: 0.5 },
    ]);
  });

  it("refuses a unit of another dimension, percent for points, and text that is no number", () => {
    expect([
      parseStatedValue("5 ms", "%"),
      parseStatedValue("2.1 %", "points"),
      parseStatedValue("about 8 %", "%"),
      parseStatedValue("8,5 %", "%"),
      parseStatedValue("", "%"),
    ]).toEqual([
      { problem: "unit", written: "ms" },
      { problem: "unit", written: "%" },
      { problem: "unreadable" },
      { problem: "unreadable" },
      { problem: "unreadable" },
    ]);
  });

  it("takes a bare number in the requirement's unit: a fraction stays a fraction for the claim check to name", () => {
    expect(parseStatedValue("0.085", "%")).toEqual({ value: 0.085, halfDigit: 0.0005 });
  });
});

describe("parseConditionValue", () => {
  it("reads numbers, byte sizes and booleans, and keeps other text", () => {
    expect(["1GiB", "512 MiB", "1073741824", "true", "13a", "poisson 8"].map(parseConditionValue)).toEqual([
      1073741824,
      536870912,
      1073741824,
      true,
      "13a",
      "poisson 8",
    ]);
  });
});
