import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseEvidence } from "../../../src/formats/parse-evidence.ts";
import type { MeasureInput } from "../../../src/measure/metric.ts";
import { startupExcess, timeOrder, totalMemory } from "../../../src/measure/system/memory-metrics.ts";
import type { GpuMemorySamples, ParsedEvidence } from "../../../src/model/evidence.ts";

// Two GPUs sampled each second: loading, idle (before utilization rises), then serving; one [N/A] cell.
const memory: GpuMemorySamples = {
  rows: 8,
  timeS: Float64Array.of(0, 0.002, 1, 1.002, 2, 2.002, 3, 3.002),
  gpu: Int32Array.of(0, 1, 0, 1, 0, 1, 0, 1),
  usedMiB: Float64Array.of(0, 0, 8000, 8100, 8200, Number.NaN, 40000, 41000),
  totalMiB: Float64Array.of(81559, 81559, 81559, Number.NaN, 81559, 81559, 81559, 81559),
  utilizationPct: Float64Array.of(0, 0, 0, 0, 0, 0, 90, 88),
  lines: Int32Array.of(2, 3, 4, 5, 6, 7, 8, 9),
};

const input = (weights?: number): MeasureInput => ({
  evidence: {
    memory: { format: "nvidia-smi-csv", kind: "gpu-memory", rows: 8, memory, findings: [] } as ParsedEvidence,
  },
  system:
    weights === undefined
      ? { accelerators: [], software: {} }
      : { accelerators: [], software: {}, model_weights_gib: weights },
  confidence: 0.95,
  seed: 1,
  percentileMethod: "linear",
  comparison: "none",
  conditions: {},
});

describe("GPU memory metrics", () => {
  it("takes the peak memory summed over GPUs before the first request, minus the weights, holding [N/A]", () => {
    // second 2: GPU 0 8200 + GPU 1's [N/A] held at its 8100 = 16300 MiB = 15.918 GiB; − 15 = 0.918
    const result = startupExcess.evaluate(input(15));
    expect("value" in result ? Number(result.value.toFixed(4)) : result).toBe(0.918);
  });

  it("asks for the weight size when it is not declared", () => {
    expect(startupExcess.evaluate(input())).toEqual({
      unavailable: "missing",
      reason:
        "The model's weight size is not declared; set system.model_weights_gib in claimcheck.yaml (or the claim condition model_weights_gib).",
      reasonRef: { key: "missing.model_weights" },
    });
  });

  it("reads the card size in the vendors' GB (MiB / 1024) and ignores [N/A]", () => {
    const result = totalMemory.evaluate(input());
    expect("value" in result ? Number(result.value.toFixed(3)) : result).toBe(79.647);
  });
});

describe("GPU memory metrics at any sampling grain", () => {
  // Two GPUs, one nvidia-smi query every 0.5 s (`-lms 500`): lines of a query 2 ms apart. Grouping by
  // rounded second summed 0.5 s and 1.0 s queries as if they were four GPUs.
  const lms500: GpuMemorySamples = {
    rows: 8,
    timeS: Float64Array.of(0.5, 0.502, 1, 1.002, 1.5, 1.502, 2, 2.002),
    gpu: Int32Array.of(0, 1, 0, 1, 0, 1, 0, 1),
    usedMiB: Float64Array.of(8000, 8100, 8000, 8100, 8000, 8100, 40000, 41000),
    totalMiB: new Float64Array(8).fill(81559),
    utilizationPct: Float64Array.of(0, 0, 0, 0, 0, 0, 90, 88),
    lines: Int32Array.of(2, 3, 4, 5, 6, 7, 8, 9),
  };

  it("sums the GPUs of one query, never two queries of one GPU", () => {
    const evidence = { format: "nvidia-smi-csv", kind: "gpu-memory", rows: 8, memory: lms500, findings: [] };
    const result = startupExcess.evaluate({ ...input(15), evidence: { memory: evidence as ParsedEvidence } });
    // (8000 + 8100) MiB = 15.723 GiB at every idle instant, minus 15 GiB of weights
    expect("value" in result ? Number(result.value.toFixed(4)) : result).toBe(0.7227);
  });

  it("reads a timeline written one GPU after another in time order, not file order", () => {
    const order = [0, 2, 4, 6, 1, 3, 5, 7];
    const byGpu: GpuMemorySamples = {
      ...lms500,
      timeS: lms500.timeS.map((_, k) => lms500.timeS[order[k] as number] as number),
      gpu: lms500.gpu.map((_, k) => lms500.gpu[order[k] as number] as number),
      usedMiB: lms500.usedMiB.map((_, k) => lms500.usedMiB[order[k] as number] as number),
      utilizationPct: lms500.utilizationPct.map(
        (_, k) => lms500.utilizationPct[order[k] as number] as number,
      ),
    };
    expect([timeOrder(byGpu), timeOrder(byGpu, 1)]).toEqual([
      [0, 4, 1, 5, 2, 6, 3, 7],
      [0, 4],
    ]);
    const evidence = { format: "nvidia-smi-csv", kind: "gpu-memory", rows: 8, memory: byGpu, findings: [] };
    const result = startupExcess.evaluate({ ...input(15), evidence: { memory: evidence as ParsedEvidence } });
    expect("value" in result ? Number(result.value.toFixed(4)) : result).toBe(0.7227);
  });
});

