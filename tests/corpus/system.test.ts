import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { prepareInput } from "../../src/judge/prepare-input.ts";

/**
 * Genuine `nvidia-smi --query-gpu=… --format=csv` timelines from public repositories (see
 * system/SOURCES.md), with other columns than claimcheck's template, in another order, and one
 * written by a loop of separate nvidia-smi calls (the header before every sample). The expected values
 * were read by a separate Python script (split on ",", units stripped, timestamps as UTC).
 */
const EXPECTED: Record<string, Expected> = {
  "nvidia-smi_OpenAD_2xA6000_gpu_usage.csv": {
    rows: 946,
    gpus: [0, 1],
    maxUsedMiB: 25073,
    totalMiB: 49140,
    firstS: 1732364609.95,
    lastS: 1732365088.635,
  },
  "nvidia-smi_gpu-usage_RTX2070_gpu_usage1.csv": {
    rows: 232,
    gpus: [0],
    maxUsedMiB: 890,
    totalMiB: 8192,
    firstS: 1687460016.635,
    lastS: 1687460445.023,
  },
  "nvidia-smi_gpu-usage_RTX2070_repeated-header.csv": {
    rows: 224,
    gpus: [0],
    maxUsedMiB: 890,
    totalMiB: 8192,
    firstS: 1687460216.252,
    lastS: 1687460445.023,
  },
  "nvidia-smi_miris_V100S_gpu_log.csv": {
    rows: 107,
    gpus: [0],
    maxUsedMiB: 1094,
    totalMiB: 32768,
    firstS: 1749774472.195,
    lastS: 1749774578.248,
  },
};

describe("system corpus: genuine nvidia-smi CSV timelines", () => {
  it("holds an expectation for every file in the folder", () => {
    expect(FILES.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED))("%s: samples, GPUs, memory and times, no finding", (name) => {
    const input = prepareInput({ role: "memory", file: read(name), sha256: "" });
    const memory = input.parsed.memory;
    expect({
      format: input.format,
      rows: memory?.rows,
      gpus: [...new Set(memory?.gpu)].sort(),
      maxUsedMiB: Math.max(...(memory?.usedMiB ?? [])),
      totalMiB: Math.max(...(memory?.totalMiB ?? [])),
      // Timestamps to the millisecond nvidia-smi prints.
      firstS: round3(memory?.timeS[0]),
      lastS: round3(memory?.timeS[(memory?.rows ?? 0) - 1]),
      findings: input.parsed.findings,
    }).toEqual({ ...EXPECTED[name], format: "nvidia-smi-csv", findings: [] });
  });
});

// --- internal ---

interface Expected {
  rows: number;
  gpus: number[];
  maxUsedMiB: number;
  totalMiB: number;
  firstS: number;
  lastS: number;
}

const DIR = new URL("./system/", import.meta.url);
const FILES = readdirSync(DIR).filter((name) => name !== "SOURCES.md");

function round3(value: number | undefined): number {
  return Math.round((value ?? Number.NaN) * 1000) / 1000;
}

function read(name: string) {
  return { path: name, bytes: readFileSync(new URL(name, DIR)) };
}
