import { describe, expect, it } from "vitest";
import { aiperfJsonl } from "../../../src/formats/serving/aiperf.ts";
import { servingCsv } from "../../../src/formats/serving/serving-csv.ts";
import { computeServingWindow } from "../../../src/measure/serving/serving-window.ts";
import { hasServingSamples, readSample, textFile } from "../../formats/serving/serving-test-helpers.ts";

describe("computeServingWindow", () => {
  it("spans a canonical log from its first send to its last completion, its relative times not comparable", () => {
    const csv = [
      "request_id,start_s,ttft_ms,tpot_ms,e2e_ms,input_tokens,output_tokens,status",
      "a,0.5,10,5,1500,10,20,ok",
      "b,1.0,10,5,250,10,20,error",
      "c,,10,5,9000,10,20,ok",
    ].join("\n");
    expect(computeServingWindow(servingCsv.parse(textFile("log.csv", csv)))).toEqual({
      first: 0.5,
      last: 2,
      epoch: false,
    });
  });

  it("gives nothing for a log without send times", () => {
    const csv = "request_id,ttft_ms,e2e_ms,status\na,10,100,ok\n";
    expect(computeServingWindow(servingCsv.parse(textFile("log.csv", csv)))).toBeUndefined();
  });

  // AIPerf writes request_start_ns as Unix epoch nanoseconds (SOURCES.md row 3); the cancelled
  // record has no latency, so the window ends at its send.
  it.skipIf(!hasServingSamples)("reads AIPerf's epoch send times as comparable across logs", () => {
    const parsed = aiperfJsonl.parse(readSample("aiperf-docs-profile_export-EXAMPLE.jsonl"));
    const window = computeServingWindow(parsed);
    expect(
      window === undefined
        ? undefined
        : { ...window, first: round6(window.first), last: round6(window.last) },
    ).toEqual({
      first: 1759813207.5329,
      last: 1759879161.119148,
      epoch: true,
    });
  });
});

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
