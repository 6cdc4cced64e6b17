import type { CollectiveRow } from "../../model/collective.ts";
import { createFinding } from "../../model/create-finding.ts";
import type { Finding } from "../../model/finding.ts";

/**
 * Which unit an HCCL Test file's `alg_bandwidth(GB/s)` column really is. The source in
 * hicann/oam-tools (`hccl_opbase_rootinfo_base.h`) has `B_US_TO_GB_S = 1.0E6 / 1.0E9` (GB = 1e9 B),
 * but Huawei's documented result example (same repository, `docs/zh/hccl_test/execution.md`) is in
 * GiB/s: 8192 B / 764.55 us = 0.010715 GB/s, printed 0.00998 = 0.010715 / 1.073741824. When every
 * checkable row matches size / time in GiB/s and not in GB/s, the rows' algbw is converted to GB/s in
 * place (the unit every other collective number uses) and an info finding says so; otherwise the rows
 * are left as printed and `judge/collective-plausibility.ts` checks them as GB/s.
 */
export function readHcclBandwidthUnit(rows: CollectiveRow[], path: string): Finding[] {
  // Five decimals are printed: below 0.01 GB/s the rounding hides a 7 % unit difference.
  const checkable = rows.filter((r) => r.timeUs > 0 && r.algbw >= 0.01);
  if (checkable.length === 0) return [];
  const gb = (r: CollectiveRow) => r.sizeBytes / (r.timeUs * 1e3);
  const near = (printed: number, expected: number) =>
    Math.abs(printed - expected) <= Math.max(0.005 * expected, 0.00002);
  const inGib = checkable.every((r) => near(r.algbw, gb(r) / GIB_PER_GB));
  const inGb = checkable.some((r) => near(r.algbw, gb(r)));
  if (!inGib || inGb) return [];
  for (const row of rows) row.algbw *= GIB_PER_GB;
  const first = checkable[0] as CollectiveRow;
  return [
    createFinding(
      "HCCL_BANDWIDTH_GIB",
      "info",
      `alg_bandwidth is printed in GiB/s although its header says GB/s (e.g. ${first.sizeBytes} B in ${first.timeUs} us printed as ${round(first.algbw / GIB_PER_GB)}, which is size / time / 2^30); claimcheck reads it as GiB/s and works in GB/s (10^9 B/s) like nccl-tests.`,
      { path, line: first.line, column: "alg_bandwidth" },
      { size_bytes: first.sizeBytes, time_us: first.timeUs, value: round(first.algbw / GIB_PER_GB) },
    ),
  ];
}

// --- internal ---

const GIB_PER_GB = 2 ** 30 / 1e9;

function round(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}
