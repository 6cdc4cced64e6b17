import type { FindingCollector } from "../formats/text/column-spec.ts";
import { requestIdAt } from "../measure/serving/request-index.ts";
import { createFinding } from "../model/create-finding.ts";
import type { ServingRequests } from "../model/evidence.ts";
import type { Finding } from "../model/finding.ts";
import { lineOfRow, type RequestValues, requireColumn } from "../model/request-columns.ts";
import { checkRequestUnits } from "./latency-units.ts";
import { checkRequestLogMeasured } from "./measured-nothing.ts";
import { RequestTally } from "./request-tally.ts";

/**
 * The physics and bookkeeping of a request log, fed one request at a time in file order, so a reader
 * can check a big log's rows as they stream by and keep none of them: no negative times or tokens,
 * TTFT within E2E, TTFT + TPOT·(out − 1) ≈ E2E, send times that never go back, no repeated ids;
 * and, once every row was added, whether the log measured anything and in which unit (`finish`).
 */
export class RequestChecks {
  readonly #path: string;
  readonly #out: FindingCollector;
  readonly #tally = new RequestTally();
  #lastStart = Number.NEGATIVE_INFINITY;

  constructor(path: string, out: FindingCollector) {
    this.#path = path;
    this.#out = out;
  }

  /** `tokensRecorded` false: the format has no token counts (see `ServingRequests.unrecorded`). */
  add(r: RequestValues, tokensRecorded = true): void {
    this.#tally.add(r);
    checkTimes(r, this.#path, this.#out, tokensRecorded);
    if (r.startS < this.#lastStart) {
      this.#out.add(
        createFinding(
          "SERVING_START_NOT_MONOTONIC",
          "warning",
          `start_s goes back in time (${r.startS} after ${this.#lastStart}); sort rows by start time or check the clock.`,
          location(this.#path, r.line, "start_s"),
          { start_s: r.startS, last_start: this.#lastStart },
        ),
      );
    }
    if (!Number.isNaN(r.startS)) this.#lastStart = r.startS;
  }

  /** The rows whose id appeared on an earlier row (after every row was added). */
  addDuplicates(
    requests: ServingRequests,
    rows: readonly number[],
    lineOf = (row: number) => lineOfRow(requests, row),
  ): void {
    for (const i of rows) {
      const id = requestIdAt(requests, i).slice(0, 40);
      this.#out.add(
        createFinding(
          "SERVING_DUPLICATE_REQUEST",
          "error",
          `request_id "${id}" appears more than once; duplicated rows inflate n. Remove the copy.`,
          location(this.#path, lineOf(i), "request_id"),
          { id },
        ),
      );
    }
  }

  /**
   * The whole-log rules, after every row and the duplicates were added: a log that measured nothing
   * (`EVIDENCE_MEASURED_NOTHING`), latency columns that look like another unit (`LATENCY_UNIT_SUSPECT`).
   */
  finish(): void {
    const measured = checkRequestLogMeasured(this.#path, this.#tally);
    for (const f of measured.length > 0 ? measured : checkRequestUnits(this.#path, this.#tally))
      this.#out.add(f);
  }
}

/** Every row of a log that kept its columns, through `RequestChecks`. */
export function checkRequestRows(checks: RequestChecks, r: ServingRequests): void {
  const [startS, ttftMs, tpotMs, e2eMs, inputTokens, outputTokens] = COLUMNS.map((key) =>
    requireColumn(r, key),
  ) as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const row = { line: 0, startS: 0, ttftMs: 0, tpotMs: 0, e2eMs: 0, inputTokens: 0, outputTokens: 0, ok: 0 };
  const tokensRecorded = r.unrecorded?.outputTokens === undefined;
  for (let i = 0; i < r.rows; i++) {
    row.line = lineOfRow(r, i);
    row.startS = startS[i] as number;
    row.ttftMs = ttftMs[i] as number;
    row.tpotMs = tpotMs[i] as number;
    row.e2eMs = e2eMs[i] as number;
    row.inputTokens = inputTokens[i] as number;
    row.outputTokens = outputTokens[i] as number;
    row.ok = r.ok[i] as number;
    checks.add(row, tokensRecorded);
  }
}

// --- internal ---

const COLUMNS = ["startS", "ttftMs", "tpotMs", "e2eMs", "inputTokens", "outputTokens"] as const;

/** 1 ms or 1 % of E2E: per-request timers are taken at slightly different points by every tool. */
const E2E_SLACK_MS = 1;
const E2E_SLACK_REL = 0.01;

/**
 * The physics of one request: no negative times, TTFT within E2E, and TTFT + TPOT·(out − 1) ≈ E2E.
 * Locations are built only for a finding: a big log has millions of sound rows.
 */
function checkTimes(r: RequestValues, path: string, out: FindingCollector, tokensRecorded: boolean): void {
  const { ttftMs: ttft, e2eMs: e2e, tpotMs: tpot, line } = r;
  // A format without token counts (0 stands in: never missing, never in the E2E identity).
  const outTokens = tokensRecorded ? r.outputTokens : 0;
  // The common row has all three values: skip building the per-column list for it.
  if (r.ok === 1 && (Number.isNaN(ttft) || Number.isNaN(e2e) || Number.isNaN(outTokens)))
    checkRequired(ttft, e2e, outTokens, (c) => location(path, line, c), out);
  if (ttft < 0) out.add(negative("ttft_ms", ttft, location(path, line, "ttft_ms")));
  if (e2e < 0) out.add(negative("e2e_ms", e2e, location(path, line, "e2e_ms")));
  if (tpot < 0) out.add(negative("tpot_ms", tpot, location(path, line, "tpot_ms")));
  if (outTokens < 0 || r.inputTokens < 0) out.add(negativeTokens(r, path));
  if (ttft > e2e + E2E_SLACK_MS) {
    out.add(
      createFinding(
        "SERVING_TTFT_GT_E2E",
        "error",
        `TTFT ${ttft} ms exceeds end-to-end ${e2e} ms; the first token cannot come after the last. Check which column is which.`,
        location(path, line, "ttft_ms"),
        { ttft, e2e },
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
        location(path, line, "tpot_ms"),
        { value: round(ttft + tpot * (outTokens - 1)), e2e },
      ),
    );
  }
}

function negativeTokens(r: RequestValues, path: string): Finding {
  const column = r.outputTokens < 0 ? "output_tokens" : "input_tokens";
  const value = column === "output_tokens" ? r.outputTokens : r.inputTokens;
  return createFinding(
    "SERVING_NEGATIVE_TOKENS",
    "error",
    `A negative ${column} (${value}) is impossible; it counts tokens.`,
    location(path, r.line, column),
    { column, value },
  );
}

function negative(column: string, value: number, where: Finding["location"]): Finding {
  return createFinding(
    "SERVING_NEGATIVE_TIME",
    "error",
    `A negative ${column} (${value}) is impossible; check the clock or the column's unit.`,
    where,
    { variant: "request_plausibility_1", column, value },
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
          { column },
        ),
      );
    }
  }
}

function location(path: string, line: number, column: string): Finding["location"] {
  return line > 0 ? { path, line, column } : { path, column };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
