import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseEvidence } from "../../src/formats/parse-evidence.ts";
import { checkPlausibility } from "../../src/judge/plausibility.ts";
import { recomputeTest } from "../../src/measure/collective/collective-bandwidth.ts";
import { busbwUtilization } from "../../src/measure/collective/collective-metrics.ts";
import type { MeasureInput } from "../../src/measure/metric.ts";
import type { CollectiveTest } from "../../src/model/collective.ts";
import type { ParsedEvidence } from "../../src/model/evidence.ts";
import { parseHardwareCatalog } from "../../src/read/read-hardware.ts";

/**
 * Genuine collective benchmark output from public repositories (SOURCES.md beside the files). The
 * expected numbers were computed by a separate Python reading of each file (ranks = `#  Rank` lines,
 * hosts = distinct host names, busbw = size / time × factor(collective, ranks) at the largest size,
 * out-of-place) and are compared with what claimcheck reads and recomputes; the printed busbw of
 * that row is the tool's own number. A genuine log must get no error finding.
 */
const DIR = new URL("./collective/", import.meta.url);

const read = (name: string): ParsedEvidence =>
  parseEvidence({ path: name, bytes: readFileSync(new URL(name, DIR)) });

/** [collective, ranks, hosts, cells, largest size, printed busbw there, busbw recomputed by Python]. */
type Expected = [string, number, number, number, number, number, number];

const NCCL: Record<string, { format: string; tool: string; tests: Expected[] }> = {
  "nccl-tests_v2.17.8_H100_10nodes_x8gpu.log": {
    format: "nccl-tests",
    tool: "nccl-tests",
    tests: [
      ["all_reduce", 80, 10, 20, 17179869184, 320.54, 320.54],
      ["all_gather", 80, 10, 20, 17179868160, 324.29, 324.29],
      ["reduce_scatter", 80, 10, 20, 17179868160, 323.4, 323.4],
      ["alltoall", 80, 10, 20, 17179868160, 50.38, 50.38],
      ["sendrecv", 80, 10, 20, 17179869184, 15.22, 15.22],
    ],
  },
  "nccl-tests_v2.17.8_H100_10nodes_x2gpu.log": {
    format: "nccl-tests",
    tool: "nccl-tests",
    tests: [
      ["all_reduce", 20, 10, 20, 17179869184, 97.85, 97.85],
      ["all_gather", 20, 10, 20, 17179869120, 97.31, 97.31],
      ["reduce_scatter", 20, 10, 20, 17179869120, 97.83, 97.83],
      ["alltoall", 20, 10, 20, 17179869120, 47.83, 47.83],
      ["sendrecv", 20, 10, 20, 17179869184, 25.19, 25.19],
    ],
  },
  "nccl-tests_v2.17.6_H100_2nodes_x8gpu_pairwise.log": {
    format: "nccl-tests",
    tool: "nccl-tests",
    tests: [
      ["alltoall", 16, 2, 20, 17179869184, 23.62, 23.62],
      ["sendrecv", 16, 2, 20, 17179869184, 15.16, 15.16],
    ],
  },
  // Older nccl-tests without '# Collective test starting': the collective is inferred (busbw / algbw).
  "nccl-tests_H100_a3mega_2nodes_x8gpu.txt": {
    format: "nccl-tests",
    tool: "nccl-tests",
    tests: [["all_reduce", 16, 2, 62, 8589934592, 338.82, 338.83]],
  },
  "nccl-tests_EKS-EFA_T4_2nodes_tag-output_README_L468-561.txt": {
    format: "nccl-tests",
    tool: "nccl-tests",
    tests: [["all_reduce", 2, 2, 62, 1073741824, 3.11, 3.11]],
  },
  "nccl-tests_v2.18.0_RTX5090_2ranks_tag-output_md_L186-218.txt": {
    format: "nccl-tests",
    tool: "nccl-tests",
    tests: [["all_reduce", 2, 1, 16, 134217728, 2.11, 2.11]],
  },
  "rccl-tests_MI300X_2nodes_x8gpu_README_L121-185.txt": {
    format: "nccl-tests",
    tool: "rccl-tests",
    tests: [["all_reduce", 16, 2, 64, 17179869184, 357.46, 357.46]],
  },
  // rccl-tests build that prints no GPU name after the bus id, and no '# nThread' line in the excerpt.
  "rccl-tests_MI355X_2nodes_x8gpu_README_L347-405.txt": {
    format: "nccl-tests",
    tool: "rccl-tests",
    tests: [["all_reduce", 16, 2, 62, 8589934592, 369.04, 369.04]],
  },
};

function summarize(test: CollectiveTest): Expected {
  const cells = recomputeTest(test) ?? [];
  const largest = Math.max(...test.rows.map((r) => r.sizeBytes));
  const at = cells.find((c) => c.row.sizeBytes === largest && c.row.placement === "out-of-place");
  return [
    test.collective ?? "unknown",
    test.ranks ?? 0,
    test.hosts,
    test.rows.length,
    largest,
    at?.row.busbw ?? Number.NaN,
    Math.round((at?.busbw ?? Number.NaN) * 100) / 100,
  ];
}

