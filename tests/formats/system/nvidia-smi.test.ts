import { describe, expect, it } from "vitest";
import { nvidiaSmiCsv } from "../../../src/formats/system/nvidia-smi.ts";
import { parseSmiTimestamp } from "../../../src/formats/text/timestamps.ts";
import type { ParsedEvidence } from "../../../src/model/evidence.ts";
import { readFixture, textFile } from "../serving/serving-test-helpers.ts";

// The data files follow nvidia-smi's own CSV: ", " separators, units in the header's brackets, and a
// unit after every value unless `nounits` was given. Expected epoch seconds come from Python:
// datetime.fromisoformat("2026-10-12 08:00:00.101").replace(tzinfo=timezone.utc).timestamp().

/** The typed columns as plain arrays, plus findings as [code, line, column]. */
const table = (parsed: ParsedEvidence) => {
  const m = parsed.memory;
  return {
    rows: parsed.rows,
    time: Array.from(m?.timeS ?? []),
    gpu: Array.from(m?.gpu ?? []),
    used: Array.from(m?.usedMiB ?? []),
    total: Array.from(m?.totalMiB ?? []),
    util: Array.from(m?.utilizationPct ?? []),
    lines: Array.from(m?.lines ?? []),
    findings: parsed.findings.map((f) => [f.code, f.location?.line, f.location?.column]),
  };
};

const smi = (text: string) => nvidiaSmiCsv.parse(textFile("smi.csv", text));

describe("nvidia-smi --query-gpu CSV", () => {
  it("reads values with units, and marks an [N/A] cell missing with a warning at its line and column", () => {
    expect(table(nvidiaSmiCsv.parse(readFixture("nvidia-smi-units.csv")))).toEqual({
      rows: 6,
      time: [1791792000.101, 1791792000.103, 1791792001.102, 1791792001.104, 1791792002.101, 1791792002.103],
      gpu: [0, 1, 0, 1, 0, 1],
      used: [0, 0, 15800, 15790, 40210, Number.NaN],
      total: [81559, 81559, 81559, 81559, 81559, 81559],
      util: [0, 0, 0, 0, 87, 85],
      lines: [2, 3, 4, 5, 6, 7],
      findings: [["SMI_NOT_AVAILABLE", 7, "memory.used"]],
    });
  });

  it("reads the bare numbers of the nounits variant", () => {
    expect(table(nvidiaSmiCsv.parse(readFixture("nvidia-smi-nounits.csv")))).toEqual({
      rows: 3,
      time: [1791792000.101, 1791792001.102, 1791792002.101],
      gpu: [0, 0, 0],
      used: [0, 9800, 21900],
      total: [23028, 23028, 23028],
      util: [0, 0, 64],
      lines: [2, 3, 4],
      findings: [],
    });
  });

  it("reads columns in any order, ignores extra ones and skips a header repeated by a polling loop", () => {
    const parsed = smi(
      [
        "index, name, timestamp, power.draw [W], memory.total [MiB], memory.used [MiB]",
        "0, NVIDIA H100 80GB HBM3, 2026/10/12 08:00:00.101, 69.83 W, 81559 MiB, 0 MiB",
        "index, name, timestamp, power.draw [W], memory.total [MiB], memory.used [MiB]",
        "0, NVIDIA H100 80GB HBM3, 2026/10/12 08:00:01.102, 121.40 W, 81559 MiB, 15800 MiB",
        "",
      ].join("\n"),
    );
    expect(table(parsed)).toEqual({
      rows: 2,
      time: [1791792000.101, 1791792001.102],
      gpu: [0, 0],
      used: [0, 15800],
      total: [81559, 81559],
      util: [Number.NaN, Number.NaN],
      lines: [2, 4],
      findings: [],
    });
  });

  it("reads nvidia-smi's timestamp as UTC seconds with milliseconds", () => {
    expect([
      parseSmiTimestamp("2026/10/12 08:00:01.102"),
      parseSmiTimestamp("2026/02/30 08:00:01.102"),
      parseSmiTimestamp("Mon Oct 12 08:00:01 2026"),
    ]).toEqual([1791792001.102, Number.NaN, Number.NaN]);
  });

  it("is detected from nvidia-smi's dotted query names only", () => {
    expect([
      nvidiaSmiCsv.detect({ path: "a", head: "timestamp, index, memory.used [MiB]\n" }),
      nvidiaSmiCsv.detect({ path: "b", head: "index, memory.used [MiB], memory.total [MiB]\n" }),
      nvidiaSmiCsv.detect({ path: "c", head: "timestamp_s,gpu,memory_used_mib\n" }),
    ]).toEqual([0.95, 0.9, 0]);
  });
});