describe("the idle window on a dcgmi dmon timeline", () => {
  // 1.2-pass: weights 15 GiB; 15800 MiB in use once loaded; utilization rises at 08:00:30.
  const fixture = (name: string) =>
    readFileSync(new URL(`../../../fixtures/1.2-pass/${name}`, import.meta.url), "utf8");
  const smi = fixture("memory.csv");
  const CAPTURE_START = 1791792000; // 2026/10/12 08:00:00 UTC, the first nvidia-smi timestamp
  // The 1.2-pass request log as a client writes it with Unix send times: the first request at 08:00:30.0425.
  const unixLog = fixture("candidate.csv")
    .trim()
    .split("\n")
    .map((line, i) => {
      if (i === 0) return line;
      const cells = line.split(",");
      cells[1] = (Number(cells[1]) + CAPTURE_START + 30).toFixed(4);
      return cells.join(",");
    })
    .join("\n");
  // The same timeline as `dcgmi dmon -e 252,250,203 -d 1000` prints it (layout as in tests/formats/system/dcgmi-dmon.test.ts).
  const dmon = [
    "$ dcgmi dmon -e 252,250,203 -d 1000",
    "#Entity   FBUSD             FBTTL             GPUTL        ",
    "ID                                            %            ",
    ...smi
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => {
        const [, , used, total, util] = line.split(", ").map((c) => c.replace(/ (MiB|%)$/, ""));
        return `${"GPU 0".padEnd(10)}${[used, total].map((v) => String(v).padEnd(18)).join("")}${String(util).padEnd(13)}`;
      }),
  ].join("\n");
  const measure = (memoryPath: string, memoryText: string) =>
    startupExcess.evaluate({
      ...input(15),
      evidence: {
        candidate: parseEvidence({ path: "candidate.csv", bytes: new TextEncoder().encode(unixLog) }),
        memory: parseEvidence({ path: memoryPath, bytes: new TextEncoder().encode(memoryText) }),
      },
    });

  it("cuts an nvidia-smi timeline in Unix time at the request log's first send time", () => {
    expect(measure("memory.csv", smi)).toEqual({
      value: 15800 / 1024 - 15,
      low: 15800 / 1024 - 15,
      high: 15800 / 1024 - 15,
      n: 31,
      method:
        "max over 31 samples before the first request (first request time from the request log) of memory.used summed over GPUs, minus 15 GiB of weights; exact (no sampling)",
      methodRef: {
        key: "method.exact_no_sampling",
        params: {
          method: {
            key: "method.startup_excess",
            params: { how: { key: "method.idle_first_request" }, n: 31, weights: 15 },
          },
        },
      },
    });
  });

  it("does not count a whole dmon capture as idle: its relative times fall back to the utilization rule", () => {
    expect(measure("dmon.txt", dmon)).toEqual({
      value: 15800 / 1024 - 15,
      low: 15800 / 1024 - 15,
      high: 15800 / 1024 - 15,
      n: 30,
      method:
        "max over 30 samples before the first request (samples before GPU utilization first rises above 0 %; the request log's Unix send times cannot be placed on this timeline, whose times count from the start of the capture) of memory.used summed over GPUs, minus 15 GiB of weights; exact (no sampling)",
      methodRef: {
        key: "method.exact_no_sampling",
        params: {
          method: {
            key: "method.startup_excess",
            params: { how: { key: "method.idle_busy", params: { unix: "yes" } }, n: 30, weights: 15 },
          },
        },
      },
    });
  });
});
