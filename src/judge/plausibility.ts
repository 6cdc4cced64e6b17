import { FindingCollector } from "../formats/text/column-spec.ts";
import { findDuplicateRequests } from "../measure/serving/request-index.ts";
import { createFinding } from "../model/create-finding.ts";
import type { GpuMemorySamples, ItemOutcomes, ParsedEvidence, ServingRequests } from "../model/evidence.ts";
import type { Finding } from "../model/finding.ts";
import { checkCollectiveTable } from "./collective-plausibility.ts";
import { checkOutcomeUnits, checkReportedUnits } from "./latency-units.ts";
import { checkMeasuredNothing } from "./measured-nothing.ts";
import { checkRequestRows, RequestChecks } from "./request-plausibility.ts";

/** Physics and bookkeeping checks on parsed evidence; every finding points at its row. */
export function checkPlausibility(path: string, evidence: ParsedEvidence): Finding[] {
  const out = new FindingCollector();
  if (evidence.requestFindings !== undefined) return evidence.requestFindings;
  if (evidence.requests !== undefined) checkRequests(path, evidence.requests, out);
  if (evidence.memory !== undefined) checkMemory(path, evidence.memory, out);
  if (evidence.outcomes !== undefined) checkOutcomes(path, evidence.outcomes, out);
  for (const f of evidence.collective === undefined ? [] : checkCollectiveTable(path, evidence.collective))
    out.add(f);
  for (const f of checkMeasuredNothing(path, evidence)) out.add(f);
  if (evidence.outcomes !== undefined) for (const f of checkOutcomeUnits(path, evidence.outcomes)) out.add(f);
  if (evidence.requests === undefined && evidence.reported !== undefined)
    for (const f of checkReportedUnits(path, evidence.reported)) out.add(f);
  return out.finish(path);
}

// --- internal ---

function checkRequests(path: string, r: ServingRequests, out: FindingCollector): void {
  const checks = new RequestChecks(path, out);
  checkRequestRows(checks, r);
  checks.addDuplicates(r, findDuplicateRequests(r));
  checks.finish();
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
          { used, total },
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
          { utilization },
        ),
      );
    if (used < 0)
      out.add(
        createFinding(
          "MEMORY_NEGATIVE",
          "error",
          `memory.used ${used} MiB is negative; check the column.`,
          at("memory.used"),
          { used },
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
          { gpu },
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
          { value: (o.itemId[i] ?? "").slice(0, 40) },
        ),
      );
    }
    seen.add(key);
  }
}

function location(path: string, line: number, column: string): Finding["location"] {
  return line > 0 ? { path, line, column } : { path, column };
}
