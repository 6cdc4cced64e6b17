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
  /** Successful rows whose TTFT or E2E is written as 0 (an empty cell is `SERVING_MISSING_VALUE`'s). */
  zero = 0;
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
    else if (ttft === 0 || e2e === 0) this.zero++;
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
 * Thresholds of the unit rules, in ms. Calibrated on 120 real runs of vLLM benchmark_serving.py and
 * SGLang bench_serving in 9 public files (`tests/judge/data/latency-calibration.json`, with sources),
 * the 9 runs of the vLLM sample and 3 MLPerf LoadGen summaries (`tests/judge/data/`):
 * - TTFT below 1 ms: real median TTFTs run from 34.7 ms to 389,526 ms (MLPerf's fastest single first
 *   token: 37.6 ms), so no genuine log has most of its TTFTs below 1 ms; written in seconds, the
 *   median TTFT is below 1 in every run that is not queueing (48 of the 120 runs).
 * - E2E per output token below 0.1 ms (10,000 tokens/s from one stream): real runs give 8.6–811 ms
 *   per token (mean E2E / mean output tokens, 37 runs), and the fastest public per-stream decode is
 *   ~3,000 tokens/s (0.33 ms); written in seconds the same runs give 0.009–0.8.
 * - E2E below 1 ms (rows without token counts): E2E ≥ TTFT, so the TTFT bound holds for it too.
 * - TPOT above 60,000 ms (a minute a token): real median TPOTs reach 5,519 ms (an overloaded
 *   gpt-oss-120b run), so the bound keeps an 11× margin; TPOT written in microseconds is caught only
 *   when it is 60 ms or more, which is the price of never calling a slow genuine run "microseconds".
 * TPOT is never judged "seconds" on its own: a non-streaming backend gives TPOT ≈ 0 in genuine
 * milliseconds (12 of the SGLang runs print "Median TPOT (ms): -0.00"), so a small TPOT proves nothing.
 */
export const TTFT_SECONDS_BELOW_MS = 1;
export const PER_TOKEN_SECONDS_BELOW_MS = 0.1;
export const E2E_SECONDS_BELOW_MS = 1;
export const TPOT_MICROSECONDS_ABOVE_MS = 60_000;
