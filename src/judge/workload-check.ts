import { findEvidence } from "../measure/find-evidence.ts";
import type { MeasureInput } from "../measure/metric.ts";
import { promptLengths } from "../measure/serving/serving-statistics.ts";
import { createFinding } from "../model/create-finding.ts";
import type { ParsedEvidence, ServingRequests, ValueCounts } from "../model/evidence.ts";
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
  return compareWorkloads(candidate, baseline, baselinePath(baseline.requests, input, paths));
}

/**
 * The same rule on one candidate/baseline pair of request logs (a comparability rule: several pairs
 * of one submission, e.g. one per model, are checked one by one). `path` locates the baseline.
 */
export function compareWorkloads(
  candidate: ParsedEvidence,
  baseline: ParsedEvidence,
  path: string,
): Finding[] {
  if (candidate.requests === undefined || baseline.requests === undefined) return [];
  const [n, m] = [candidate.requests.rows, baseline.requests.rows];
  if (Math.abs(n - m) > MAX_COUNT_GAP * Math.max(n, m)) {
    return [
      createFinding(
        "WORKLOAD_MISMATCH",
        "error",
        `The baseline has ${m} requests and the candidate ${n}: more than 10 % apart, so they are not the same workload; run both on the same trace.`,
        { path, line: 1 },
        { variant: "workload_check_1", m, n },
      ),
    ];
  }
  const prompts = compareLengths(promptLengths(candidate.requests), promptLengths(baseline.requests));
  if (prompts === undefined || prompts.d <= prompts.critical) return [];
  return [
    createFinding(
      "WORKLOAD_MISMATCH",
      "error",
      `The baseline's prompt lengths differ from the candidate's (Kolmogorov–Smirnov D = ${prompts.d.toFixed(3)} > ${prompts.critical.toFixed(3)} at α = ${KS_ALPHA}; median ${prompts.medianB} vs ${prompts.medianC} input tokens), so the baseline ran another workload; run both on the same trace.`,
      { path, line: 1, column: "input_tokens" },
      {
        variant: "workload_check_2",
        d: prompts.d.toFixed(3),
        critical: prompts.critical.toFixed(3),
        ks_alpha: KS_ALPHA,
        median_b: prompts.medianB,
        median_c: prompts.medianC,
      },
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

/**
 * Two-sample KS statistic of two samples given as value counts (the empirical distribution
 * functions step at each distinct value), and its critical value at KS_ALPHA.
 */
function compareLengths(a: ValueCounts, b: ValueCounts): LengthComparison | undefined {
  if (a.n < 20 || b.n < 20) return undefined;
  let i = 0;
  let j = 0;
  let belowA = 0;
  let belowB = 0;
  let d = 0;
  while (i < a.values.length && j < b.values.length) {
    const x = Math.min(a.values[i] as number, b.values[j] as number);
    if ((a.values[i] as number) <= x) belowA += a.counts[i++] as number;
    if ((b.values[j] as number) <= x) belowB += b.counts[j++] as number;
    d = Math.max(d, Math.abs(belowA / a.n - belowB / b.n));
  }
  const critical = Math.sqrt(-Math.log(KS_ALPHA / 2) / 2) * Math.sqrt((a.n + b.n) / (a.n * b.n));
  return { d, critical, medianC: middleValue(a), medianB: middleValue(b) };
}

/** The value at index n/2 of the sorted sample (its upper median). */
function middleValue(sample: ValueCounts): number {
  let seen = 0;
  for (let i = 0; i < sample.values.length; i++) {
    seen += sample.counts[i] as number;
    if (seen > sample.n >> 1) return sample.values[i] as number;
  }
  return Number.NaN;
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
