import type { ServingRequests } from "../../model/evidence.ts";

/** One request as an adapter reads it; absent values are `undefined` or `NaN`. Times in ms. */
export interface RequestRow {
  requestId?: string;
  startS?: number;
  ttftMs?: number;
  tpotMs?: number;
  itlMs?: number;
  e2eMs?: number;
  inputTokens?: number;
  outputTokens?: number;
  ok?: boolean;
  line?: number;
}

/**
 * Collects rows into columnar arrays. Meant for the JSON formats whose rows arrive as objects anyway;
 * the canonical CSV fills its columns directly.
 */
export class ServingRequestsBuilder {
  #rows: RequestRow[] = [];

  add(row: RequestRow): void {
    this.#rows.push(row);
  }

  build(): ServingRequests {
    const rows = this.#rows;
    const n = rows.length;
    const column = (pick: (row: RequestRow) => number | undefined) =>
      Float64Array.from(rows, (row) => pick(row) ?? Number.NaN);
    const requests: ServingRequests = {
      rows: n,
      startS: column((r) => r.startS),
      ttftMs: column((r) => r.ttftMs),
      tpotMs: column((r) => r.tpotMs),
      itlMs: column((r) => r.itlMs),
      e2eMs: column((r) => r.e2eMs),
      inputTokens: column((r) => r.inputTokens),
      outputTokens: column((r) => r.outputTokens),
      ok: Uint8Array.from(rows, (r) => (r.ok === false ? 0 : 1)),
      lines: Int32Array.from(rows, (r) => r.line ?? 0),
    };
    if (rows.some((r) => r.requestId !== undefined)) {
      requests.requestId = rows.map((r, i) => r.requestId ?? String(i));
    }
    deriveTpot(requests);
    return requests;
  }
}

/**
 * Fills TPOT where it is absent as (e2e − ttft)/(output_tokens − 1), the vLLM definition. Requests
 * with a single output token have no TPOT and stay NaN (vLLM leaves them out of the TPOT list too).
 */
export function deriveTpot(requests: ServingRequests): void {
  const { tpotMs, e2eMs, ttftMs, outputTokens } = requests;
  if (tpotMs === undefined || e2eMs === undefined || ttftMs === undefined || outputTokens === undefined)
    return;
  for (let i = 0; i < requests.rows; i++) {
    const tpot = tpotMs[i] as number;
    if (Number.isNaN(tpot))
      tpotMs[i] = derivedTpot(tpot, ttftMs[i] as number, e2eMs[i] as number, outputTokens[i] as number);
  }
}

/** One request's TPOT: the recorded one, else (e2e − ttft)/(output_tokens − 1) when it has two or more tokens. */
export function derivedTpot(tpot: number, ttft: number, e2e: number, outputTokens: number): number {
  if (!Number.isNaN(tpot) || !(outputTokens > 1)) return tpot;
  return (e2e - ttft) / (outputTokens - 1);
}
