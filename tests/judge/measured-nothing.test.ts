import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { prepareInput } from "../../src/judge/prepare-input.ts";
import type { Finding } from "../../src/model/finding.ts";
import { findingText } from "../../src/render/localize.ts";

/** Real files (tests/judge/data/SOURCES.md) and the example submissions. */
const sample = (name: string) => readFileSync(new URL(`./data/${name}`, import.meta.url), "utf8");
const repo = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

/** The EVIDENCE_MEASURED_NOTHING findings of one file read the way `verify` reads it. */
function measuredNothing(path: string, content: string, format?: string): Finding[] {
  const input = prepareInput({
    role: "candidate",
    file: { path, bytes: new TextEncoder().encode(content) },
    sha256: "0",
    ...(format === undefined ? {} : { format }),
  });
  const found = input.parsed.findings.filter((f) => f.code === "EVIDENCE_MEASURED_NOTHING");
  // Every rule's params render the stored English through the catalog; the tests compare the rest.
  expect(found.map((f) => findingText(f, "en"))).toEqual(found.map((f) => f.message));
  return found.map(({ params: _, ...f }) => f);
}

const finding = (path: string, what: string, fix: string, line = 1): Finding => ({
  code: "EVIDENCE_MEASURED_NOTHING",
  severity: "error",
  message: `This file measured nothing: ${what}, so no metric can be taken from it. ${fix}.`,
  location: { path, line },
});

const FIX_RUN = "Fix the server or the benchmark's arguments until requests succeed, then submit that run";
const RERUN = "Submit the output of a run that completed";
const HEADER = "request_id,start_s,ttft_ms,tpot_ms,e2e_ms,input_tokens,output_tokens,status";

describe("evidence that measured nothing", () => {
  it("accepts every real result file of the samples and the example submissions", () => {
    const vllmRuns = sample("vllm-legacy-nerdalert-results.jsonl").trim().split("\n");
    const files: Array<[string, string]> = [
      ...vllmRuns.map((line, i): [string, string] => [`vllm-run-${i + 1}.json`, line]),
      ...[
        "mlperf-llama2-70b-server-mlperf_log_summary.txt",
        "mlperf-llama2-70b-offline-mlperf_log_summary.txt",
        "mlperf-llama2-70b-interactive-mlperf_log_summary.txt",
        "sglang-h200-llama_3_3_70b_online_output.jsonl",
        "sglang-h200-llama_405b_online_output.jsonl",
        "nccl-tests_v2.17.8_H100x8_1node.log",
        "nccl-tests_v2.17.6_2nodes_x8gpu_alltoall_sendrecv.log",
        "rccl-tests_MI300X_1node_x8gpu.txt",
        "mlperf-training-v4.0_ASUSTeK_ESC_N8A-E12_llama2_70b_lora_result_0.txt",
        "results_asdiv_Meta-Llama-3-8B-Instruct_2024-08-21T03-44-09.494230.json",
      ].map((path): [string, string] => [path, sample(path)]),
      ...[
        "1.2-pass/candidate.csv",
        "1.2-pass/memory.csv",
        "2.2-pass/faults.csv",
        "3.2-pass/homogeneous.log",
      ].map((path): [string, string] => [path, repo(`fixtures/${path}`)]),
    ];
    expect(files.flatMap(([path, content]) => measuredNothing(path, content))).toEqual([]);
  });

  it("rejects a vLLM summary with completed = 0 (every latency statistic 0.0)", () => {
    const path = "candidate.json";
    expect(measuredNothing(path, repo("fixtures/1.2-measured-nothing/candidate.json"))).toEqual([
      finding(path, "the tool reports completed = 0: no request succeeded", FIX_RUN),
    ]);
  });

  it("says in Chinese what the file lacks and what to submit", () => {
    const input = prepareInput({
      role: "candidate",
      file: {
        path: "candidate.json",
        bytes: new TextEncoder().encode(repo("fixtures/1.2-measured-nothing/candidate.json")),
      },
      sha256: "0",
    });
    const found = input.parsed.findings.filter((f) => f.code === "EVIDENCE_MEASURED_NOTHING");
    expect(found.map((f) => findingText(f, "zh"))).toEqual([
      "该文件没有测得任何值：工具报告 `completed` = 0：没有一个请求成功，无法从中得出指标。请修复服务端或压测参数，直到请求能够成功，再提交那次运行的结果。",
    ]);
  });

  it("rejects an LLMPerf summary whose every request errored", () => {
    const summary = JSON.parse(repo("tests/formats/data/llmperf-summary.json"));
    Object.assign(summary, {
      results_num_completed_requests: 0,
      results_number_errors: 5,
      results_error_rate: 1,
    });
    expect(measuredNothing("llmperf.json", JSON.stringify(summary))).toEqual([
      finding("llmperf.json", "the tool reports completed = 0: no request succeeded (5 failed)", FIX_RUN),
    ]);
  });

  it("rejects an MLPerf summary that completed 0 samples per second", () => {
    const summary = sample("mlperf-llama2-70b-offline-mlperf_log_summary.txt").replace(
      /Samples per second\s*:\s*[\d.]+/,
      "Samples per second: 0",
    );
    expect(measuredNothing("mlperf_log_summary.txt", summary)).toEqual([
      finding("mlperf_log_summary.txt", "the tool reports 0 completed requests per second", RERUN),
    ]);
  });

  it("rejects a request log whose every request failed, and one with all-zero latencies", () => {
    const failed = [HEADER, "a,0,,,,100,0,error", "b,1,,,,120,0,error"].join("\n");
    const zero = [HEADER, "a,0,0,0,0,100,0,ok", "b,1,0,0,0,120,0,ok"].join("\n");
    expect([...measuredNothing("failed.csv", failed), ...measuredNothing("zero.csv", zero)]).toEqual([
      finding("failed.csv", "none of its 2 requests succeeded", FIX_RUN),
      finding(
        "zero.csv",
        "every successful request has a TTFT and an end-to-end latency of 0",
        "Submit the log the tool wrote with its timings (for vLLM, --save-detailed with streaming on)",
      ),
    ]);
  });

  it("rejects a vLLM run of duration 0", () => {
    const run = JSON.parse(sample("vllm-legacy-nerdalert-results.jsonl").split("\n")[0] ?? "");
    expect(measuredNothing("zero.json", JSON.stringify({ ...run, duration: 0 }))).toEqual([
      finding("zero.json", "the benchmark ran for 0 s (duration = 0)", RERUN),
    ]);
  });

  it("rejects an lm-eval results file whose tasks scored 0 items", () => {
    const results = JSON.parse(
      sample("results_asdiv_Meta-Llama-3-8B-Instruct_2024-08-21T03-44-09.494230.json"),
    );
    for (const counts of Object.values(results["n-samples"]) as Array<Record<string, number>>) {
      counts.original = 0;
      counts.effective = 0;
    }
    expect(measuredNothing("results.json", JSON.stringify(results))).toEqual([
      finding(
        "results.json",
        "every task was scored on 0 items",
        "Run the tasks without --limit 0 and submit that results file",
      ),
    ]);
  });

  it("rejects a GPU timeline in which no sample has a memory.used value", () => {
    const smi = repo("fixtures/1.2-pass/memory.csv").replace(/, \d+ MiB, (\d+ MiB)/g, ", [N/A], $1");
    expect(measuredNothing("memory.csv", smi, "nvidia-smi-csv")).toEqual([
      finding(
        "memory.csv",
        "no sample has a memory.used value",
        "Record memory.used (nvidia-smi --query-gpu=timestamp,index,memory.used,memory.total)",
      ),
    ]);
  });
});
