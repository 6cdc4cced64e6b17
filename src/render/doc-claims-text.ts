import type { DocClaim } from "../model/report.ts";
import { formatNumber } from "./text-helpers.ts";

/** `docs/report.md:42:7` — where a document claim is, as editors and CI annotations read it. */
export function formatDocClaimWhere(claim: DocClaim): string {
  return `${claim.path}:${claim.line}:${claim.column}`;
}

/** `-4.969 % [-14.02, 1.25]` — the recomputed value of the mark's requirement, with its bound. */
export function formatDocClaimMeasured(claim: DocClaim): string {
  const m = claim.measured;
  if (m === null || m.value === null) return "—";
  const unit = claim.unit === "%" ? " %" : claim.unit === null || claim.unit === "" ? "" : ` ${claim.unit}`;
  const bound = m.low === null && m.high === null ? "" : ` [${formatNumber(m.low)}, ${formatNumber(m.high)}]`;
  return `${formatNumber(m.value)}${unit}${bound}`;
}
