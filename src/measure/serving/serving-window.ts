import type { ParsedEvidence } from "../../model/evidence.ts";

/** When a request log ran: its first send and last completion, in the log's own seconds. */
export interface ServingWindow {
  first: number;
  last: number;
  /** True when the send times are Unix epoch seconds, so windows of different logs can be compared. */
  epoch: boolean;
}

/**
 * Send times at or after 2001-09-09 (10^9 s) are read as Unix epoch seconds: a log whose times are
 * relative to its own start would have to run for 31 years to reach them. Below that, the times say
 * nothing about when the log ran relative to another log.
 */
const EPOCH_FLOOR_S = 1e9;

/**
 * The span a rate is taken over (`throughput-metrics.ts`: first send to last completion), or
 * undefined when the evidence is not a request log with send times.
 */
export function computeServingWindow(parsed: ParsedEvidence): ServingWindow | undefined {
  // Asked once per requirement part and file; a request log does not change while it is judged.
  if (WINDOWS.has(parsed)) return WINDOWS.get(parsed);
  const window = scanWindow(parsed);
  WINDOWS.set(parsed, window);
  return window;
}

// --- internal ---

const WINDOWS = new WeakMap<ParsedEvidence, ServingWindow | undefined>();

function scanWindow(parsed: ParsedEvidence): ServingWindow | undefined {
  const requests = parsed.requests;
  const starts = requests?.startS;
  if (requests === undefined || starts === undefined) return undefined;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < requests.rows; i++) {
    const start = starts[i] as number;
    if (Number.isNaN(start)) continue;
    const e2e = requests.e2eMs?.[i] ?? Number.NaN;
    first = Math.min(first, start);
    last = Math.max(last, start + (Number.isNaN(e2e) ? 0 : e2e / 1000));
  }
  if (!(last > first)) return undefined;
  return { first, last, epoch: first >= EPOCH_FLOOR_S };
}
