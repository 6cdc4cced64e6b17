import { describe, expect, it } from "vitest";
import { parseEvidence } from "../../../src/formats/parse-evidence.ts";
import { megatronLog } from "../../../src/formats/training/megatron-log.ts";
import { mlperfTraining } from "../../../src/formats/training/mlperf-training.ts";
import { type FLOPS_FORMULA, modelFlops, readModelShape } from "../../../src/measure/training/model-flops.ts";
import {
  hasCollectiveSamples,
  joinCollectiveSamples,
  readCollectiveSample,
  textFile,
} from "../collective/collective-test-helpers.ts";

const ARGS = "megatron-lm-rocm_MI325X_llama70B_fp8_8nodes_args_L533-937.txt";
const TRAIN = "megatron-lm-rocm_MI325X_llama70B_fp8_8nodes_train_L3140-3549.log";

describe.skipIf(!hasCollectiveSamples)("Megatron-LM logs", () => {
  it("reads the ROCm fork's iteration lines by key and the argument dump", () => {
    if (!hasCollectiveSamples) return;
    const parsed = parseEvidence(joinCollectiveSamples("megatron.log", [ARGS, TRAIN]));
    const t = parsed.training;
    expect([parsed.format, t?.steps.length, t?.gpus, t?.seqLength, t?.args.fp8]).toEqual([
      "megatron-log",
      10,
      64,
      8192,
      "hybrid",
    ]);
    expect(t?.steps.map((s) => [s.iteration, s.elapsedMs, s.tflopsPerGpu, s.globalBatch])).toEqual([
      [1, 302028.1, 52.2, 256],
      [2, 19329.3, 816.2, 256],
      [3, 19394.2, 813.4, 256],
      [4, 19332.6, 816, 256],
      [5, 19156.6, 823.5, 256],
      [6, 19008.1, 829.9, 256],
      [7, 18970.7, 831.6, 256],
      [8, 19005.2, 830.1, 256],
      [9, 19007, 830, 256],
      [10, 19019, 829.5, 256],
    ]);
  });

  it("reproduces the printed 829.5 TFLOP/s/GPU from the arguments with the pre-2025-03 formula (774.0 with today's)", () => {
    if (!hasCollectiveSamples) return;
    const args = parseEvidence(joinCollectiveSamples("megatron.log", [ARGS, TRAIN])).training?.args ?? {};
    // The dump has no padded vocabulary: Llama-3.1's 128256 tokens are declared, as a team would.
    const shape = readModelShape(args, 128256);
    if ("text" in shape) throw new Error(shape.text);
    const tflops = (convention: keyof typeof FLOPS_FORMULA) =>
      Number((modelFlops(shape, 256, convention) / (19.019 * 1e12 * 64)).toFixed(1));
    expect([tflops("megatron-pre-2025-03"), tflops("megatron-2025-03")]).toEqual([829.5, 774]);
  });

  it("keeps only lines with an elapsed time; the upstream README lines trimmed after the throughput still parse", () => {
    if (!hasCollectiveSamples) return;
    const parsed = megatronLog.parse(
      readCollectiveSample("megatron-lm_H100x8_deepseek-v2-lite_README_trimmed.txt"),
    );
    expect(parsed.training?.steps.map((s) => [s.iteration, s.elapsedMs, s.tflopsPerGpu])).toEqual([
      [220, 61272.8, 68.6],
      [225, 61195.4, 68.7],
      [230, 61112, 68.8],
    ]);
  });

  it("reads Primus inst/avg values inside colour codes", () => {
    const line =
      "\u001b[32m[2025-06-01 10:00:00][rank-15/16][INFO]\u001b[0m iteration        3/      10 | elapsed time per iteration (ms): 92597.4/92600.0 | throughput per GPU (TFLOP/s/GPU): 786.5/786.1 | global batch size:   128 |";
    const steps = megatronLog.parse(textFile("primus.log", line)).training?.steps;
    expect(steps?.map((s) => [s.iteration, s.elapsedMs, s.tflopsPerGpu, s.globalBatch])).toEqual([
      [3, 92597.4, 786.5, 128],
    ]);
  });
});

describe.skipIf(!hasCollectiveSamples)("MLPerf Training MLLOG", () => {
  it("reads tracked_stats throughput and the run's status and length", () => {
    if (!hasCollectiveSamples) return;
    const parsed = mlperfTraining.parse(
      readCollectiveSample("mlperf-training-v4.0_ASUSTeK_ESC_N8A-E12_llama2_70b_lora_result_0.txt"),
    );
    expect([
      parsed.findings,
      parsed.context?.benchmark,
      parsed.context?.status,
      parsed.training?.steps[0]?.samplesPerSecond,
    ]).toEqual([[], "llama2_70b_lora", "success", 1.9530199195379496]);
  });
});

describe("Megatron-LM padded vocabulary", () => {
  // The line as megatron/training/tokenizer/tokenizer.py `_vocab_size_with_padding` prints it:
  // Llama-3's 128256 tokens padded to a multiple of 128 × TP 4.
  const LINE = " > padded vocab (size: 128256) with 256 dummy tokens (new size: 128512)";

  it("reads the tokenizer's padded size beside the argument dump", () => {
    const text = [
      "  num_layers ...................................... 2",
      "  vocab_size ...................................... None",
      LINE,
    ].join("\n");
    const parsed = megatronLog.parse(textFile("train.log", text));
    expect([parsed.training?.args.padded_vocab_size, parsed.context]).toEqual([
      "128512",
      { tool: "megatron", arguments: 3, vocab_size: 128256, padded_vocab_size: 128512 },
    ]);
  });

  it("uses the padded size in the FLOPs count, ahead of a declared tokenizer size", () => {
    const args = {
      num_layers: "80",
      hidden_size: "8192",
      num_attention_heads: "64",
      seq_length: "8192",
      padded_vocab_size: "128512",
    };
    const shape = readModelShape(args, 128256);
    expect("text" in shape ? shape.text : shape.vocab).toBe(128512);
  });
});
