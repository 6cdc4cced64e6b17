import { FindingCollector } from "../formats/column-spec.ts";
import { findDuplicateRequests, requestIdAt } from "../measure/request-index.ts";
import { createFinding } from "../model/create-finding.ts";
import type { GpuMemorySamples, ItemOutcomes, ParsedEvidence, ServingRequests } from "../model/evidence.ts";
import type { Finding } from "../model/finding.ts";
import { checkCollectiveTable } from "./collective-plausibility.ts";

/** Physics and bookkeeping checks on parsed evidence; every finding points at its row. */
export function checkPlausibility(path: string, evidence: ParsedEvidence): Finding[] {
  const out = new FindingCollector();
  if (evidence.requests !== undefined) checkRequests(path, evidence.requests, out);
  if (evidence.memory !== undefined) checkMemory(path, evidence.memory, out);
  if (evidence.outcomes !== undefined) checkOutcomes(path, evidence.outcomes, out);
  for (const f of evidence.collective === undefined ? [] : checkCollectiveTable(path, evidence.collective))
    out.add(f);
  return out.finish(path);
}

// --- internal ---

/** 1 ms or 1 % of E2E: per-request timers are taken at slightly different points by every tool. */
const E2E_SLACK_MS = 1;
const E2E_SLACK_REL = 0.01;

function checkRequests(path: string, r: ServingRequests, out: FindingCollector): void {
  const at = (i: number, column: string) => location(path, r.lines[i] as number, column);
  let lastStart = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < r.rows; i++) {
    checkTimes(r, i, at, out);
    const start = r.startS[i] as number;
    if (start < lastStart) {
      out.add(
        createFinding(
          "SERVING_START_NOT_MONOTONIC",
          "warning",
          `start_s goes back in time (${start} after ${lastStart}); sort rows by start time or check the clock.`,
          at(i, "start_s"),
        ),
      );
    }
    if (!Number.isNaN(start)) lastStart = start;
  }
  for (const i of findDuplicateRequests(r)) {
    const id = requestIdAt(r, i).slice(0, 40);
    out.add(
      createFinding(
        "SERVING_DUPLICATE_REQUEST",
        "error",
        `request_id "${id}" appears more than once; duplicated rows inflate n. Remove the copy.`,
        at(i, "request_id"),
      ),
    );
  }
}

/** The physics of one request: no negative times, TTFT within E2E, and TTFT + TPOT·(out − 1) ≈ E2E. */
function checkTimes(
  r: ServingRequests,
  i: number,
  at: (i: number, column: string) => Finding["location"],
  out: FindingCollector,
): void {
  const ttft = r.ttftMs[i] as number;
  const e2e = r.e2eMs[i] as number;
  const tpot = r.tpotMs[i] as number;
  const outTokens = r.outputTokens[i] as number;
  // The common row has all three values: skip building the per-column list for it.
  if (r.ok[i] === 1 && (Number.isNaN(ttft) || Number.isNaN(e2e) || Number.isNaN(outTokens)))
    checkRequired(ttft, e2e, outTokens, (c) => at(i, c), out);
  if (ttft < 0) out.add(negative("ttft_ms", ttft, at(i, "ttft_ms")));
  if (e2e < 0) out.add(negative("e2e_ms", e2e, at(i, "e2e_ms")));
  if (tpot < 0) out.add(negative("tpot_ms", tpot, at(i, "tpot_ms")));
  if (outTokens < 0 || (r.inputTokens[i] as number) < 0) out.add(negativeTokens(r, i, at));
  if (ttft > e2e + E2E_SLACK_MS) {
    out.add(
      createFinding(
        "SERVING_TTFT_GT_E2E",
        "error",
        `TTFT ${ttft} ms exceeds end-to-end ${e2e} ms; the first token cannot come after the last. Check which column is which.`,
        at(i, "ttft_ms"),
      ),
    );
  } else if (
    outTokens > 1 &&
    Math.abs(ttft + tpot * (outTokens - 1) - e2e) > Math.max(E2E_SLACK_MS, E2E_SLACK_REL * e2e)
  ) {
    out.add(
      createFinding(
        "SERVING_E2E_INCONSISTENT",
        "error",
        `TTFT + TPOT·(output_tokens − 1) = ${round(ttft + tpot * (outTokens - 1))} ms but e2e_ms is ${e2e}; TPOT must exclude the first token. Recompute TPOT or leave the column empty to derive it.`,
        at(i, "tpot_ms"),
      ),
    );
  }
}

