import { createFinding } from "../../model/create-finding.ts";
import type { EvidenceFile } from "../../model/evidence.ts";
import type { DeviceRow, QualityEvidence } from "../../model/quality.ts";
import type { QualityAdapter } from "../quality/quality-adapter.ts";
import { readCanonicalCsv } from "../text/canonical-rows.ts";
import type { ColumnSpec } from "../text/column-spec.ts";
import { detectColumns } from "../text/header-detect.ts";

/** The canonical `devices` CSV kind: one device model of the app's device list per row. */
export const DEVICE_COLUMNS: readonly ColumnSpec[] = [
  { name: "device", required: true, unit: "", description: "device model, e.g. Redmi Note 12" },
  {
    name: "share",
    required: false,
    unit: "fraction",
    description: "share of the app's users on this model, as a fraction",
  },
  {
    name: "passed",
    required: true,
    unit: "",
    description: "1/0, true/false or pass/fail: the SDK ran the model on it",
  },
  { name: "speed", required: false, unit: "tokens/s", description: "decode speed measured on the device" },
];

export const devicesCsv: QualityAdapter = {
  id: "devices-csv",
  title: "claimcheck devices CSV",
  kind: "devices",
  detect: detectColumns("device", "passed"),
  parse: parseDevicesCsv,
};

// --- internal ---

function parseDevicesCsv(file: EvidenceFile): QualityEvidence {
  const devices: DeviceRow[] = [];
  const read = readCanonicalCsv(file.path, file.bytes, "devices", DEVICE_COLUMNS, (row) => {
    const passed = row.flag("passed");
    const share = row.number("share", "fraction");
    if (share < 0 || share > 1)
      row.add(
        createFinding(
          "DEVICES_BAD_SHARE",
          "error",
          `share ${share} is outside [0, 1]; write market share as a fraction (0.12, not 12).`,
          { path: file.path, line: row.line, column: "share" },
          { share },
        ),
      );
    if (passed === undefined) return;
    devices.push({
      device: row.text("device"),
      share,
      passed,
      speed: row.number("speed", "tokens/s"),
      line: row.line,
    });
  });
  const findings = [...read.findings];
  const total = devices.reduce((s, d) => s + (Number.isNaN(d.share) ? 0 : d.share), 0);
  if (total > 1 + 1e-6)
    findings.push(
      createFinding(
        "DEVICES_SHARE_OVER_ONE",
        "error",
        `The shares add up to ${Number(total.toFixed(4))}, more than 1; each device model's share of users must be a fraction of the same whole.`,
        { path: file.path, column: "share" },
        { value: Number(total.toFixed(4)) },
      ),
    );
  return { format: devicesCsv.id, kind: "devices", rows: read.rows, devices, findings };
}
