import { describe, expect, it } from "vitest";
import { aiperfJsonl } from "../../../src/formats/serving/aiperf.ts";
import { requireColumn } from "../../../src/model/request-columns.ts";
import { hasServingSamples, readSample, rounded, textFile } from "./serving-test-helpers.ts";

const EXAMPLE = "aiperf-docs-profile_export-EXAMPLE.jsonl";

describe.skipIf(!hasServingSamples)(
  "AIPerf profile_export.jsonl: the documentation example (SOURCES.md row 3)",
  () => {
    // Skipped suites still run their bodies to collect tests; without the samples there is nothing to read.
    if (!hasServingSamples) return;
    const parsed = aiperfJsonl.parse(readSample(EXAMPLE));
    const requests = parsed.requests;
    if (requests === undefined) throw new Error("the example must give per-request rows");

    it("reads both records, the cancelled one as failed, with AIPerf's ITL 5.2048 ms as TPOT", () => {
      expect({
        requestId: requests.requestId,
        startS: rounded(requireColumn(requests, "startS"), 6),
        ttftMs: Array.from(requireColumn(requests, "ttftMs")),
        e2eMs: Array.from(requireColumn(requests, "e2eMs")),
        tpotMs: Array.from(requireColumn(requests, "tpotMs")),
        // Mean of the eight inter_chunk_latency gaps; they add up to E2E − TTFT, so it equals ITL here.
        itlMs: rounded(requireColumn(requests, "itlMs"), 9),
        inputTokens: Array.from(requireColumn(requests, "inputTokens")),
        outputTokens: Array.from(requireColumn(requests, "outputTokens")),
        ok: Array.from(requests.ok),
        lines: Array.from(requests.lines ?? []),
      }).toEqual({
        requestId: ["7609a2e7-aa53-4ab1-98f4-f35ecafefd25", "c35e4b1b-6775-4750-b875-94cd68e5ec15"],
        startS: [1759813207.5329, 1759879161.119148],
        ttftMs: [255.88656799999998, Number.NaN],
        e2eMs: [297.52522799999997, Number.NaN],
        tpotMs: [5.2048325, Number.NaN],
        itlMs: [5.2048325, Number.NaN],
        inputTokens: [550, 550],
        outputTokens: [9, Number.NaN],
        ok: [1, 0],
        lines: [1, 2],
      });
    });

    it("reports the duplicate time_to_first_token and keeps the value that fits AIPerf's own ITL", () => {
      expect(parsed.findings).toEqual([
        {
          code: "JSON_DUPLICATE_KEY",
          params: {
            key: "time_to_first_token",
            lines: "line 1",
          },
          severity: "warning",
          message:
            'Key "time_to_first_token" appears twice in the same object (line 1); JSON readers keep only the last value. Remove or rename the duplicate so the file says one thing.',
          location: { path: EXAMPLE, line: 1, column: "time_to_first_token" },
        },
        {
          code: "AIPERF_DUPLICATE_RESOLVED",
          severity: "info",
          message:
            "Used time_to_first_token = 255.88656799999998, the one of its 2 values that satisfies TTFT + ITL × (OSL − 1) = request latency; remove the other value from the record.",
          location: { path: EXAMPLE, line: 1, column: "metrics.time_to_first_token" },
          params: { kept: "255.88656799999998", key: "time_to_first_token", n: 2 },
        },
      ]);
    });

    it("reproduces the tool's ITL from the tool's TTFT, latency and OSL: (297.525 − 255.887)/(9 − 1)", () => {
      const tpot =
        ((requireColumn(requests, "e2eMs")[0] as number) - (requireColumn(requests, "ttftMs")[0] as number)) /
        ((requireColumn(requests, "outputTokens")[0] as number) - 1);
      expect(rounded([tpot], 9)).toEqual([5.2048325]);
    });

    it("counts the records in the run facts", () => {
      expect(parsed.context).toEqual({ records: 2, completed: 1, failed: 1, cancelled: 1 });
    });
  },
);

describe.skipIf(!hasServingSamples)("AIPerf profile_export.jsonl: bad input", () => {
  // Skipped suites still run their bodies to collect tests; without the samples there is nothing to read.
  if (!hasServingSamples) return;
  const [first, second] = new TextDecoder().decode(readSample(EXAMPLE).bytes).split("\n") as [string, string];

  it("keeps the good records when the last line is cut off, and names that line", () => {
    const parsed = aiperfJsonl.parse(textFile("cut.jsonl", `${first}\n${second.slice(0, 200)}`));
    expect([parsed.rows, parsed.findings.map((f) => [f.code, f.location?.line])]).toEqual([
      1,
      [
        ["JSON_SYNTAX", 2],
        ["JSON_DUPLICATE_KEY", 1],
        ["AIPERF_DUPLICATE_RESOLVED", 1],
      ],
    ]);
  });

  it("names the field of a value that is not a number and of a unit it does not know", () => {
    const line = first
      .replace('"request_latency": {"value": 297.52522799999997', '"request_latency": {"value": "slow"')
      .replace('"unit": "tokens"}, "time_to_first_token"', '"unit": "words"}, "time_to_first_token"');
    const parsed = aiperfJsonl.parse(textFile("bad.jsonl", line));
    expect(
      parsed.findings
        .filter((f) => f.code !== "JSON_DUPLICATE_KEY")
        .map((f) => [f.code, f.location?.line, f.location?.column]),
    ).toEqual([
      ["AIPERF_UNKNOWN_UNIT", 1, "metrics.input_sequence_length"],
      ["JSON_WRONG_TYPE", 1, "metrics.request_latency.value"],
    ]);
  });

  it("leaves warm-up records out and says so", () => {
    const parsed = aiperfJsonl.parse(
      textFile("warm.jsonl", `${first.replace('"profiling"', '"warmup"')}\n${second}\n`),
    );
    expect([parsed.rows, parsed.findings.at(-1)?.message]).toEqual([
      1,
      "1 warm-up records were left out; only the profiling phase counts.",
    ]);
  });

  it("is detected from the metadata keys of the first line only", () => {
    expect([
      aiperfJsonl.detect({ path: "a.jsonl", head: first }),
      aiperfJsonl.detect({ path: "b.json", head: '{"metadata": {}, "metrics": {}}' }),
    ]).toEqual([0.95, 0]);
  });
});
