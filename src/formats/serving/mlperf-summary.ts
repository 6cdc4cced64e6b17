import { createFinding } from "../../model/create-finding.ts";
import type { EvidenceFile, ParsedEvidence } from "../../model/evidence.ts";
import type { FormatAdapter } from "../format.ts";
import { parseNumberCell } from "../text/csv.ts";
import { decodeText, splitLines } from "../text/text.ts";
import {
  addBadValue,
  checkValue,
  createLoadgenRun,
  finishLoadgenRun,
  type LoadgenRun,
  type LoadgenStatisticNames,
  readLoadgenStatistic,
} from "./mlperf-run.ts";

/**
 * MLPerf Inference LoadGen `mlperf_log_summary.txt` (`loadgen/results.cc` `LogSummary`): `label : value`
 * lines. Latencies are ns and become ms; percentiles are LoadGen's nearest rank.
 */
export const mlperfSummary: FormatAdapter = {
  id: "mlperf-summary",
  title: "MLPerf LoadGen mlperf_log_summary.txt",
  kind: "serving-requests",
  detect: ({ head }) => (head.includes("MLPerf Results Summary") ? 0.95 : 0),
  parse: parseMlperfSummary,
};

// --- internal ---

/**
 * Latency labels (lower-cased) → canonical metric. TPOT was "Time to Output Token" before LoadGen
 * PR #2360 (Oct 2025) and "Time per Output Token" after; its percentile lines kept "time to".
 * `90th percentile latency` is the SingleStream/MultiStream headline.
 */
const LATENCY_LABELS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(min|max|mean) latency \(ns\)$/, "e2e_ms"],
  [/^([\d.]+) percentile latency \(ns\)$/, "e2e_ms"],
  [/^(\d+)th percentile latency \(ns\)$/, "e2e_ms"],
  [/^(min|max|mean) first token latency \(ns\)$/, "ttft_ms"],
  [/^([\d.]+) percentile first token latency \(ns\)$/, "ttft_ms"],
  [/^(\d+)th first token percentile latency \(ns\)$/, "ttft_ms"],
  [/^(min|max|mean) time (?:to|per) output token \(ns\)$/, "tpot_ms"],
  [/^([\d.]+) percentile time (?:to|per) output token \(ns\)$/, "tpot_ms"],
];

/** Server prints "Completed …", Offline plain "Samples/Tokens per second". */
const THROUGHPUT_LABELS: Readonly<Record<string, string>> = {
  "completed samples per second": "request_throughput",
  "samples per second": "request_throughput",
  "completed tokens per second": "output_token_throughput",
  "tokens per second": "output_token_throughput",
};

const SUMMARY_NAMES: LoadgenStatisticNames = { latency: LATENCY_LABELS, throughput: THROUGHPUT_LABELS };

const CHECK_LABELS: Readonly<Record<string, string>> = {
  "performance constraints satisfied": "performance_constraints_met",
  "min duration satisfied": "min_duration_met",
  "min queries satisfied": "min_queries_met",
  "early stopping satisfied": "early_stopping_met",
};

const CONTEXT_LABELS: Readonly<Record<string, string>> = {
  "sut name": "sut_name",
  scenario: "scenario",
  mode: "mode",
  "scheduled samples per second": "scheduled_samples_per_second",
  samples_per_query: "samples_per_query",
  target_qps: "target_qps",
  "min_duration (ms)": "min_duration_ms",
  min_query_count: "min_query_count",
};

interface SummaryState {
  run: LoadgenRun;
  /** Inside the ` * …` lines that follow `Recommendations:`. */
  recommending: boolean;
}

function parseMlperfSummary(file: EvidenceFile): ParsedEvidence {
  const state: SummaryState = { run: createLoadgenRun(file.path), recommending: false };
  splitLines(decodeText(file.path, file.bytes)).forEach((text, i) => {
    readLine(state, text, i + 1);
  });
  return finishLoadgenRun(state.run, mlperfSummary.id);
}

function readLine(state: SummaryState, text: string, line: number): void {
  const { run } = state;
  if (state.recommending) {
    state.recommending = /^\s*\*|^\s{3}/.test(text);
    if (/^\s*\*/.test(text)) run.reasons.push(text.trim().replace(/^\*\s*/, ""));
    if (state.recommending) return;
  }
  if (readIncidentCount(run, text, line)) return;
  const colon = text.indexOf(":");
  if (colon < 0) return;
  const label = text.slice(0, colon).trim();
  const key = label.toLowerCase();
  const value = text.slice(colon + 1).trim();
  if (key === "recommendations") state.recommending = true;
  else if (key === "result is") run.validity = { valid: value === "VALID", line };
  else if (
    readLoadgenStatistic(run, label.toLowerCase(), line, SUMMARY_NAMES, () =>
      readNumber(run, label, value, line),
    )
  )
    return;
  else readSetting(run, key, label, value, line);
}

function readSetting(run: LoadgenRun, key: string, label: string, value: string, line: number): void {
  const check = CHECK_LABELS[key];
  const context = CONTEXT_LABELS[key];
  if (check !== undefined) {
    run.context[check] = checkValue(value);
    if (run.context[check] === false) run.reasons.push(`${label}: ${value}`);
  } else if (context !== undefined && value !== "") {
    const number = parseNumberCell(value);
    run.context[context] = number === undefined || Number.isNaN(number) ? value : number;
  } else if (key === "ttft_latency (ns)" || key === "tpot_latency (ns)") {
    const ns = readNumber(run, label, value, line);
    if (ns !== undefined) run.limitsNs[key === "ttft_latency (ns)" ? "ttft" : "tpot"] = ns;
  }
}

/** The closing `No errors encountered during test.` / `2 ERRORS encountered. See detailed log.` lines. */
function readIncidentCount(run: LoadgenRun, text: string, line: number): boolean {
  const m = /^(no|\d+) (error|warning)s? encountered/i.exec(text.trim());
  if (m === null) return false;
  const count = m[1]?.toLowerCase() === "no" ? 0 : Number(m[1]);
  const kind = (m[2] as string).toLowerCase();
  run.context[`loadgen_${kind}s`] = count;
  if (kind === "error" && count > 0)
    run.findings.push(
      createFinding(
        "MLPERF_LOADGEN_ERRORS",
        "warning",
        `LoadGen logged ${count} error(s) during the run; read them in mlperf_log_detail.txt and fix them before submitting.`,
        { path: run.path, line },
        { count },
      ),
    );
  return true;
}

function readNumber(run: LoadgenRun, label: string, value: string, line: number): number | undefined {
  const number = parseNumberCell(value);
  if (number !== undefined && Number.isFinite(number)) return number;
  addBadValue(run, label, value, line);
  return undefined;
}