const findings = (name: string, parsed: ParsedEvidence) =>
  [...parsed.findings, ...checkPlausibility(name, parsed)].map((f) => [f.code, f.severity, f.location?.line]);

describe("genuine nccl-tests / rccl-tests logs from other clusters", () => {
  for (const [name, expected] of Object.entries(NCCL))
    it(`${name}: reads every test and recomputes busbw as Python does, with no finding`, () => {
      const parsed = read(name);
      expect({
        format: parsed.format,
        tool: parsed.collective?.tool,
        tests: parsed.collective?.tests.map(summarize),
        findings: findings(name, parsed),
      }).toEqual({ ...expected, findings: [] });
    });

  it("a tag-output capture without rank lines: rows read, busbw recomputed once collective and ranks are declared", () => {
    const name = "nccl-tests_EKS-EFA_16gpu_tag-output_README_L193-229.txt";
    const parsed = read(name);
    const test = parsed.collective?.tests[0] as CollectiveTest;
    expect({
      findings: findings(name, parsed),
      declared: summarize({ ...test, collective: "all_reduce", ranks: 16 }),
    }).toEqual({
      // busbw / algbw = 1.875 = 2(n−1)/n says all_reduce on 16 ranks, but a log without rank lines
      // cannot be judged on its own: the officer sees a warning, not an accusation.
      findings: [["COLLECTIVE_UNKNOWN", "warning", 4]],
      declared: ["all_reduce", 16, 0, 64, 17179869184, 480.87, 480.87],
    });
  });
});

describe("genuine HCCL Test output", () => {
  const name = "hccl-test_allreduce_8npu_execution-md_L220-235.txt";

  it("reads Huawei's example, printed in GiB/s, as GB/s: every algbw = size / time, not 'edited'", () => {
    const parsed = read(name);
    const test = parsed.collective?.tests[0] as CollectiveTest;
    const largest = test.rows.at(-1);
    expect({
      format: parsed.format,
      rows: test.rows.length,
      // Python: 67108864 B / 2630.20 us = 25.51474 GB/s; printed 23.76245 = 25.51474 / 1.073741824.
      largest: [largest?.sizeBytes, Math.round((largest?.algbw ?? 0) * 1e4) / 1e4],
      findings: findings(name, parsed),
      // With the collective and ranks of the documented command (all_reduce_test, -n 8):
      busbw: summarize({ ...test, collective: "all_reduce", ranks: 8 })[6],
    }).toEqual({
      format: "hccl-test",
      rows: 14,
      largest: [67108864, 25.5147],
      findings: [
        ["HCCL_BANDWIDTH_GIB", "info", 4],
        ["COLLECTIVE_UNKNOWN", "warning", 2],
      ],
      busbw: 44.65,
    });
  });
});

describe("multi-node line rate: 10 nodes × 8 H100, one ConnectX-7 (400 G) per GPU", () => {
  const catalog = parseHardwareCatalog(
    readFileSync(new URL("../../hardware/catalog.csv", import.meta.url), "utf8"),
    "hardware/catalog.csv",
  );
  const input = (system: Partial<MeasureInput["system"]>): MeasureInput => ({
    evidence: { candidate: read("nccl-tests_v2.17.8_H100_10nodes_x8gpu.log") },
    system: {
      accelerators: [{ model: "nvidia-h100-sxm", count: 8 }],
      software: {},
      link: "nvidia-connectx-7",
      ...system,
    },
    confidence: 0.9,
    seed: 1,
    percentileMethod: "linear",
    comparison: "none",
    conditions: {},
    collective: "all_reduce",
    hardware: catalog,
  });

  it("divides by the node's NICs together when nics_per_node is declared", () => {
    const result = busbwUtilization.evaluate(input({ nics_per_node: 8, nodes: 10 }));
    expect(
      "unavailable" in result
        ? result
        : [Math.round(result.value * 1e4) / 1e4, result.findings?.map((f) => f.code)],
    ).toEqual([
      // Python: median of the 10 recomputed busbw cells ≥ 1 GiB (313.90 … 364.07) = 321.62 GB/s, / (8 × 50)
      0.804,
      [],
    ]);
  });

  it("without it, refuses the run as above one NIC's line rate and names nics_per_node", () => {
    const result = busbwUtilization.evaluate(input({ nodes: 10 }));
    const reason = "unavailable" in result ? result.reason : "";
    expect([
      "unavailable" in result && result.unavailable,
      reason.includes("system.nics_per_node"),
      result.findings?.map((f) => [f.code, f.severity]),
    ]).toEqual(["invalid", true, [["BUSBW_ABOVE_LINE_RATE", "error"]]]);
  });

  it("says what to fix when the declared accelerators are one node's", () => {
    const result = busbwUtilization.evaluate(input({ nics_per_node: 8 }));
    const ranks =
      "unavailable" in result
        ? undefined
        : result.findings?.find((f) => f.code === "COLLECTIVE_RANKS_SYSTEM");
    expect([ranks?.severity, ranks?.message]).toEqual([
      "warning",
      "The log ran on 80 ranks on 10 hosts but the submission declares 8 accelerators; busbw depends on the rank count, so the declaration or the log is not this system's. Declare system.nodes: 10 (accelerators[].count is then per node).",
    ]);
  });
});
