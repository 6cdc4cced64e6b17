import { createFinding } from "../model/create-finding.ts";
import type { Finding } from "../model/finding.ts";
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

/**
 * The finding for a claim that disagrees with the recomputed value. A claim written as a fraction
 * where the requirement is in percent (0.05 for a measured 5 %) is named as such (`CLAIM_AS_FRACTION`)
 * with the value to write, instead of a bare mismatch 100 times off.
 */
export function createClaimFinding(claim: Claim, measured: number, unit: string, tolerance: number): Finding {
  const shown = Number(measured.toPrecision(4));
  if (isFractionOfPercent(claim, measured, unit, tolerance)) {
    const percent = Number((claim.value * 100).toPrecision(12));
    return createFinding(
      "CLAIM_AS_FRACTION",
      "error",
      `Claimed ${claim.value}, but ${claim.requirement} is in ${unit} and the evidence gives ${shown} ${unit}: the claim looks like a fraction (${claim.value} = ${percent} ${unit}). Write it in ${unit === "%" ? "percent" : "percentage points"}: value: ${percent}.`,
      undefined,
      {
        value: claim.value,
        requirement: claim.requirement,
        unit,
        shown,
        unit2: unit,
        value2: claim.value,
        percent,
        unit3: unit,
        points: unit === "%" ? "percent" : "percentage points",
        percent2: percent,
      },
    );
  }
  return createFinding(
    "CLAIM_MISMATCH",
    "error",
    `Claimed ${claim.value} but the evidence gives ${shown} (tolerance ${tolerance * 100} % relative); correct the claim or submit the evidence it came from.`,
    undefined,
    { value: claim.value, shown, tolerance: tolerance * 100 },
  );
}

// --- internal ---

/** Percent and percentage points are 100 × a fraction: 0.05 written for 5 % agrees once scaled. */
function isFractionOfPercent(claim: Claim, measured: number, unit: string, tolerance: number): boolean {
  if ((unit !== "%" && unit !== "points") || claim.value === 0 || Math.abs(claim.value) > 1) return false;
  const scaled = Number((claim.value * 100).toPrecision(12));
  return compareClaim({ ...claim, value: scaled }, measured, tolerance).consistent;
}

function halfLastDigit(value: number): number {
  const text = String(value);
  if (text.includes("e")) return 0;
  const decimals = text.includes(".") ? (text.split(".")[1] as string).length : 0;
  return 0.5 * 10 ** -decimals;
}