function negativeTokens(
  r: ServingRequests,
  i: number,
  at: (i: number, column: string) => Finding["location"],
): Finding {
  const column = (r.outputTokens[i] as number) < 0 ? "output_tokens" : "input_tokens";
  const value = column === "output_tokens" ? r.outputTokens[i] : r.inputTokens[i];
  return createFinding(
    "SERVING_NEGATIVE_TOKENS",
    "error",
    `A negative ${column} (${value}) is impossible; it counts tokens.`,
    at(i, column),
  );
}

function negative(column: string, value: number, where: Finding["location"]): Finding {
  return createFinding(
    "SERVING_NEGATIVE_TIME",
    "error",
    `A negative ${column} (${value}) is impossible; check the clock or the column's unit.`,
    where,
  );
}

function checkRequired(
  ttft: number,
  e2e: number,
  outTokens: number,
  at: (column: string) => Finding["location"],
  out: FindingCollector,
): void {
  for (const [value, column] of [
    [ttft, "ttft_ms"],
    [e2e, "e2e_ms"],
    [outTokens, "output_tokens"],
  ] as const) {
    if (Number.isNaN(value)) {
      out.add(
        createFinding(
          "SERVING_MISSING_VALUE",
          "error",
          `A successful request has no ${column}; fill it in, or mark the row status=error.`,
          at(column),
        ),
      );
    }
  }
}

function checkMemory(path: string, m: GpuMemorySamples, out: FindingCollector): void {
  const lastTime = new Map<number, number>();
  for (let i = 0; i < m.rows; i++) {
    const at = (column: string) => location(path, m.lines[i] as number, column);
    const used = m.usedMiB[i] as number;
    const total = m.totalMiB[i] as number;
    if (used > total)
      out.add(
        createFinding(
          "MEMORY_USED_GT_TOTAL",
          "error",
          `memory.used ${used} MiB exceeds memory.total ${total} MiB; check the columns' order and units.`,
          at("memory.used"),
        ),
      );
    const utilization = m.utilizationPct[i] as number;
    if (utilization < 0 || utilization > 100)
      out.add(
        createFinding(
          "MEMORY_UTILIZATION_RANGE",
          "error",
          `utilization.gpu ${utilization} % is outside 0–100 %; check the column.`,
          at("utilization.gpu"),
        ),
      );
    if (used < 0)
      out.add(
        createFinding(
          "MEMORY_NEGATIVE",
          "error",
          `memory.used ${used} MiB is negative; check the column.`,
          at("memory.used"),
        ),
      );
    const gpu = m.gpu[i] as number;
    const time = m.timeS[i] as number;
    const previous = lastTime.get(gpu);
    if (previous !== undefined && time < previous) {
      out.add(
        createFinding(
          "MEMORY_TIME_NOT_MONOTONIC",
          "error",
          `Timestamps of GPU ${gpu} go back in time; concatenated or edited logs must keep time order.`,
          at("timestamp"),
        ),
      );
    }
    if (!Number.isNaN(time)) lastTime.set(gpu, time);
  }
}

/** Each item is judged once per trial; a repeated row inflates n. */
function checkOutcomes(path: string, o: ItemOutcomes, out: FindingCollector): void {
  const seen = new Set<string>();
  for (let i = 0; i < o.rows; i++) {
    const key = `${o.itemId[i]}\u0000${o.trial[i]}`;
    if (seen.has(key)) {
      out.add(
        createFinding(
          "OUTCOME_DUPLICATE_ITEM",
          "error",
          `item_id "${(o.itemId[i] ?? "").slice(0, 40)}" appears twice in the same trial; duplicated rows inflate n. Remove the copy.`,
          location(path, o.lines[i] as number, "item_id"),
        ),
      );
    }
    seen.add(key);
  }
}

function location(path: string, line: number, column: string): Finding["location"] {
  return line > 0 ? { path, line, column } : { path, column };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
