import { describe, expect, it } from "vitest";
import { GPU_MEMORY_COLUMNS, gpuMemoryCsv } from "../../../src/formats/system/gpu-memory-csv.ts";
import { parseIsoTimestamp } from "../../../src/formats/text/timestamps.ts";
import type { ParsedEvidence } from "../../../src/model/evidence.ts";
import { textFile } from "../serving/serving-test-helpers.ts";

// Expected epoch seconds come from Python's datetime.fromisoformat(...).timestamp() (UTC when no zone).

const table = (parsed: ParsedEvidence) => ({
  rows: parsed.rows,
  time: Array.from(parsed.memory?.timeS ?? []),
  gpu: Array.from(parsed.memory?.gpu ?? []),
  used: Array.from(parsed.memory?.usedMiB ?? []),
  total: Array.from(parsed.memory?.totalMiB ?? []),
  util: Array.from(parsed.memory?.utilizationPct ?? []),
  lines: Array.from(parsed.memory?.lines ?? []),
  findings: parsed.findings.map((f) => [f.code, f.location?.line, f.location?.column]),
});

const csv = (text: string) => gpuMemoryCsv.parse(textFile("m.csv", text));

describe("gpu-memory CSV", () => {
  it("reads seconds, GPU, memory and utilization in any column order", () => {
    const parsed = csv(
      "gpu,timestamp_s,memory_total_mib,memory_used_mib,utilization_pct\n0,1791792000.101,81559,0,0\n1,1791792000.103,81559,40210,87.5\n",
    );
    expect(table(parsed)).toEqual({
      rows: 2,
      time: [1791792000.101, 1791792000.103],
      gpu: [0, 1],
      used: [0, 40210],
      total: [81559, 81559],
      util: [0, 87.5],
      lines: [2, 3],
      findings: [],
    });
  });

  it("reads ISO 8601 times with a zone, and without one as UTC, when there is no timestamp_s column", () => {
    const parsed = csv(
      "timestamp;memory_used_mib;memory_total_mib\n2026-10-12T16:00:01.250+08:00;100;23028\n2026-10-12T08:00:02.5;200;23028\n",
    );
    expect([table(parsed).time, table(parsed).gpu, table(parsed).util, parsed.findings]).toEqual([
      [1791792001.25, 1791792002.5],
      [0, 0],
      [Number.NaN, Number.NaN],
      [],
    ]);
  });

  it("parses ISO 8601 times independently of the machine's zone and rejects impossible dates", () => {
    expect([
      parseIsoTimestamp("2026-10-12T08:00:01Z"),
      parseIsoTimestamp("2026-10-12 03:00:01-0500"),
      parseIsoTimestamp("2026-02-30T08:00:01Z"),
      parseIsoTimestamp("12/10/2026 08:00"),
    ]).toEqual([1791792001, 1791792001, Number.NaN, Number.NaN]);
  });

  it("describes its columns for `claimcheck template gpu-memory`", () => {
    expect(GPU_MEMORY_COLUMNS.map((c) => [c.name, c.required, c.unit])).toEqual([
      ["timestamp_s", true, "s"],
      ["gpu", false, ""],
      ["memory_used_mib", true, "MiB"],
      ["memory_total_mib", true, "MiB"],
      ["utilization_pct", false, "%"],
    ]);
  });

  it("is detected by its own column names, not by nvidia-smi's", () => {
    expect([
      gpuMemoryCsv.detect({ path: "a", head: "timestamp_s,gpu,memory_used_mib,memory_total_mib\n" }),
      gpuMemoryCsv.detect({ path: "b", head: "timestamp, index, memory.used [MiB]\n" }),
    ]).toEqual([0.9, 0]);
  });
});

describe("gpu-memory CSV bad input", () => {
  it("names a missing time column and a missing memory column on line 1", () => {
    expect(csv("gpu,memory_used_mib\n0,5\n").findings).toEqual([
      {
        code: "CSV_MISSING_COLUMN",
        params: {
          description: "device memory size (nvidia-smi memory.total)",
          name: "memory_total_mib",
          variant: "column_spec_1",
        },
        severity: "error",
        message:
          'Required column "memory_total_mib" (device memory size (nvidia-smi memory.total)) is missing from the header; add it (`claimcheck template` prints the full header).',
        location: { path: "m.csv", line: 1, column: "memory_total_mib" },
      },
      {
        code: "CSV_MISSING_COLUMN",
        severity: "error",
        message:
          'Required column "timestamp_s" (seconds) or "timestamp" (ISO 8601) is missing from the header; add one (`claimcheck template gpu-memory` prints the full header).',
        location: { path: "m.csv", line: 1, column: "timestamp_s" },
      },
    ]);
  });

  it("names the line and column of a value with a unit, an empty required value and a bad GPU index", () => {
    const parsed = csv(
      "timestamp_s,gpu,memory_used_mib,memory_total_mib,utilization_pct\n0,0,1234 MiB,81559,\n1,0,,81559,5\n2,GPU0,5,81559,5\n",
    );
    expect(parsed.findings).toEqual([
      {
        code: "CSV_BAD_NUMBER",
        severity: "error",
        message:
          '"1234 MiB" is not a plain number; write memory_used_mib in MiB as a bare number (1234, not "1234 MiB").',
        location: { path: "m.csv", line: 2, column: "memory_used_mib" },
      },
      {
        code: "CSV_BAD_NUMBER",
        severity: "error",
        message: "memory_used_mib is empty; every sample needs a value, so fill it in or remove the row.",
        location: { path: "m.csv", line: 3, column: "memory_used_mib" },
      },
      {
        code: "CSV_BAD_NUMBER",
        severity: "error",
        message: '"GPU0" is not a GPU index; write 0, 1, … .',
        location: { path: "m.csv", line: 4, column: "gpu" },
        params: { s: "GPU0", variant: "gpu_memory_csv_1" },
      },
    ]);
  });

  it("names the line of a bad ISO time and of a row with too few fields", () => {
    const parsed = csv(
      "timestamp,memory_used_mib,memory_total_mib\n12/10/2026 08:00,5,80\n2026-10-12T08:00:01Z,5\n",
    );
    expect(table(parsed).findings).toEqual([
      ["CSV_BAD_TIMESTAMP", 2, "timestamp"],
      ["CSV_FIELD_COUNT", 3, undefined],
    ]);
  });

  it("reports a header without rows, and an empty file as an input error", () => {
    expect(table(csv("timestamp_s,memory_used_mib,memory_total_mib\n")).findings).toEqual([
      ["CSV_NO_ROWS", 1, undefined],
    ]);
    expect(() => csv("")).toThrowError(/m\.csv is empty; `claimcheck template gpu-memory` prints the header/);
  });
});
