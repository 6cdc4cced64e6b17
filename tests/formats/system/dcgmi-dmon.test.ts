import { describe, expect, it } from "vitest";
import { parseEvidence } from "../../../src/formats/parse-evidence.ts";
import { dcgmiDmon } from "../../../src/formats/system/dcgmi-dmon.ts";
import { textFile } from "../collective/collective-test-helpers.ts";

/**
 * dmon output laid out as DCGM's dcgmi/DeviceMonitor.cpp prints it (no public capture with a known
 * origin was found): `SetHeaderForOutput` pads "#Entity"/"ID" to 10 and each field to its
 * valueFormat width + 6, plus 2; `PrintMetricsRow` pads "GPU 0" to 10 and each value the same way;
 * FBUSD/FBFRE/FBTTL have width 10 and no unit, GPUTL width 5 and unit "%"; a blank value is "N/A";
 * the two header lines come again after 14 sweeps; Ctrl-C ends with "dmon was stopped do to
 * receiving a signal".
 */
const WIDTH: Record<string, number> = { FBUSD: 10, FBFRE: 10, FBTTL: 10, GPUTL: 5, POWER: 8 };
const UNIT: Record<string, string> = { FBUSD: "", FBFRE: "", FBTTL: "", GPUTL: "%", POWER: "W" };

function header(fields: string[]): string[] {
  const cell = (text: string, f: string) => text.padEnd((WIDTH[f] as number) + 8);
  return [
    `${"#Entity".padEnd(10)}${fields.map((f) => cell(f, f)).join("")}`,
    `${"ID".padEnd(10)}${fields.map((f) => cell(UNIT[f] as string, f)).join("")}`,
  ];
}

function row(fields: string[], entity: string, values: Array<string | number>): string {
  return `${entity.padEnd(10)}${values.map((v, i) => String(v).padEnd((WIDTH[fields[i] as string] as number) + 8)).join("")}`;
}

const FIELDS = ["FBUSD", "FBTTL", "GPUTL"];

describe("dcgmi dmon", () => {
  it("reads two GPUs over sweeps, at the -d delay of the command line, across a repeated header", () => {
    const text = [
      "$ dcgmi dmon -e 252,250,203 -d 500",
      ...header(FIELDS),
      row(FIELDS, "GPU 0", [0, 81559, 0]),
      row(FIELDS, "GPU 1", [0, 81559, 0]),
      row(FIELDS, "GPU 0", [40123, 81559, 87]),
      row(FIELDS, "GPU 1", [40110, 81559, 85]),
      ...header(FIELDS),
      row(FIELDS, "GPU 0", [40125, 81559, 99]),
      row(FIELDS, "GPU 1", [40110, 81559, 100]),
      "",
      "",
      "dmon was stopped do to receiving a signal",
    ].join("\n");
    const parsed = parseEvidence(textFile("dmon.txt", text));
    const m = parsed.memory;
    expect({
      format: parsed.format,
      rows: parsed.rows,
      time: [...(m?.timeS ?? [])],
      gpu: [...(m?.gpu ?? [])],
      used: [...(m?.usedMiB ?? [])],
      total: [...(m?.totalMiB ?? [])],
      utilization: [...(m?.utilizationPct ?? [])],
      lines: [...(m?.lines ?? [])],
      context: parsed.context,
      findings: parsed.findings,
    }).toEqual({
      format: "dcgmi-dmon",
      rows: 6,
      time: [0, 0, 0.5, 0.5, 1, 1],
      gpu: [0, 1, 0, 1, 0, 1],
      used: [0, 0, 40123, 40110, 40125, 40110],
      total: [81559, 81559, 81559, 81559, 81559, 81559],
      utilization: [0, 0, 87, 85, 99, 100],
      lines: [4, 5, 6, 7, 10, 11],
      context: { tool: "dcgmi-dmon", time_base: "relative", delay_ms: 500, sweeps: 3 },
      findings: [],
    });
  });

  it("without the command line, places sweeps 1000 ms apart (dcgmi's default) and says so; FBUSD + FBFRE is the total; GRACT is a ratio", () => {
    const fields = ["FBUSD", "FBFRE", "POWER"];
    const text = [
      ...header(fields),
      row(fields, "GPU 0", [1, 81000, "63.012"]),
      row(fields, "GPU 0", [2000, 79001, "70.500"]),
    ].join("\n");
    const parsed = dcgmiDmon.parse(textFile("dmon.txt", text));
    expect({
      time: [...(parsed.memory?.timeS ?? [])],
      total: [...(parsed.memory?.totalMiB ?? [])],
      utilization: [...(parsed.memory?.utilizationPct ?? [])],
      findings: parsed.findings.map((f) => [f.code, f.severity, f.location?.line]),
    }).toEqual({
      time: [0, 1],
      total: [81001, 81001],
      utilization: [Number.NaN, Number.NaN],
      findings: [["DMON_DELAY_ASSUMED", "warning", 1]],
    });
  });

  it("reports N/A values, a cut row, a changed field list and a capture without FBUSD", () => {
    const text = [
      "dcgmi dmon -e 252,250,203 -d 1000",
      ...header(FIELDS),
      row(FIELDS, "GPU 0", ["N/A", 81559, 3]),
      "GPU 0     4012",
      ...header(["FBUSD", "GPUTL"]),
    ].join("\n");
    const parsed = dcgmiDmon.parse(textFile("dmon.txt", text));
    expect(parsed.findings.map((f) => [f.code, f.severity, f.location?.line, f.location?.column])).toEqual([
      ["DMON_NOT_AVAILABLE", "warning", 4, "FBUSD"],
      ["DMON_ROW_MALFORMED", "error", 5, undefined],
      ["DMON_HEADER_CHANGED", "error", 6, undefined],
    ]);
    const noMemory = dcgmiDmon.parse(
      textFile("dmon.txt", [...header(["GPUTL"]), row(["GPUTL"], "GPU 0", [5])].join("\n")),
    );
    expect(noMemory.findings.map((f) => [f.code, f.location?.column])).toEqual([
      ["CSV_MISSING_COLUMN", "FBUSD"],
      ["CSV_MISSING_COLUMN", "FBTTL"],
    ]);
  });

  it("keeps GPU rows only when MIG instances are listed, and is not taken for nvidia-smi", () => {
    const text = [
      ...header(FIELDS),
      row(FIELDS, "GPU 0", [100, 81559, 1]),
      row(FIELDS, "GPU-I 1", [50, 40000, 1]),
    ].join("\n");
    const parsed = dcgmiDmon.parse(textFile("dmon.txt", text));
    expect([
      parsed.rows,
      parsed.context?.mig_rows_skipped,
      dcgmiDmon.detect({ path: "x.csv", head: "timestamp, memory.used [MiB]\n" }),
    ]).toEqual([1, 1, 0]);
  });
});
