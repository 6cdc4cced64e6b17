import { describe, expect, it } from "vitest";
import { SERVING_REQUEST_COLUMNS } from "../../../src/formats/serving/serving-cells.ts";
import { servingCsv } from "../../../src/formats/serving/serving-csv.ts";
import { GPU_MEMORY_COLUMNS } from "../../../src/formats/system/gpu-memory-csv.ts";
import { resolveColumns } from "../../../src/formats/text/column-spec.ts";

describe("resolveColumns", () => {
  it("warns about a column the kind does not have, naming the closest known column", () => {
    expect(
      resolveColumns(
        ["request_id", "TTFT", "e2e_ms", "input_tokens", "output_tokens"],
        SERVING_REQUEST_COLUMNS,
        "r.csv",
      ),
    ).toEqual({
      index: new Map([
        ["request_id", 0],
        ["ttft", 1],
        ["e2e_ms", 2],
        ["input_tokens", 3],
        ["output_tokens", 4],
      ]),
      findings: [
        {
          code: "CSV_MISSING_COLUMN",
          params: {
            description: "time to first token",
            name: "ttft_ms",
            variant: "column_spec_1",
          },
          severity: "error",
          message:
            'Required column "ttft_ms" (time to first token) is missing from the header; add it (`claimcheck template` prints the full header).',
          location: { path: "r.csv", line: 1, column: "ttft_ms" },
        },
      ],
      unknown: [
        {
          code: "CSV_UNKNOWN_COLUMN",
          params: {
            description: "time to first token",
            key: "ttft",
            name: "ttft_ms",
          },
          severity: "warning",
          message:
            'Column "ttft" is not a column of this kind and is ignored; the closest known column is "ttft_ms" (time to first token). Rename it if that is what it holds, or drop it (`claimcheck template` prints the header).',
          location: { path: "r.csv", line: 1, column: "ttft" },
        },
      ],
    });
  });

  it("accepts the names a reader reads besides its specs (gpu-memory's ISO `timestamp`)", () => {
    const header = ["timestamp", "gpu", "memory_used_mib", "memory_total_mib"];
    expect(resolveColumns(header, GPU_MEMORY_COLUMNS, "m.csv", ["timestamp"]).unknown).toEqual([]);
  });
});

describe("an unknown column in a whole file", () => {
  it("is a warning that leaves the rows read", () => {
    const parsed = servingCsv.parse({
      path: "r.csv",
      bytes: new TextEncoder().encode(
        "request_id,ttft_ms,e2e_ms,input_tokens,output_tokens,latency_ms\na,10,30,5,3,30\n",
      ),
    });
    expect([parsed.rows, parsed.findings.map((f) => [f.code, f.severity, f.location?.column])]).toEqual([
      1,
      [["CSV_UNKNOWN_COLUMN", "warning", "latency_ms"]],
    ]);
  });
});
