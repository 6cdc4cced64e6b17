import { findEvidence } from "../measure/find-evidence.ts";
import type { MeasureInput } from "../measure/metric.ts";
import { sortedFinite } from "../measure/serving-statistics.ts";
import { createFinding } from "../model/create-finding.ts";
import type { ServingRequests } from "../model/evidence.ts";
import type { Finding } from "../model/finding.ts";

/** Request counts of the two sides may differ by this share (failed or dropped requests), no more. */
const MAX_COUNT_GAP = 0.1;
/** Significance of the two-sample Kolmogorov–Smirnov test on prompt lengths. */
const KS_ALPHA = 0.001;

/**
 * A comparison is only fair on the same workload. The rule: the candidate and baseline request logs
 * must have request counts within 10 % of each other, and their prompt lengths (input tokens) must
 * not differ by a two-sample Kolmogorov–Smirnov test at α = 0.001. A baseline run on another trace
 * (shorter prompts, fewer requests) fails one of them and the comparison is `invalid`.
 */
export function checkSameWorkload(input: MeasureInput, paths: Readonly<Record<string, string>>): Finding[] {
  const candidate = findEvidence(input, "serving-requests", "candidate");
  const baseline = findEvidence(input, "serving-requests", "baseline");
  if (candidate?.requests === undefined || baseline?.requests === undefined || candidate === baseline)
    return [];
  const path = baselinePath(baseline.requests, input, paths);
  const [n, m] = [candidate.requests.rows, baseline.requests.rows];
  if (Math.abs(n - m) > MAX_COUNT_GAP * Math.max(n, m)) {
    return [
      createFinding(
        "WORKLOAD_MISMATCH",
        "error",
        `The baseline has ${m} requests and the candidate ${n}: more than 10 % apart, so they are not the same workload; run both on the same trace.`,
        { path, line: 1 },
      ),
    ];
  }
  const prompts = compareLengths(
    sortedFinite(candidate.requests, "inputTokens"),
    sortedFinite(baseline.requests, "inputTokens"),
  );
  if (prompts === undefined || prompts.d <= prompts.critical) return [];
  return [
    createFinding(
      "WORKLOAD_MISMATCH",
      "error",
      `The baseline's prompt lengths differ from the candidate's (Kolmogorov–Smirnov D = ${prompts.d.toFixed(3)} > ${prompts.critical.toFixed(3)} at α = ${KS_ALPHA}; median ${prompts.medianB} vs ${prompts.medianC} input tokens), so the baseline ran another workload; run both on the same trace.`,
      { path, line: 1, column: "input_tokens" },
    ),
  ];
}

// --- internal ---

interface LengthComparison {
  d: number;
  critical: number;
  medianC: number;
  medianB: number;
}

/** Two-sample KS statistic of two sorted samples of finite values, and its critical value at KS_ALPHA. */
function compareLengths(a: Float64Array, b: Float64Array): LengthComparison | undefined {
  if (a.length < 20 || b.length < 20) return undefined;
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < a.length && j < b.length) {
    const x = Math.min(a[i] as number, b[j] as number);
    while (i < a.length && (a[i] as number) <= x) i++;
    while (j < b.length && (b[j] as number) <= x) j++;
    d = Math.max(d, Math.abs(i / a.length - j / b.length));
  }
  const critical =
    Math.sqrt(-Math.log(KS_ALPHA / 2) / 2) * Math.sqrt((a.length + b.length) / (a.length * b.length));
  return { d, critical, medianC: a[a.length >> 1] as number, medianB: b[b.length >> 1] as number };
}

/** The baseline file's path, for the finding's location. */
function baselinePath(
  requests: ServingRequests,
  input: MeasureInput,
  paths: Readonly<Record<string, string>>,
): string {
  const role = Object.entries(input.evidence).find(([, e]) => e.requests === requests)?.[0] ?? "baseline";
  return paths[role] ?? role;
}
