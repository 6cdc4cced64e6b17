import type { DeviceRow, QualityEvidence } from "../../model/quality.ts";
import { findEvidence } from "../find-evidence.ts";
import type { MetricDefinition } from "../metric.ts";
import { show } from "../stats/paired-change.ts";
import { boundSamplesNeeded } from "../stats/paired-resample.ts";
import { wilsonInterval } from "../stats/proportion.ts";

/**
 * `devices.coverage`: the share of the listed device models the SDK ran on, with a Wilson bound (the
 * list is read as a sample of the app's device models). With the claim condition `weight: share`, the
 * users' share on passing models instead, as declared (no sampling bound). The method always states
 * both readings and how much of the user base the list covers.
 */
export const devicesCoverage: MetricDefinition = {
  id: "devices.coverage",
  unit: "fraction",
  better: "higher",
  evaluate(input) {
    const evidence: QualityEvidence | undefined = findEvidence(input, "devices", "candidate");
    const devices = evidence?.devices;
    if (devices === undefined || devices.length === 0)
      return {
        unavailable: "missing",
        reason:
          "No device list was submitted; `claimcheck template devices` prints its header (device, share, passed, speed).",
        reasonRef: { key: "missing.devices" },
      };
    const passed = devices.filter((d) => d.passed).length;
    const n = devices.length;
    const shares = shareSummary(devices);
    const byShare = input.conditions.weight === "share";
    if (byShare && shares === undefined)
      return {
        unavailable: "invalid",
        reason: "Coverage by share was declared but the device list has no share on every row.",
        reasonRef: { key: "invalid.devices_no_share" },
      };
    const value = byShare && shares !== undefined ? shares.passed / shares.listed : passed / n;
    const bound = byShare ? { low: value, high: value } : wilsonInterval(passed, n, input.confidence);
    const shareText =
      shares === undefined
        ? "no market shares given"
        : `users' share on passing models ${show(shares.passed)} of the ${show(shares.listed)} the list covers`;
    return {
      value,
      low: bound.low,
      high: bound.high,
      n,
      method: `${passed} of ${n} device models passed; ${shareText}; ${byShare ? "share-weighted as declared, no sampling bound" : "Wilson score bound over device models"}`,
      methodRef: {
        key: "method.device_coverage",
        params: {
          passed,
          n,
          shares: shares === undefined ? "none" : "some",
          share_passed: shares === undefined ? 0 : show(shares.passed),
          share_listed: shares === undefined ? 0 : show(shares.listed),
          weighting: byShare ? "share" : "wilson",
        },
      },
      nNeeded: boundSamplesNeeded(n, value, bound.low, bound.high),
    };
  },
};

// --- internal ---

function shareSummary(devices: DeviceRow[]): { passed: number; listed: number } | undefined {
  if (devices.some((d) => Number.isNaN(d.share))) return undefined;
  let passed = 0;
  let listed = 0;
  for (const d of devices) {
    listed += d.share;
    if (d.passed) passed += d.share;
  }
  return listed > 0 ? { passed, listed } : undefined;
}
