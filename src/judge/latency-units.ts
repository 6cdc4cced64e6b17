import { createFinding } from "../model/create-finding.ts";
import type { ItemOutcomes, ReportedStatistic } from "../model/evidence.ts";
import type { Finding } from "../model/finding.ts";
import type { MessageParam, MessageRef } from "../model/message.ts";
import {
  E2E_SECONDS_BELOW_MS,
  PER_TOKEN_SECONDS_BELOW_MS,
  type RequestTally,
  TPOT_MICROSECONDS_ABOVE_MS,
  TTFT_SECONDS_BELOW_MS,
} from "./request-tally.ts";

/**
 * A latency column written in another unit than its name says: TTFT in seconds under `ttft_ms`
 * (0.034 for 34 ms) beats every millisecond target by 1000×, and nothing else catches it when the
 * whole log is in seconds (the physics of each row still holds). The warning names the column, the
 * unit its values look like and the factor that fixes it; `unit-gate.ts` then keeps any requirement
 * that reads the column from passing. Thresholds and the real ranges they come from are in
 * `request-tally.ts` (serving) and below (outcomes).
 */
export function checkRequestUnits(path: string, t: RequestTally): Finding[] {
  const out: Finding[] = [];
  const perTokenSeconds = majority(t.perTokenBelow, t.perToken) || majority(t.e2eOnlyBelow, t.e2eOnly);
  if (majority(t.ttftBelow, t.ttft) || perTokenSeconds)
    out.push(
      suspect(
        path,
        "ttft_ms",
        "seconds",
        1000,
        evidence(
          `${t.ttftBelow} of ${t.ttft} successful requests have a TTFT below ${TTFT_SECONDS_BELOW_MS} ms, faster than any real server answers`,
          "ttft_below",
          { below: t.ttftBelow, n: t.ttft, limit: TTFT_SECONDS_BELOW_MS },
        ),
      ),
    );
  if (perTokenSeconds) {
    const why =
      t.perToken > 0
        ? evidence(
            `${t.perTokenBelow} of ${t.perToken} successful requests took under ${PER_TOKEN_SECONDS_BELOW_MS} ms per output token end to end, over 10,000 tokens/s from one stream`,
            "per_token_below",
            { below: t.perTokenBelow, n: t.perToken, limit: PER_TOKEN_SECONDS_BELOW_MS },
          )
        : evidence(
            `${t.e2eOnlyBelow} of ${t.e2eOnly} successful requests have an end-to-end latency below ${E2E_SECONDS_BELOW_MS} ms`,
            "e2e_below",
            { below: t.e2eOnlyBelow, n: t.e2eOnly, limit: E2E_SECONDS_BELOW_MS },
          );
    out.push(suspect(path, "e2e_ms", "seconds", 1000, why));
    if (t.tpot > 0)
      out.push(
        suspect(
          path,
          "tpot_ms",
          "seconds",
          1000,
          evidence(
            "its end-to-end latencies are in seconds (above), and TPOT is derived from them",
            "tpot_derived",
          ),
        ),
      );
  } else if (majority(t.tpotAbove, t.tpot)) {
    const why = evidence(
      `${t.tpotAbove} of ${t.tpot} successful requests have a TPOT above ${TPOT_MICROSECONDS_ABOVE_MS} ms (a minute a token)`,
      "tpot_above",
      { above: t.tpotAbove, n: t.tpot, limit: TPOT_MICROSECONDS_ABOVE_MS },
    );
    for (const column of ["ttft_ms", "tpot_ms", "e2e_ms"])
      out.push(suspect(path, column, "microseconds", 1 / 1000, why));
  }
  return out;
}

