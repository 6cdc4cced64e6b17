import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { prepareInput } from "../../src/judge/prepare-input.ts";
import type { MeasureInput } from "../../src/measure/metric.ts";
import { METRICS } from "../../src/measure/registry.ts";
import type { EvidenceFile, ParsedEvidence } from "../../src/model/evidence.ts";

// Genuine files from public repositories (tests/corpus/serving/SOURCES.md). Every file is read with the
// format claimcheck detects, and what it reads is compared with the numbers the tool printed itself.
const CORPUS = new URL("./serving/", import.meta.url);

/** The format each file must be detected as, and the findings a genuine file may carry (none is an error). */
const EXPECTED: Record<string, { format: string; findings: string[] }> = {
  "mlperf-v4.1-dell-xe9680-mi300x-llama2-70b-99-server-mlperf_log_summary.txt": {
    format: "mlperf-summary",
    findings: [],
  },
  "mlperf-v4.1-fujitsu-l40sx8-llama2-70b-99-server-mlperf_log_summary.txt": {
    format: "mlperf-summary",
    findings: [],
  },
  "mlperf-v4.1-hpe-gh200-llama2-70b-99-server-mlperf_log_summary.txt": {
    format: "mlperf-summary",
    findings: [],
  },
  "mlperf-v4.1-nvidia-b200-llama2-70b-99-offline-mlperf_log_summary.txt": {
    format: "mlperf-summary",
    findings: [],
  },
  "mlperf-v4.1-nvidia-dgxh100-llama2-70b-99-server-mlperf_log_summary.txt": {
    format: "mlperf-summary",
    findings: [],
  },
  "mlperf-v4.1-nvidia-dgxh100-mixtral-8x7b-server-mlperf_log_summary.txt": {
    format: "mlperf-summary",
    findings: [],
  },
  "sglang-datacrunch-deepseek_dp_mla_output.jsonl": { format: "sglang-bench", findings: [] },
  // Appended runs are read as the last one, with a warning that says so.
  "sglang-datacrunch-llama_3_3_70b_offline_output.jsonl": {
    format: "sglang-bench",
    findings: ["SERVING_MULTIPLE_RUNS/warning"],
  },
  "sglang-datacrunch-llama_3_3_70b_online_output.jsonl": {
    format: "sglang-bench",
    findings: ["SERVING_MULTIPLE_RUNS/warning"],
  },
  "sglang-datacrunch-llama_405b_online_output.jsonl": {
    format: "sglang-bench",
    findings: ["SERVING_MULTIPLE_RUNS/warning"],
  },
};

const files = readdirSync(CORPUS).filter((name) => name !== "SOURCES.md");
const read = (name: string): EvidenceFile => ({ path: name, bytes: readFileSync(new URL(name, CORPUS)) });
const text = (name: string) => readFileSync(new URL(name, CORPUS), "utf8");
const verified = (name: string) => prepareInput({ role: "candidate", file: read(name), sha256: "" });
const reported = (parsed: ParsedEvidence, metric: string, statistic: string) =>
  parsed.reported?.find((s) => s.metric === metric && s.statistic === statistic)?.value;

describe("serving corpus: every genuine file", () => {
  it("holds at least 10 files, each listed with its expected format", () => {
    expect([files.length >= 10, [...files].sort()]).toEqual([true, Object.keys(EXPECTED).sort()]);
  });

  it.each(files)("%s is detected, read, and raises no error finding", (name) => {
    const input = verified(name);
    expect({
      format: input.format,
      source: input.format_source,
      findings: input.parsed.findings.map((f) => `${f.code}/${f.severity}`),
    }).toEqual({ format: EXPECTED[name]?.format, source: "detected", findings: EXPECTED[name]?.findings });
  });
});

