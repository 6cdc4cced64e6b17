import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { prepareInput } from "../../src/judge/prepare-input.ts";

/**
 * Genuine MLPerf Training result files (see training/SOURCES.md). `minutes` is the score the MLPerf
 * results summarizer gives each file: mlcommons/logging @ 7bbf792 (`parse_file` of the v3.1/v4.0
 * ruleset, then `result_summarizer._query_run_start_stop`, (run_stop − run_start) / 60 / 1000),
 * printed by that code. The other values were counted by a separate Python reading of the
 * `:::MLLOG` lines (benchmark, tracked_stats lines with a throughput, eval_accuracy lines and the
 * last one, trained_samples or run_stop's samples_count, the run_start and run_stop lines).
 */
const EXPECTED: Record<string, Expected> = {
  "mlperf-v3.1_Google_tpu-v5e-4096_gpt3_result_0.txt": {
    benchmark: "gpt3",
    minutes: 44.47188333333333,
    lines: [27, 99],
    throughputLines: 0,
    evaluations: 24,
    lastEval: { value: 2.6897943019866943, epoch: 1207959552, line: 98 },
    samples: undefined,
  },
  "mlperf-v3.1_Intel-HabanaLabs_Gaudi2-N32_gpt3_result_0.txt": {
    benchmark: "gpt3",
    minutes: 223.86804999999998,
    lines: [35, 113],
    throughputLines: 0,
    evaluations: 24,
    lastEval: { value: 2.6898789405822754, epoch: 1207959552, line: 108 },
    samples: undefined,
  },
  "mlperf-v4.0_GigaComputing_G593-SD1_gnn_result_0.txt": {
    benchmark: "gnn",
    minutes: 11.969616666666667,
    lines: [21, 82],
    throughputLines: 1,
    evaluations: 18,
    lastEval: { value: 0.7210138309639055, epoch: 0.9, line: 77 },
    samples: undefined,
  },
  "mlperf-v4.0_Google_tpu-v5p-1024_gpt3_result_0.txt": {
    benchmark: "gpt3",
    minutes: 114.79388333333333,
    lines: [26, 98],
    throughputLines: 0,
    evaluations: 24,
    lastEval: { value: 2.6894531661184047, epoch: 1207959552, line: 97 },
    samples: undefined,
  },
  "mlperf-v4.0_Intel-HabanaLabs_Gaudi2-N128_gpt3_result_0.txt": {
    benchmark: "gpt3",
    minutes: 67.24878333333334,
    lines: [35, 116],
    throughputLines: 0,
    evaluations: 25,
    lastEval: { value: 2.6886391639709473, epoch: 1258291200, line: 111 },
    samples: undefined,
  },
  "mlperf-v4.0_Intel-HabanaLabs_Gaudi2_llama2_70b_lora_result_0.txt": {
    benchmark: "llama2_70b_lora",
    minutes: 85.25795,
    lines: [23, 51],
    throughputLines: 0,
    evaluations: 6,
    lastEval: { value: 0.9213100075721741, epoch: undefined, line: 49 },
    samples: 3456,
  },
  "mlperf-v4.0_NVIDIA_eos_n64_gpt3_result_0.txt": {
    benchmark: "gpt3",
    minutes: 52.46491666666667,
    lines: [602, 724],
    throughputLines: 0,
    evaluations: 24,
    lastEval: { value: 2.6888365745544434, epoch: 1245708288, line: 722 },
    samples: 1245708288,
  },
  "mlperf-v4.0_NVIDIA_h200_dlrm_dcnv2_result_0.txt": {
    benchmark: "dlrm_dcnv2",
    minutes: 3.4859666666666667,
    lines: [24, 71],
    throughputLines: 1,
    evaluations: 15,
    lastEval: { value: 0.8030897974967957, epoch: 0.7498978502418643, line: 69 },
    samples: undefined,
  },
  "mlperf-v4.0_Quanta_D74H-7U_stable_diffusion_result_0.txt": {
    benchmark: "stable_diffusion",
    minutes: 43.3059,
    lines: [43, 164],
    throughputLines: 0,
    evaluations: 10,
    lastEval: { value: 0.16005781292915344, epoch: undefined, line: 163 },
    samples: undefined,
  },
  "mlperf-v4.0_tinycorp_tinybox_red_resnet_result_0.txt": {
    benchmark: "resnet",
    minutes: 162.81721666666667,
    lines: [9, 127],
    throughputLines: 0,
    evaluations: 11,
    lastEval: { value: 0.75942, epoch: 35, line: 125 },
    samples: undefined,
  },
};

describe("training corpus: genuine MLPerf Training results of five submitters and six benchmarks", () => {
  it("holds an expectation for every file in the folder", () => {
    expect(FILES.filter((name) => name.startsWith("mlperf-")).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED))(
    "%s: the summarizer's time to train, the run's status and progress, no finding",
    (name) => {
      const input = prepareInput({ role: "candidate", file: read(name), sha256: "" });
      const table = input.parsed.training;
      const t = table?.timeToTrain;
      expect({
        format: input.format,
        benchmark: input.parsed.context?.benchmark,
        status: t?.status,
        // The summarizer subtracts and divides in another order; both agree to 1e-9 minutes.
        minutes: t === undefined ? undefined : round9(t.minutes),
        lines: [t?.startLine, t?.stopLine],
        throughputLines: table?.steps.length,
        evaluations: t?.evaluations,
        lastEval: t?.lastEval,
        samples: t?.samples,
        rows: input.rows,
        findings: input.parsed.findings,
      }).toEqual({
        ...EXPECTED[name],
        format: "mlperf-training-log",
        status: "success",
        minutes: round9(EXPECTED[name]?.minutes as number),
        lastEval: { ...EXPECTED[name]?.lastEval },
        rows: 1,
        findings: [],
      });
    },
  );
});

// --- internal ---

interface Expected {
  benchmark: string;
  minutes: number;
  lines: [number, number];
  throughputLines: number;
  evaluations: number;
  lastEval: { value: number; epoch: number | undefined; line: number };
  samples: number | undefined;
}

const DIR = new URL("./training/", import.meta.url);
const FILES = readdirSync(DIR).filter((name) => name !== "SOURCES.md");

function read(name: string) {
  return { path: name, bytes: readFileSync(new URL(name, DIR)) };
}

function round9(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}
