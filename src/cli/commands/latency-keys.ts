import type { RequestColumnKey } from "../../model/evidence.ts";

/** The latency columns every serving verify sorts (a worker thread sorts them while it parses). */
export const LATENCY_KEYS = [
  "ttftMs",
  "tpotMs",
  "itlMs",
  "e2eMs",
] as const satisfies ReadonlyArray<RequestColumnKey>;