describe("serving corpus: MLPerf LoadGen summaries of five submitters", () => {
  const summaries = files.filter((name) => name.startsWith("mlperf-"));

  it.each(summaries)("%s: every printed latency (ns) and rate is read as printed, ns / 1e6", (name) => {
    const parsed = verified(name).parsed;
    const printed = printedStatistics(text(name));
    expect(
      printed.map(([metric, statistic]) => [metric, statistic, reported(parsed, metric, statistic)]),
    ).toEqual(printed);
  });

  it.each(summaries.filter((name) => name.includes("-server-")))(
    "%s: LoadGen's VALID agrees with the p99 TTFT and TPOT read against the limits it printed",
    (name) => {
      const parsed = verified(name).parsed;
      const context = parsed.context ?? {};
      const ttft = reported(parsed, "ttft_ms", "p99") ?? Number.NaN;
      const tpot = reported(parsed, "tpot_ms", "p99") ?? Number.NaN;
      expect([
        context.result_valid,
        context.performance_constraints_met,
        ttft <= Number(context.ttft_limit_ms) && tpot <= Number(context.tpot_limit_ms),
      ]).toEqual([true, true, true]);
    },
  );

  it("judges ttft_ms.p99 of the DGX-H100 llama2-70b Server run from LoadGen's own p99, with no bound", () => {
    const name = "mlperf-v4.1-nvidia-dgxh100-llama2-70b-99-server-mlperf_log_summary.txt";
    expect(METRICS.get("ttft_ms.p99")?.evaluate(measureInput(verified(name).parsed))).toEqual({
      value: 461.278089,
      low: null,
      high: null,
      n: 0,
      method: "reported by mlperf-summary (nearest-rank); no per-request data, so no confidence bound",
      methodRef: {
        key: "method.serving_reported",
        params: {
          format: "mlperf-summary",
          interpolation: { key: "interpolation.nearest-rank", text: "nearest-rank" },
        },
      },
      source: "reported",
    });
  });
});

describe("serving corpus: SGLang bench_serving JSONL from H200 runs", () => {
  const logs = files.filter((name) => name.startsWith("sglang-"));

  it.each(logs)("%s: every run's output_throughput is its total_output_tokens / duration", (name) => {
    const runs = jsonLines(text(name));
    expect(runs.map((run) => close(run.total_output_tokens / run.duration, run.output_throughput))).toEqual(
      runs.map(() => true),
    );
  });

  it.each(logs)("%s: the statistics read are the last run's, as printed, with n = its completed", (name) => {
    const runs = jsonLines(text(name));
    const last = runs[runs.length - 1] as SglangRun;
    const parsed = verified(name).parsed;
    const stat = (metric: string, statistic: string) =>
      parsed.reported?.find((s) => s.metric === metric && s.statistic === statistic);
    expect([
      [stat("e2e_ms", "mean")?.value, stat("e2e_ms", "mean")?.n],
      [stat("e2e_ms", "median")?.value, stat("ttft_ms", "median")?.value, stat("itl_ms", "median")?.value],
      stat("output_token_throughput", "value")?.value,
      [parsed.context?.completed, parsed.context?.runs ?? 1],
    ]).toEqual([
      [last.mean_e2e_latency_ms, last.completed],
      [last.median_e2e_latency_ms, last.median_ttft_ms, last.median_itl_ms],
      last.output_throughput,
      [last.completed, runs.length],
    ]);
  });
});

// --- internal ---

/** An independent reading of LoadGen's summary lines: `[metric, statistic, value in ms or per s]`. */
function printedStatistics(summary: string): Array<[string, string, number]> {
  const out: Array<[string, string, number]> = [];
  const rate = /^(Completed samples per second|Samples per second)\s*:\s*([\d.]+)$/m.exec(summary);
  if (rate) out.push(["request_throughput", "value", Number(rate[2])]);
  const tokens = /^(Completed tokens per second|Tokens per second)\s*:\s*([\d.]+)$/m.exec(summary);
  if (tokens) out.push(["output_token_throughput", "value", Number(tokens[2])]);
  const kinds: Array<[RegExp, string]> = [
    [/^(\d+\.\d+) percentile first token latency \(ns\)\s*:\s*(\d+)$/gm, "ttft_ms"],
    [/^(\d+\.\d+) percentile time to output token \(ns\)\s*:\s*(\d+)$/gm, "tpot_ms"],
  ];
  for (const [pattern, metric] of kinds) {
    for (const match of summary.matchAll(pattern))
      out.push([metric, `p${Number(match[1])}`, Number(match[2]) / 1e6]);
  }
  return out;
}

/** The keys of an SGLang result line the checks use. */
interface SglangRun {
  completed: number;
  duration: number;
  total_output_tokens: number;
  output_throughput: number;
  mean_e2e_latency_ms: number;
  median_e2e_latency_ms: number;
  median_ttft_ms: number;
  median_itl_ms: number;
}

/** Python's json writes bare `Infinity`/`NaN`; JSON.parse does not read them, so quote them first. */
function jsonLines(jsonl: string): SglangRun[] {
  return jsonl
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line.replace(/: (-?Infinity|NaN)\b/g, ': "$1"')) as SglangRun);
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.abs(b);
}

function measureInput(candidate: ParsedEvidence): MeasureInput {
  return {
    evidence: { candidate },
    system: { accelerators: [], software: {} },
    confidence: 0.95,
    seed: 1,
    percentileMethod: "linear",
    comparison: "none",
    conditions: {},
  };
}
