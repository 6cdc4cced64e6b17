import { createFinding } from "../model/create-finding.ts";
import type { EvidenceKind, ParsedEvidence } from "../model/evidence.ts";
import type { Finding } from "../model/finding.ts";
import type { MessageParam, MessageRef } from "../model/message.ts";
import type { RequestTally } from "./request-tally.ts";

/**
 * Evidence that measured nothing is not evidence: a run whose every request failed reports latencies
 * of 0 (vLLM and SGLang write `np.mean(ttfts or 0)`), which beat any "lower is better" target and
 * make a −100 % "improvement". One rule per evidence kind says what "nothing" means for it; the file
 * becomes `invalid` with one `EVIDENCE_MEASURED_NOTHING` error that says what to submit:
 * - serving-requests, rows: no successful request, or every successful one timed 0 (`checkRequestLogMeasured`);
 *   summaries: `completed` / `request_count` 0 (vLLM, SGLang, LLMPerf, GenAI-Perf), 0 completed
 *   requests/s (MLPerf LoadGen), every reported latency 0; any serving run: `duration` 0;
 * - gpu-memory: no sample with a memory.used value; collective-bandwidth: no row, or no row that moved
 *   bytes in a measured time; training-throughput: no iteration, or none with a time or a throughput;
 * - accuracy: no score, or every task scored on 0 items; retrieval-run: no document retrieved;
 *   retrieval-qrels: no document judged relevant; generation-pairs: every prediction empty; cost: no
 *   scenario served a request.
 * Left alone: outcomes (each row is an observed outcome), devices and models (declarations, where an
 * empty or failing list is a result to judge, not a run that did not happen).
 */
export function checkMeasuredNothing(path: string, evidence: ParsedEvidence): Finding[] {
  // A file without a single row is EVIDENCE_NO_ROWS's (prepare-input.ts), one the adapter flagged is the adapter's.
  if (evidence.rows === 0) return [];
  if (evidence.findings.some((f) => f.severity === "error" && NO_DATA_CODES.has(f.code))) return [];
  const what = RULES[evidence.kind]?.(evidence);
  return what === undefined ? [] : [measuredNothing(path, what, lineOf(evidence))];
}

/** The request-log rule, from the counts of its rows (the same on the streaming and the full read). */
export function checkRequestLogMeasured(path: string, tally: RequestTally): Finding[] {
  if (tally.rows === 0) return [];
  if (tally.ok === 0)
    return [
      measuredNothing(
        path,
        empty(
          "requests_failed",
          `none of its ${tally.rows} request${tally.rows === 1 ? "" : "s"} succeeded`,
          FIX_SERVER,
          { rows: tally.rows },
        ),
        1,
      ),
    ];
  if (tally.timed === 0 && tally.zero > 0)
    return [
      measuredNothing(
        path,
        empty("requests_zero_time", "every successful request has a TTFT and an end-to-end latency of 0", {
          key: "timings",
          text: "Submit the log the tool wrote with its timings (for vLLM, --save-detailed with streaming on)",
        }),
        1,
      ),
    ];
  return [];
}

// --- internal ---

/** What "nothing" was and what to submit instead: English sentences, each with its catalog key. */
interface Emptiness {
  what: string;
  fix: string;
  whatRef: MessageRef;
  fixRef: MessageRef;
}

interface Fix {
  key: string;
  text: string;
}

function empty(key: string, what: string, fix: Fix, params?: Record<string, MessageParam>): Emptiness {
  return {
    what,
    fix: fix.text,
    whatRef:
      params === undefined
        ? { key: `nothing.${key}`, text: what }
        : { key: `nothing.${key}`, params, text: what },
    fixRef: { key: `nothing_fix.${fix.key}`, text: fix.text },
  };
}

/** Findings by which an adapter already said the file holds no data: one such error is enough. */
const NO_DATA_CODES = new Set([
  "SERVING_NO_DATA",
  "COLLECTIVE_NO_DATA",
  "TRAINING_NO_DATA",
  "MLPERF_NO_RESULTS",
  "CSV_NO_ROWS",
  "EVIDENCE_NO_ROWS",
]);

const RERUN: Fix = { key: "rerun", text: "Submit the output of a run that completed" };
const FIX_SERVER: Fix = {
  key: "server",
  text: "Fix the server or the benchmark's arguments until requests succeed, then submit that run",
};

