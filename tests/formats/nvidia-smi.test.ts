import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { nvidiaSmiCsv, parseSmiTimestamp } from "../../src/formats/nvidia-smi.ts";
import { textFile } from "./serving-test-helpers.ts";

// Both files follow nvidia-smi's own CSV: ", " separators, units in the header brackets, and
// units after every value unless `nounits` was given.
const fixture = (name: string) => ({
  path: name,
  bytes: readFileSync(new URL(`./data/${name}`, import.meta.url)),
});

const columns = (name: string) => {
  const parsed = nvidiaSmiCsv.parse(fixture(name));
  const m = parsed.memory;
  return {
    rows: parsed.rows,
    gpu: [...(m?.gpu ?? [])],
    used: [...(m?.usedMiB ?? [])],
    total: [...(m?.totalMiB ?? [])],
    util: [...(m?.utilizationPct ?? [])],
    findings: parsed.findings.map((f) => [f.code, f.location?.line, f.location?.column]),
  };
};

describe("nvidia-smi --query-gpu CSV", () => {
  it("reads values with units, and marks [N/A] cells missing with a warning", () => {
    expect(columns("nvidia-smi-units.csv")).toEqual({
      rows: 6,
      gpu: [0, 1, 0, 1, 0, 1],
      used: [0, 0, 15800, 15790, 40210, Number.NaN],
      total: [81559, 81559, 81559, 81559, 81559, 81559],
      util: [0, 0, 0, 0, 87, 85],
      findings: [["SMI_NOT_AVAILABLE", 7, "memory.used"]],
    });
  });

  it("reads the nounits variant", () => {
    expect(columns("nvidia-smi-nounits.csv")).toEqual({
      rows: 3,
      gpu: [0, 0, 0],
      used: [0, 9800, 21900],
      total: [23028, 23028, 23028],
      util: [0, 0, 64],
      findings: [],
    });
  });

  it("reads timestamps as seconds with milliseconds", () => {
    expect(
      parseSmiTimestamp("2026/10/12 08:00:01.102") - parseSmiTimestamp("2026/10/12 08:00:00.101"),
    ).toBeCloseTo(1.001, 6);
  });

  it("names the missing column and a value in the wrong unit", () => {
    expect(
      nvidiaSmiCsv
        .parse(textFile("m.csv", "timestamp, memory.used [MiB]\n2026/10/12 08:00:00.101, 5 MiB\n"))
        .findings.map((f) => [f.code, f.location?.column]),
    ).toEqual([["CSV_MISSING_COLUMN", "memory.total"]]);
    expect(
      nvidiaSmiCsv
        .parse(
          textFile(
            "m.csv",
            "timestamp, memory.used [MiB], memory.total [MiB]\n2026/10/12 08:00:00.101, 5 GiB, 10 MiB\n",
          ),
        )
        .findings.map((f) => [f.code, f.location?.line, f.location?.column]),
    ).toEqual([["CSV_BAD_NUMBER", 2, "memory.used"]]);
  });

  it("is detected from nvidia-smi's header only", () => {
    expect([
      nvidiaSmiCsv.detect({ path: "a", head: "timestamp, index, memory.used [MiB]\n" }),
      nvidiaSmiCsv.detect({ path: "b", head: "request_id,ttft_ms\n" }),
    ]).toEqual([0.95, 0]);
  });
});
