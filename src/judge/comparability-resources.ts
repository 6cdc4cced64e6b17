import { costColumns, sharedCostColumn } from "../measure/system/cost-metrics.ts";
import { createFinding } from "../model/create-finding.ts";
import type { CostScenario } from "../model/evidence.ts";
import type { Finding } from "../model/finding.ts";
import type { MessageRef } from "../model/message.ts";
import type { ComparedSide } from "./comparability.ts";

const COLUMN_NAMES = { cost: "cost (CNY)", gpuHours: "gpu_hours (GPU-hours)" } as const;

/** The cost columns a file fills on every row, as a catalog message (`cost_columns.filled`). */
function columnsRef(costs: CostScenario[], text: string): MessageRef {
  const filled = costColumns(costs);
  const which =
    filled.length === 2
      ? "both"
      : filled[0] === "cost"
        ? "cost"
        : filled[0] === "gpuHours"
          ? "gpu_hours"
          : "none";
  return { key: "cost_columns.filled", params: { which }, text };
}

/**
 * Cost files: one column both give on every row, so CNY is compared with CNY and GPU-hours with
 * GPU-hours (a file with only gpu_hours against one with only cost read as a 97.9 % saving); and the
 * same traffic scenarios, since a cost per request depends on the traffic mix.
 */
export function compareCostFiles(candidate: ComparedSide, baseline: ComparedSide): Finding[] {
  const c = candidate.evidence.costs;
  const b = baseline.evidence.costs;
  if (c === undefined || b === undefined) return [];
  if (sharedCostColumn(c, b) === undefined) {
    const has = (costs: CostScenario[]) =>
      costColumns(costs)
        .map((k) => COLUMN_NAMES[k])
        .join(" and ") || "neither cost nor gpu_hours on every row";
    return [
      createFinding(
        "COMPARE_UNIT_MISMATCH",
        "error",
        `The candidate cost file (${candidate.path}) gives ${has(c)} and the ${baseline.role} (${baseline.path}) ${has(b)}: there is no common unit to compare; fill the same column (cost in one currency, or gpu_hours) on every row of both files.`,
        { path: baseline.path, line: 1 },
        {
          path: candidate.path,
          has: columnsRef(c, has(c)),
          role: baseline.role,
          path2: baseline.path,
          has2: columnsRef(b, has(b)),
        },
      ),
    ];
  }
  const names = (costs: CostScenario[]) => new Set(costs.map((s) => s.scenario));
  const [cs, bs] = [names(c), names(b)];
  const onlyC = [...cs].filter((s) => !bs.has(s));
  const onlyB = [...bs].filter((s) => !cs.has(s));
  if (onlyC.length === 0 && onlyB.length === 0) return [];
  return [
    createFinding(
      "COMPARE_SCENARIOS_DIFFER",
      "warning",
      `The candidate cost file (${candidate.path}) and the ${baseline.role} (${baseline.path}) cover different scenarios (only in the candidate: ${list(onlyC)}; only in the baseline: ${list(onlyB)}); price the same traffic scenarios in both.`,
      { path: baseline.path, line: 1, column: "scenario" },
      {
        path: candidate.path,
        role: baseline.role,
        path2: baseline.path,
        list: list(onlyC),
        list2: list(onlyB),
      },
    ),
  ];
}

/**
 * GPU timelines (1.2's utilization gain): the same number of GPUs. The sampling interval may differ:
 * the start-up metric sums each GPU once, at its latest reading (`memory-metrics.ts#peakTotalUsed`).
 */
export function compareMemoryTimelines(candidate: ComparedSide, baseline: ComparedSide): Finding[] {
  const c = candidate.evidence.memory;
  const b = baseline.evidence.memory;
  if (c === undefined || b === undefined) return [];
  const [nc, nb] = [new Set(c.gpu).size, new Set(b.gpu).size];
  if (nc === nb) return [];
  return [
    createFinding(
      "COMPARE_WORLD_SIZE_MISMATCH",
      "error",
      `The candidate timeline (${candidate.path}) samples ${nc} GPU(s) and the ${baseline.role} (${baseline.path}) ${nb}: utilization of different GPU sets is no comparison; record both runs on the same GPUs.`,
      { path: baseline.path, line: 1, column: "index" },
      {
        variant: "comparability_resources_1",
        path: candidate.path,
        nc,
        role: baseline.role,
        path2: baseline.path,
        nb,
      },
    ),
  ];
}

// --- internal ---

function list(items: string[]): string {
  return items.length === 0 ? "none" : items.map((s) => `"${s}"`).join(", ");
}
