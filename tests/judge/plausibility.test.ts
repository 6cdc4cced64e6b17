import { describe, expect, it } from "vitest";
import { servingCsv } from "../../src/formats/serving/serving-csv.ts";
import { checkPlausibility } from "../../src/judge/plausibility.ts";

const HEADER = "request_id,start_s,ttft_ms,tpot_ms,e2e_ms,input_tokens,output_tokens,status";
const check = (rows: string[]) => {
  const parsed = servingCsv.parse({
    path: "r.csv",
    bytes: new TextEncoder().encode(`${HEADER}\n${rows.join("\n")}\n`),
  });
  return checkPlausibility("r.csv", parsed).map((f) => [f.code, f.location?.line, f.location?.column]);
};

describe("serving plausibility", () => {
  it("accepts a consistent request", () => {
    expect(check(["a,0,100,10,190,5,10,ok"])).toEqual([]);
  });

  it("flags TTFT above end-to-end latency", () => {
    expect(check(["a,0,300,10,190,5,10,ok"])).toEqual([["SERVING_TTFT_GT_E2E", 2, "ttft_ms"]]);
  });

  it("flags a TPOT that does not add up to the end-to-end latency", () => {
    expect(check(["a,0,100,20,190,5,10,ok"])).toEqual([["SERVING_E2E_INCONSISTENT", 2, "tpot_ms"]]);
  });

  it("flags negative times, duplicated ids and start times going back", () => {
    expect(check(["a,5,100,10,190,5,10,ok", "a,1,-1,,190,5,10,ok"])).toEqual([
      ["SERVING_NEGATIVE_TIME", 3, "ttft_ms"],
      ["SERVING_START_NOT_MONOTONIC", 3, "start_s"],
      ["SERVING_DUPLICATE_REQUEST", 3, "request_id"],
    ]);
  });

  it("requires TTFT, E2E and output tokens on successful requests only", () => {
    expect(check(["a,0,,,,5,,ok", "b,1,,,,5,,error"])).toEqual([
      ["SERVING_MISSING_VALUE", 2, "ttft_ms"],
      ["SERVING_MISSING_VALUE", 2, "e2e_ms"],
      ["SERVING_MISSING_VALUE", 2, "output_tokens"],
    ]);
  });
});