const RULES: Partial<Record<EvidenceKind, (e: ParsedEvidence) => Emptiness | undefined>> = {
  "serving-requests": servingSummary,
  "gpu-memory": (e) =>
    e.memory !== undefined && e.memory.rows > 0 && !e.memory.usedMiB.some((v) => Number.isFinite(v))
      ? empty("memory_unused", "no sample has a memory.used value", {
          key: "memory",
          text: "Record memory.used (nvidia-smi --query-gpu=timestamp,index,memory.used,memory.total)",
        })
      : undefined,
  "collective-bandwidth": (e) => {
    const rows = e.collective?.tests.flatMap((t) => t.rows);
    if (rows === undefined) return undefined;
    if (rows.length === 0) return empty("collective_no_rows", "the collective table has no rows", RERUN);
    return rows.every((r) => !(r.sizeBytes > 0 && r.timeUs > 0))
      ? empty("collective_no_bytes", "no row moved any bytes in a measured time (every size or time is 0)", {
          key: "collective_sizes",
          text: "Run the test over a range of message sizes (-b 8 -e 8G -f 2)",
        })
      : undefined;
  },
  "training-throughput": (e) => {
    const steps = e.training?.steps;
    if (steps === undefined) return undefined;
    // An MLPerf Training result that logs no throughput (gpt3) is scored by its time to train.
    const timed = e.training?.timeToTrain;
    if (timed !== undefined) {
      return timed.minutes > 0
        ? undefined
        : empty("training_no_time", "run_stop is not after run_start, so the run took no time", RERUN);
    }
    if (steps.length === 0)
      return empty("training_no_iterations", "the training log has no iterations", RERUN);
    // MLPerf Training logs give throughput, not elapsed times: any positive rate or time is a measurement.
    const measured = (s: (typeof steps)[number]) =>
      s.elapsedMs > 0 || s.samplesPerSecond > 0 || s.tokensPerSecond > 0 || s.tflopsPerGpu > 0;
    return !steps.some(measured)
      ? empty("training_no_measure", "no iteration has a time or a throughput above 0", RERUN)
      : undefined;
  },
  accuracy: (e) => {
    const scores = e.accuracy?.scores;
    if (scores === undefined) return undefined;
    if (scores.length === 0)
      return empty("accuracy_no_score", "the results hold no score", {
        key: "accuracy_results",
        text: "Submit the harness's results file of the whole run",
      });
    return scores.every((s) => s.n === 0)
      ? empty("accuracy_zero_items", "every task was scored on 0 items", {
          key: "accuracy_limit",
          text: "Run the tasks without --limit 0 and submit that results file",
        })
      : undefined;
  },
  "retrieval-run": (e) =>
    e.retrievalRun?.topics.every((t) => t.docnos.length === 0)
      ? empty("retrieval_none", "the run retrieved no document for any query", RERUN)
      : undefined,
  "retrieval-qrels": (e) => {
    const topics = e.qrels?.topics;
    if (topics === undefined) return undefined;
    for (const docs of topics.values()) for (const rel of docs.values()) if (rel > 0) return undefined;
    return empty("qrels_none", "no document is judged relevant to any query", {
      key: "qrels",
      text: "Submit the qrels with their relevance levels",
    });
  },
  "generation-pairs": (e) =>
    e.generation !== undefined &&
    e.generation.rows > 0 &&
    e.generation.prediction.every((p) => p.trim() === "")
      ? empty("generation_empty", "every prediction is empty", {
          key: "generation",
          text: "Submit the model's outputs of a run that generated text",
        })
      : undefined,
  cost: (e) =>
    e.costs !== undefined && e.costs.length > 0 && e.costs.every((c) => !(c.requests > 0))
      ? empty("cost_no_requests", "no scenario served any request", {
          key: "cost",
          text: "Fill in the requests each scenario served",
        })
      : undefined,
};

/** A summary-only serving file: the tool's own counts say whether anything was measured. */
function servingSummary(e: ParsedEvidence): Emptiness | undefined {
  const context = e.context ?? {};
  if (context.duration === 0)
    return empty("zero_duration", "the benchmark ran for 0 s (duration = 0)", RERUN);
  if (e.requests !== undefined) return undefined; // the rows decide (checkRequestLogMeasured)
  if (context.completed === 0 || context.request_count === 0) {
    const count = context.completed === 0 ? "completed" : "request_count";
    const failed = typeof context.failed === "number" ? String(context.failed) : "none";
    return empty(
      "summary_none_succeeded",
      `the tool reports ${count} = 0: no request succeeded${failed === "none" ? "" : ` (${failed} failed)`}`,
      FIX_SERVER,
      { count, failed },
    );
  }
  const reported = e.reported ?? [];
  const throughput = reported.filter((s) => s.metric === "request_throughput");
  if (throughput.length > 0 && throughput.every((s) => s.value === 0))
    return empty("summary_zero_rate", "the tool reports 0 completed requests per second", RERUN);
  const latencies = reported.filter((s) => LATENCY_METRICS.has(s.metric));
  if (latencies.length > 0 && latencies.every((s) => s.value === 0))
    return empty(
      "summary_zero_latency",
      "every latency statistic the tool reports is 0 (what it writes when no request succeeded)",
      RERUN,
    );
  return undefined;
}

const LATENCY_METRICS = new Set(["ttft_ms", "tpot_ms", "itl_ms", "e2e_ms"]);

function lineOf(e: ParsedEvidence): number {
  const line = e.context?.run_line;
  return typeof line === "number" && line > 0 ? line : 1;
}

function measuredNothing(path: string, { what, fix, whatRef, fixRef }: Emptiness, line: number): Finding {
  return createFinding(
    "EVIDENCE_MEASURED_NOTHING",
    "error",
    `This file measured nothing: ${what}, so no metric can be taken from it. ${fix}.`,
    { path, line },
    { what: whatRef, fix: fixRef },
  );
}