/**
 * Outcome latencies (fault localization time, 2.2; path switch time, 3.1) in seconds under
 * `latency_ms`: a median below 1 ms. Unlike the serving columns, magnitude alone cannot settle this:
 * end-to-end failover driven by timeouts or probes takes milliseconds to seconds (SCTP and MPTCP
 * wait for retransmission timeouts; the 2.2 example localizes faults in 1,930–19,618 ms), but
 * data-plane fast reroute switches paths in microseconds, which in ms reads like seconds. So this
 * rule only warns and holds a pass back (`unit-gate.ts`); a team with genuine sub-millisecond
 * switches declares `latency_unit: ms` in its claim's conditions and the pass stands.
 */
export function checkOutcomeUnits(path: string, outcomes: ItemOutcomes): Finding[] {
  let n = 0;
  let below = 0;
  for (const v of outcomes.latencyMs) {
    if (!(v > 0)) continue;
    n++;
    if (v < OUTCOME_SECONDS_BELOW_MS) below++;
  }
  return majority(below, n)
    ? [
        suspect(
          path,
          "latency_ms",
          "seconds",
          1000,
          evidence(
            `${below} of ${n} items have a latency below ${OUTCOME_SECONDS_BELOW_MS} ms, as fast as only data-plane failover switches`,
            "outcome_below",
            { below, n, limit: OUTCOME_SECONDS_BELOW_MS },
          ),
        ),
      ]
    : [];
}

/** A summary-only file: the tool's own median (or p50) against the same thresholds as the rows. */
export function checkReportedUnits(path: string, reported: readonly ReportedStatistic[]): Finding[] {
  const median = (metric: string) =>
    reported.find((s) => s.metric === metric && (s.statistic === "median" || s.statistic === "p50"));
  const out: Finding[] = [];
  const ttft = median("ttft_ms");
  if (ttft !== undefined && ttft.value > 0 && ttft.value < TTFT_SECONDS_BELOW_MS)
    out.push(
      suspect(
        path,
        "ttft_ms",
        "seconds",
        1000,
        evidence(`the reported median TTFT is ${ttft.value} ms`, "reported_ttft", { value: ttft.value }),
        ttft.line,
      ),
    );
  const tpot = median("tpot_ms");
  if (tpot !== undefined && tpot.value > TPOT_MICROSECONDS_ABOVE_MS)
    out.push(
      suspect(
        path,
        "tpot_ms",
        "microseconds",
        1 / 1000,
        evidence(`the reported median TPOT is ${tpot.value} ms`, "reported_tpot", { value: tpot.value }),
        tpot.line,
      ),
    );
  return out;
}

/** The finding code every rule here raises; `unit-gate.ts` reads it. */
export const UNIT_SUSPECT_CODE = "LATENCY_UNIT_SUSPECT";

// --- internal ---

const OUTCOME_SECONDS_BELOW_MS = 1;

function majority(count: number, of: number): boolean {
  return of > 0 && 2 * count > of;
}

/** Why a column looks like another unit: the English clause and its catalog message (`unit_evidence.*`). */
interface Evidence {
  text: string;
  ref: MessageRef;
}

function evidence(text: string, key: string, params?: Record<string, MessageParam>): Evidence {
  const ref: MessageRef =
    params === undefined
      ? { key: `unit_evidence.${key}`, text }
      : { key: `unit_evidence.${key}`, params, text };
  return { text, ref };
}

function suspect(
  path: string,
  column: string,
  unit: "seconds" | "microseconds",
  factor: number,
  why: Evidence,
  line?: number,
): Finding {
  const fix = factor > 1 ? "multiply the column by 1000" : "divide the column by 1000";
  return createFinding(
    UNIT_SUSPECT_CODE,
    "warning",
    `${column} looks like ${unit}, not milliseconds: ${why.text}. If so, ${fix} (or let the tool write milliseconds) and submit again; a requirement that reads ${column} is not passed on these values unless its claim declares latency_unit: ms.`,
    line === undefined || line < 1 ? { path, column } : { path, line, column },
    { column, unit, fix: factor > 1 ? "multiply" : "divide", evidence: why.ref },
  );
}
