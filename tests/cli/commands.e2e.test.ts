import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.ts";

describe("claimcheck validate", () => {
  it("exits 0 and names the detected format for a clean file", () => {
    const run = runCli(["validate", "fixtures/1.2-pass/candidate.csv"]);
    expect(run).toEqual({
      exitCode: 0,
      stdout: "",
      stderr: "fixtures/1.2-pass/candidate.csv: serving-requests-csv (detected), 3000 rows, valid\n",
    });
  });

  it("exits 3 and lists each problem with its line and column", () => {
    const run = runCli(["validate", "fixtures/1.2-invalid/candidate.csv", "--json"]);
    const result = JSON.parse(run.stdout) as {
      valid: boolean;
      findings: Array<{ code: string; location: { line: number; column: string } }>;
    };
    expect([
      run.exitCode,
      result.valid,
      result.findings.map((f) => [f.code, f.location.line, f.location.column]),
    ]).toEqual([
      3,
      false,
      [
        ["CSV_BAD_NUMBER", 5, "ttft_ms"],
        ["SERVING_TTFT_GT_E2E", 9, "ttft_ms"],
        ["SERVING_DUPLICATE_REQUEST", 12, "request_id"],
      ],
    ]);
  });

  it("exits 3 for a format it cannot recognise, and says how to name one", () => {
    const run = runCli(["validate", "package.json"]);
    expect([
      run.exitCode,
      run.stderr.startsWith("claimcheck: Could not tell which tool wrote package.json."),
    ]).toEqual([3, true]);
  });
});

describe("claimcheck topics and template", () => {
  it("prints one topic's requirements as JSON", () => {
    const topic = JSON.parse(runCli(["topics", "1.2", "--json"]).stdout) as {
      id: string;
      requirements: Array<{ id: string }>;
    };
    expect([topic.id, topic.requirements.map((r) => r.id).slice(0, 4)]).toEqual([
      "1.2",
      [
        "1.2/startup-reserved-memory",
        "1.2/ttft-p99-regression",
        "1.2/tpot-p99-regression",
        "1.2/e2e-p99-regression",
      ],
    ]);
  });

  it("lists the roles and evidence kinds each requirement reads, in text and JSON", () => {
    const topic = JSON.parse(runCli(["topics", "1.5", "--json"]).stdout) as {
      requirements: Array<{ id: string; per?: string; reads: { roles: string[]; evidence: string[] } }>;
    };
    const text = runCli(["topics", "2.1"]).stdout.split("\n");
    expect([
      topic.requirements.slice(0, 3).map((r) => [r.id, r.per, r.reads]),
      text.filter((line) => line.includes("reads roles:")).map((line) => line.trim()),
    ]).toEqual([
      [
        ["1.5/gpu-memory", undefined, { roles: ["memory"], evidence: ["gpu-memory"] }],
        [
          "1.5/ttft-p99-regression",
          "model",
          {
            roles: ["candidate", "baseline", "candidate-<model>", "baseline-<model>"],
            evidence: ["serving-requests"],
          },
        ],
        [
          "1.5/tpot-p99-regression",
          "model",
          {
            roles: ["candidate", "baseline", "candidate-<model>", "baseline-<model>"],
            evidence: ["serving-requests"],
          },
        ],
      ],
      ["reads roles: tasks", "reads roles: evaluator"],
    ]);
  });

  it("prints the serving-requests header on stdout", () => {
    expect(runCli(["template", "serving-requests"]).stdout).toBe(
      "request_id,start_s,ttft_ms,tpot_ms,e2e_ms,input_tokens,output_tokens,status\n",
    );
  });

  it("prints the version", () => {
    expect(runCli(["--version"]).stdout).toMatch(/^claimcheck\/\d+\.\d+\.\d+ /);
  });
});

describe("claimcheck verify in quick mode", () => {
  it("judges only the requirement named by --only, and exits on its verdict", () => {
    const run = runCli([
      "verify",
      "--topic",
      "5.7",
      "--candidate",
      "fixtures/5.7-pass/optimized.csv",
      "--baseline",
      "fixtures/5.7-pass/baseline.csv",
      "--only",
      "5.7/latency-improvement",
      "--format",
      "json",
    ]);
    const report = JSON.parse(run.stdout) as {
      verdict: string;
      requirements: Array<{ id: string; verdict: string }>;
    };
    expect([run.exitCode, report.requirements.map((r) => [r.id, r.verdict])]).toEqual([
      0,
      [["5.7/latency-improvement", "pass"]],
    ]);
  });
});

const MLPERF = new URL(
  "../../../shared/samples/serving/mlperf-llama2-70b-server-mlperf_log_summary.txt",
  import.meta.url,
);

describe.skipIf(!existsSync(MLPERF))("claimcheck verify on a tool's summary only", () => {
  it("uses LoadGen's own p99 TTFT, says it was reported, and stays inconclusive without per-request data", () => {
    const path = MLPERF.pathname;
    const run = runCli([
      "verify",
      "--topic",
      "1.5",
      "--candidate",
      path,
      "--baseline",
      path,
      "--only",
      "1.5/ttft-p99-regression",
      "--format",
      "json",
    ]);
    const report = JSON.parse(run.stdout) as {
      requirements: Array<{
        verdict: string;
        measured: { value: number; candidate: number; method: string };
      }>;
    };
    const r = report.requirements[0];
    expect([run.exitCode, r?.verdict, r?.measured.value, r?.measured.candidate, r?.measured.method]).toEqual([
      2,
      "inconclusive",
      0,
      1914.647645,
      "from the tools' reported values; no per-request data, so no confidence bound",
    ]);
  });
});
