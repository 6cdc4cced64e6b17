import type { RequestValues } from "../model/request-columns.ts";

/**
 * Counts of a request log's successful rows, taken one row at a time as the log streams by, from
 * which the "measured nothing" and "wrong unit" rules decide (`measured-nothing.ts`,
 * `latency-units.ts`). Counting, not sorting, so the streaming read and the full read see the same
 * numbers from the same rows and keep no column. A median test is a count test: the median of a
 * column is below x exactly when more than half its values are.
 */
export class RequestTally {
  rows = 0;
  /** Successful rows (`ok = 1`). */
  ok = 0;
  /** Successful rows with a TTFT or an E2E above 0: a request that took time. */
  timed = 0;
  /** Successful rows with TTFT > 0, and of them those below the seconds threshold. */
  ttft = 0;
  ttftBelow = 0;
  /** Successful rows with E2E > 0 and ≥ 2 output tokens, and of them those whose E2E per token is below the threshold. */
  perToken = 0;
  perTokenBelow = 0;
  /** Successful rows with E2E > 0 but no output token count, and of them those below the seconds threshold. */
  e2eOnly = 0;
  e2eOnlyBelow = 0;
  /** Successful rows with TPOT > 0, those below the seconds threshold and those above the microseconds one. */
  tpot = 0;
  tpotBelow = 0;
  tpotAbove = 0;

  add(r: RequestValues): void {
    this.rows++;
    if (r.ok !== 1) return;
    this.ok++;
    const { ttftMs: ttft, e2eMs: e2e, tpotMs: tpot, outputTokens: out } = r;
    if (ttft > 0 || e2e > 0) this.timed++;
    if (ttft > 0) {
      this.ttft++;
      if (ttft < TTFT_SECONDS_BELOW_MS) this.ttftBelow++;
    }
    if (e2e > 0 && out >= 2) {
      this.perToken++;
      if (e2e / out < PER_TOKEN_SECONDS_BELOW_MS) this.perTokenBelow++;
    } else if (e2e > 0 && Number.isNaN(out)) {
      this.e2eOnly++;
      if (e2e < E2E_SECONDS_BELOW_MS) this.e2eOnlyBelow++;
    }
    if (tpot > 0) {
      this.tpot++;
      if (tpot < PER_TOKEN_SECONDS_BELOW_MS) this.tpotBelow++;
      if (tpot > TPOT_MICROSECONDS_ABOVE_MS) this.tpotAbove++;
    }
  }
}

/**
 * Thresholds of the unit rules, in ms. Calibrated on genuine logs (ranges in `latency-units.ts`):
 * - TTFT below 1 ms: no real server answers a first token that fast (the lowest median TTFT seen in
 *   real vLLM/SGLang/GenAI-Perf/MLPerf results is ~10 ms; MLPerf's fastest single first token 37.6 ms),
 *   while TTFT written in seconds is 0.01–1 for any run that is not overloaded.
 * - E2E per output token below 0.1 ms: 10,000 tokens/s from one stream, 3× the fastest public
 *   per-stream decode (~3,000 tokens/s); in seconds the same ratio is 0.002–0.5 ms.
 * - E2E below 1 ms (rows without token counts): as TTFT, since E2E ≥ TTFT.
 * - TPOT above 5,000 ms: 0.2 tokens/s; the slowest median TPOT seen in a real run is ~480 ms, while
 *   TPOT written in microseconds is 2,000–200,000.
 * TPOT is never judged "seconds" on its own: a non-streaming backend gives TPOT ≈ 0 in genuine
 * milliseconds (a real vLLM log printed "Median TPOT (ms): -0.00"), so a small TPOT proves nothing.
 */
export const TTFT_SECONDS_BELOW_MS = 1;
export const PER_TOKEN_SECONDS_BELOW_MS = 0.1;
export const E2E_SECONDS_BELOW_MS = 1;
export const TPOT_MICROSECONDS_ABOVE_MS = 5000;
