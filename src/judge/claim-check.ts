import type { Claim } from "../model/manifest.ts";

export interface ClaimCheck {
  value: number;
  consistent: boolean;
  tolerance: number;
  conditions?: Claim["conditions"];
}

/**
 * A claim agrees with the recomputed value when it is within `tolerance` (relative) of it, or within
 * half a unit of the claim's last written digit — "18 %" is a fair statement of 18.4 %, whatever the
 * relative tolerance says about values near zero.
 */
export function compareClaim(claim: Claim, measured: number, tolerance: number): ClaimCheck {
  const allowed = Math.max(tolerance * Math.abs(measured), halfLastDigit(claim.value));
  const consistent = Math.abs(claim.value - measured) <= allowed + 1e-12;
  const check: ClaimCheck = { value: claim.value, consistent, tolerance };
  if (claim.conditions !== undefined) check.conditions = claim.conditions;
  return check;
}

// --- internal ---

function halfLastDigit(value: number): number {
  const text = String(value);
  if (text.includes("e")) return 0;
  const decimals = text.includes(".") ? (text.split(".")[1] as string).length : 0;
  return 0.5 * 10 ** -decimals;
}
