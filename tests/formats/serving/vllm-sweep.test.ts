import { describe, expect, it } from "vitest";
import { vllmBench } from "../../../src/formats/serving/vllm-bench.ts";
import { vllmSweep } from "../../../src/formats/serving/vllm-sweep.ts";
import { textFile } from "./serving-test-helpers.ts";

// Inline data in the layout of vllm/benchmarks/sweep/serve.py: `json.dump(comb_data, f, indent=4)`, each
// element a `vllm bench serve --save-result` object with `run_number` and the combination's overrides
// (here the bench override max_concurrency and the serve override max_num_seqs) merged in.
function run(runNumber: number, concurrency: number, p99: number, throughput: number): string {
  return `    {
        "date": "20251020-10000${runNumber}",
        "endpoint_type": "vllm",
        "backend": "vllm",
        "label": null,
        "model_id": "Qwen/Qwen3-0.6B",
        "tokenizer_id": "Qwen/Qwen3-0.6B",
        "num_prompts": 100,
        "request_rate": "inf",
        "burstiness": 1.0,
        "max_concurrency": ${concurrency},
        "duration": 10.5,
        "completed": 100,
        "failed": 0,
        "request_throughput": ${throughput},
        "output_throughput": 1200.5,
        "mean_ttft_ms": 20.0,
        "median_ttft_ms": 18.0,
        "p99_ttft_ms": ${p99},
        "run_number": ${runNumber},
        "max_num_seqs": ${concurrency}
    }`;
}
const sweep = (...runs: string[]) => `[\n${runs.join(",\n")}\n]`;

describe("vllm bench sweep summary.json", () => {
  it("is detected as a sweep (a list), never as one vllm bench serve result", () => {
    const text = sweep(run(0, 8, 40, 9.5));
    expect([
      vllmSweep.detect({ path: "summary.json", head: text }),
      vllmBench.detect({ path: "summary.json", head: text }),
    ]).toEqual([0.95, 0]);
  });

  it("judges repeats of one setting by the least favourable run: highest latency, lowest throughput", () => {
    const parsed = vllmSweep.parse(textFile("summary.json", sweep(run(0, 8, 40, 9.5), run(1, 8, 55.5, 9.7))));
    expect({
      p99: parsed.reported?.find((s) => s.metric === "ttft_ms" && s.statistic === "p99"),
      throughput: parsed.reported?.find((s) => s.metric === "request_throughput"),
      context: {
        runs: parsed.context?.runs,
        setting: parsed.context?.setting,
        concurrency: parsed.context?.max_concurrency,
      },
      findings: parsed.findings.map((f) => [f.code, f.severity, f.location?.line]),
    }).toEqual({
      p99: { metric: "ttft_ms", statistic: "p99", value: 55.5, method: "linear", n: 100, line: 24 },
      throughput: { metric: "request_throughput", statistic: "value", value: 9.5, line: 2 },
      context: {
        runs: 2,
        setting:
          "backend=vllm, burstiness=1, endpoint_type=vllm, max_concurrency=8, max_num_seqs=8, model_id=Qwen/Qwen3-0.6B, num_prompts=100, request_rate=inf, tokenizer_id=Qwen/Qwen3-0.6B",
        concurrency: 8,
      },
      findings: [["SERVING_SWEEP_REPEATS", "info", 2]],
    });
  });

  it("measures nothing from runs of different settings and says which file to submit instead", () => {
    const parsed = vllmSweep.parse(textFile("summary.json", sweep(run(0, 8, 40, 9.5), run(0, 16, 80, 15))));
    expect([parsed.reported, parsed.findings.map((f) => [f.code, f.severity]), parsed.rows]).toEqual([
      undefined,
      [["SERVING_SWEEP_AMBIGUOUS", "warning"]],
      2,
    ]);
  });
});
