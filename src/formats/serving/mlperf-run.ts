import { createFinding } from "../../model/create-finding.ts";
import type { ParsedEvidence, ReportedStatistic } from "../../model/evidence.ts";
import type { Finding } from "../../model/finding.ts";
import { createServingEvidence } from "./serving-summary.ts";

/**
 * What one MLPerf LoadGen run log tells us, shared by the summary and the detail adapter so both
 * report the same metrics and context keys for the same run.
 */
export interface LoadgenRun {
  path: string;
  reported: ReportedStatistic[];
  context: Record<string, string | number | boolean>;
  findings: Finding[];
  /** The `Result is` line or `result_validity` event. */
  validity?: { valid: boolean; line: number };
  /** Why LoadGen called the run INVALID: failed checks and its recommendations, as it printed them. */
  reasons: string[];
  /** `ttft_latency` / `tpot_latency` test settings, in ns. */
  limitsNs: { ttft?: number; tpot?: number };
}

export function createLoadgenRun(path: string): LoadgenRun {
  return { path, reported: [], context: {}, findings: [], reasons: [], limitsNs: {} };
}

/**
 * Adds a latency LoadGen logged in ns as a statistic in ms. `raw` is `min`, `max`, `mean` or the
 * percentile as printed (`99.00`, `99.90`, `90` from `90th`); LoadGen's percentile is
 * sorted[floor(n·p)] without interpolation (`loadgen/results.cc`), hence `nearest-rank`.
 */
export function addLatency(run: LoadgenRun, metric: string, raw: string, ns: number, line: number): void {
  const percentile = /^\d+(\.\d+)?$/.test(raw);
  const statistic = percentile ? `p${Number(raw)}` : raw;
  // Division (not × 1e-6) is correctly rounded, so 1914647645 ns gives exactly 1914.647645 ms.
  const stat: ReportedStatistic = { metric, statistic, value: ns / 1e6, line };
  if (percentile) stat.method = "nearest-rank";
  addOnce(run, stat);
}

/** Adds a throughput (`request_throughput` in samples/s, `output_token_throughput` in tokens/s). */
export function addThroughput(run: LoadgenRun, metric: string, value: number, line: number): void {
  addOnce(run, { metric, statistic: "value", value, line });
}

/** A result value that is not a number: the log was edited or cut. */
/** The statistic names of one LoadGen log flavour: latency patterns (ns) and throughput names. */
export interface LoadgenStatisticNames {
  latency: ReadonlyArray<readonly [RegExp, string]>;
  throughput: Readonly<Record<string, string>>;
}

/**
 * Records the statistic named `key` when it is one; `read` turns the raw value into a number, or
 * records why it cannot. Returns false when `key` names no statistic.
 */
export function readLoadgenStatistic(
  run: LoadgenRun,
  key: string,
  line: number,
  names: LoadgenStatisticNames,
  read: () => number | undefined,
): boolean {
  for (const [pattern, metric] of names.latency) {
    const m = pattern.exec(key);
    if (m === null) continue;
    const ns = read();
    if (ns !== undefined) addLatency(run, metric, m[1] as string, ns, line);
    return true;
  }
  const throughput = names.throughput[key];
  if (throughput === undefined) return false;
  const rate = read();
  if (rate !== undefined) addThroughput(run, throughput, rate, line);
  return true;
}

export function addBadValue(run: LoadgenRun, field: string, value: string, line: number): void {
  run.findings.push(
    createFinding(
      "MLPERF_BAD_VALUE",
      "error",
      `"${value.slice(0, 40)}" is not a number for "${field}"; submit LoadGen's log unedited.`,
      { path: run.path, line, column: field },
      { value: value.slice(0, 40), field },
    ),
  );
}

/** LoadGen's Yes / NO check words as booleans; anything else (`Skipped`) stays a word. */
export function checkValue(value: string): boolean | string {
  const word = value.trim().toLowerCase();
  if (word === "yes" || word === "true") return true;
  if (word === "no" || word === "false") return false;
  return word;
}