describe("nvidia-smi CSV bad input", () => {
  it("names each missing required column on line 1 with the command that records it", () => {
    expect(smi("timestamp, memory.used [MiB]\n2026/10/12 08:00:00.101, 5 MiB\n").findings).toEqual([
      {
        code: "CSV_MISSING_COLUMN",
        params: {
          fix: "record it",
          name: "memory.total",
          smi_command:
            "nvidia-smi --query-gpu=timestamp,index,memory.used,memory.total,utilization.gpu --format=csv -l 1",
          variant: "nvidia_smi_cells_1",
        },
        severity: "error",
        message:
          'Column "memory.total" is missing from the header; record it: nvidia-smi --query-gpu=timestamp,index,memory.used,memory.total,utilization.gpu --format=csv -l 1.',
        location: { path: "smi.csv", line: 1, column: "memory.total" },
      },
    ]);
  });

  it("says when the file was written with noheader", () => {
    const parsed = smi("2026/10/12 08:00:00.101, 0, 5 MiB, 81559 MiB, 0 %\n");
    expect(parsed.findings.map((f) => [f.code, f.location?.column, f.message.includes("noheader")])).toEqual([
      ["CSV_MISSING_COLUMN", "timestamp", true],
      ["CSV_MISSING_COLUMN", "memory.used", true],
      ["CSV_MISSING_COLUMN", "memory.total", true],
    ]);
  });

  it("names the line and column of a value in the wrong unit, a bad index and an edited timestamp", () => {
    const parsed = smi(
      [
        "timestamp, index, memory.used [MiB], memory.total [MiB], utilization.gpu [%]",
        "2026/10/12 08:00:00.101, 0, 5 GiB, 81559 MiB, 0 %",
        "2026/10/12 08:00:01.102, first, 5 MiB, 81559 MiB, 0 %",
        "12.10.2026 08:00:02, 0, 5 MiB, 81559 MiB, 0 %",
        "2026/10/12 08:00:03.101, 0, 5 MiB, 81559 MiB, [Not Supported]",
        "",
      ].join("\n"),
    );
    expect(table(parsed).findings).toEqual([
      ["CSV_BAD_NUMBER", 2, "memory.used"],
      ["CSV_BAD_NUMBER", 3, "index"],
      ["SMI_BAD_TIMESTAMP", 4, "timestamp"],
      ["SMI_NOT_AVAILABLE", 5, "utilization.gpu"],
    ]);
  });

  it("leaves out a line cut when nvidia-smi was stopped, and says so", () => {
    const parsed = smi(
      "timestamp, index, memory.used [MiB], memory.total [MiB]\n2026/10/12 08:00:00.101, 0, 5 MiB, 81559 MiB\n2026/10/12 08:00:01.102, 0, 5\n",
    );
    expect([parsed.rows, table(parsed).findings]).toEqual([1, [["CSV_FIELD_COUNT", 3, undefined]]]);
  });

  it("rejects a memory column in a unit nvidia-smi never prints", () => {
    const parsed = smi("timestamp, memory.used [GiB], memory.total [MiB]\n2026/10/12 08:00:00.101, 5, 80\n");
    expect(table(parsed).findings).toEqual([["SMI_BAD_UNIT", 1, "memory.used"]]);
  });

  it("reports a header without samples, and an empty file as an input error", () => {
    expect(table(smi("timestamp, memory.used [MiB], memory.total [MiB]\n")).findings).toEqual([
      ["CSV_NO_ROWS", 1, undefined],
    ]);
    expect(() => smi("")).toThrowError(/smi\.csv is empty; record the timeline with nvidia-smi/);
  });
});
