import type { Finding } from "../model/finding.ts";
import type { RequirementResult } from "../model/report.ts";
import { UNIT_SUSPECT_CODE } from "./latency-units.ts";
import { reasonRef, withReason } from "./reason-ref.ts";

/**
 * A requirement measured on a column whose values look like another unit (`LATENCY_UNIT_SUSPECT`)
 * is not passed: at best `inconclusive`, with the reason. A fail stays a fail, and every other
 * verdict is left as it is. A team whose times really are that small (data-plane failover switches
 * paths in microseconds, which in ms looks exactly like seconds) says so in its claim's conditions,
 * `latency_unit: ms`; the warning stays in the report for the officer to weigh.
 */
export function capUnitSuspects(
  result: RequirementResult,
  findings: readonly Finding[],
  conditions: Readonly<Record<string, unknown>> = {},
): RequirementResult {
  if ((result.verdict !== "pass" && result.verdict !== "reported") || conditions.latency_unit === "ms")
    return result;
  const columns = readsColumns(result.metric ?? "");
  const suspects = findings.filter(
    (f) => f.code === UNIT_SUSPECT_CODE && columns.includes(f.location?.column ?? ""),
  );
  const first = suspects[0];
  if (first === undefined) return result;
  const where = `${first.location?.column} in ${first.location?.path}`;
  return withReason(
    {
      ...result,
      verdict: "inconclusive",
      reason: `${result.reason} But ${where} looks like another unit than milliseconds (see ${UNIT_SUSPECT_CODE}), so this is not a pass; fix the column's unit and run again (or, if the values really are milliseconds, declare latency_unit: ms in the claim's conditions).`,
    },
    "reason.unit_suspect",
    { reason: reasonRef(result), column: first.location?.column ?? "", path: first.location?.path ?? "" },
  );
}

/** The latency columns a metric reads, by metric id. */
export function readsColumns(metric: string): readonly string[] {
  const prefix = Object.keys(READS).find((p) => metric === p || metric.startsWith(`${p}.`));
  return prefix === undefined ? [] : (READS[prefix] ?? []);
}

// --- internal ---

const READS: Readonly<Record<string, readonly string[]>> = {
  ttft_ms: ["ttft_ms"],
  "long_context.ttft_ms": ["ttft_ms"],
  tpot_ms: ["tpot_ms"],
  e2e_ms: ["e2e_ms"],
  "outcomes.latency_ms": ["latency_ms"],
  // The run's span ends at the last send + its E2E.
  request_throughput: ["e2e_ms"],
  output_token_throughput: ["e2e_ms"],
  goodput: ["ttft_ms", "tpot_ms", "e2e_ms"],
};