/** Turns a run into evidence: validity findings, the limits that apply, and path facts. */
export function finishLoadgenRun(run: LoadgenRun, format: string): ParsedEvidence {
  const scenario = run.context.scenario;
  // Offline issues every sample in one query at t = 0, so its "latency" is time to the run's end,
  // not a request latency: only the throughputs mean something there.
  if (scenario === "Offline") run.reported = run.reported.filter((s) => s.metric !== "e2e_ms");
  addLimits(run);
  Object.assign(run.context, readSubmissionPath(run.path));
  const findings = [...run.findings, ...validityFindings(run)];
  return createServingEvidence(format, {
    reported: run.reported,
    context: run.context,
    findings,
    records: run.reported.length > 0 ? 1 : 0,
  });
}

/**
 * Benchmark and scenario folder of the MLPerf submission layout
 * `<benchmark>/<Scenario>/performance/run_<n>/<log>`. The Interactive category prints
 * `Scenario : Server`, so only the folder tells it apart.
 */
export function readSubmissionPath(path: string): Record<string, string> {
  const m = SUBMISSION_LAYOUT.exec(path);
  if (m === null) return {};
  return { model: m[1] as string, submission_scenario: m[2] as string };
}

// --- internal ---

const SUBMISSION_LAYOUT =
  /([^/\\]+)[/\\](Server|Offline|Interactive|SingleStream|MultiStream)[/\\]performance[/\\]run_\d+[/\\][^/\\]+$/;

function addOnce(run: LoadgenRun, stat: ReportedStatistic): void {
  // The Server summary prints "Completed tokens per second" twice; the first one counts.
  if (run.reported.some((s) => s.metric === stat.metric && s.statistic === stat.statistic)) return;
  run.reported.push(stat);
}

/** TTFT/TPOT limits are LoadGen performance constraints of the Server scenario with token latencies only. */
function addLimits(run: LoadgenRun): void {
  const server = run.context.scenario === undefined || run.context.scenario === "Server";
  if (!server || !run.reported.some((s) => s.metric === "ttft_ms")) return;
  if (run.limitsNs.ttft !== undefined) run.context.ttft_limit_ms = run.limitsNs.ttft / 1e6;
  if (run.limitsNs.tpot !== undefined) run.context.tpot_limit_ms = run.limitsNs.tpot / 1e6;
}

function validityFindings(run: LoadgenRun): Finding[] {
  const out: Finding[] = [];
  if (run.reported.length === 0) out.push(noResults(run.path, run.context.mode));
  if (run.validity === undefined) {
    if (run.reported.length > 0) out.push(noValidity(run.path));
    return out;
  }
  run.context.result_valid = run.validity.valid;
  if (run.validity.valid) return out;
  const why = run.reasons.length > 0 ? ` (${run.reasons.join("; ")})` : "";
  out.push(
    createFinding(
      "MLPERF_RESULT_INVALID",
      "error",
      `LoadGen marked this run INVALID${why}; fix the cause (e.g. lower target_qps) and submit a VALID run.`,
      { path: run.path, line: run.validity.line },
      { why },
    ),
  );
  return out;
}

function noResults(path: string, mode: string | number | boolean | undefined): Finding {
  const what =
    mode === "AccuracyOnly"
      ? "This is an AccuracyOnly run, which has no performance results; submit the PerformanceOnly run's log."
      : "The log has no result lines; submit the whole log of a finished PerformanceOnly run.";
  // The whole log is at fault; line 1 lets editors and CI annotations open it.
  return createFinding(
    "MLPERF_NO_RESULTS",
    "error",
    what,
    { path, line: 1 },
    { variant: mode === "AccuracyOnly" ? "accuracy_only" : "no_results" },
  );
}

function noValidity(path: string): Finding {
  return createFinding(
    "MLPERF_NO_VALIDITY",
    "warning",
    "The log does not say whether the run is VALID (no `Result is` line or result_validity event); submit the whole, unedited log.",
    { path },
    {},
  );
}
