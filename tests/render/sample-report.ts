import type { Report } from "../../src/model/report.ts";

/** A small report with one failing target, one passing deliverable and one located finding. */
export function createSampleReport(overrides: Partial<Report> = {}): Report {
  return {
    schema: "claimcheck/report@1",
    tool: { name: "claimcheck", version: "0.1.0" },
    generatedAt: "2026-09-21T14:13:20.000Z",
    verdict: "fail",
    counts: { pass: 1, fail: 1, inconclusive: 0, missing: 0, invalid: 0, waived: 0 },
    submission: {
      topic: "1.2",
      team: "Example Lab",
      topic_title: { en: "On-demand GPU memory for inference serving", zh: "面向推理服务的动态显存管理研究" },
      system: { model: "Qwen2.5-7B-Instruct" },
      mode: "manifest",
    },
    inputs: [
      {
        role: "candidate",
        path: "candidate.csv",
        sha256: "a".repeat(64),
        bytes: 100,
        format: "serving-requests-csv",
        format_source: "detected",
        rows: 3,
      },
    ],
    requirements: [
      {
        id: "1.2/ttft-p99-regression",
        kind: "target",
        title: { en: "p99 TTFT no more than 5 % worse", zh: "p99 首字延迟劣化不超过 5%" },
        metric: "ttft_ms.p99",
        verdict: "fail",
        reason: "Measured 21.87 % misses the target ≤ 5 %.",
        target: { op: "<=", value: 5, unit: "%", provenance: "program", comparison: "regression" },
        measured: { value: 21.87, low: 9.1, high: 36.1, n: 2994, method: "paired bootstrap" },
        claimed: null,
        findings: [
          {
            code: "SERVING_TTFT_GT_E2E",
            severity: "warning",
            message: "TTFT exceeds end-to-end",
            location: { path: "candidate.csv", line: 3, column: "ttft_ms" },
          },
        ],
      },
      {
        id: "1.2/patents",
        kind: "deliverable",
        title: { en: "1–2 patents", zh: "1-2 篇专利" },
        metric: null,
        verdict: "pass",
        reason: "CN202410123456.7 is a patent number.",
        target: null,
        measured: null,
        claimed: null,
        deliverable: { kind: "patent", count: 1, evidence: ["CN202410123456.7"] },
        findings: [],
      },
    ],
    findings: [],
    statistics: [],
    ...overrides,
  };
}

/** The sample report's target judged per model: two parts, the worst (llama3b) decides. */
export function createPartsReport(): Report {
  const sample = createSampleReport();
  const [target, deliverable] = sample.requirements as [
    Report["requirements"][number],
    Report["requirements"][number],
  ];
  const measured = (value: number, low: number, high: number) => ({
    value,
    low,
    high,
    n: 3000,
    method: "paired bootstrap",
  });
  return {
    ...sample,
    requirements: [
      {
        ...target,
        reason: "1 of 2 models pass; the worst, model llama3b: Measured 21.87 % misses the target ≤ 5 %.",
        findings: [],
        parts: [
          {
            per: "model",
            name: "llama3b",
            roles: { candidate: "candidate-llama3b", baseline: "baseline-llama3b" },
            verdict: "fail",
            reason: "Measured 21.87 % misses the target ≤ 5 %.",
            measured: measured(21.87, 9.1, 36.1),
          },
          {
            per: "model",
            name: "qwen7b",
            roles: { candidate: "candidate-qwen7b", baseline: "baseline-qwen7b" },
            verdict: "pass",
            reason: "Measured -3.2 % meets ≤ 5 %, and so does its confidence bound.",
            measured: measured(-3.2, -6.5, 0.4),
          },
        ],
      },
      deliverable,
    ],
  };
}
