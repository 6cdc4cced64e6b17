import { describe, expect, it } from "vitest";
import { devicesCsv } from "../../../src/formats/system/devices-csv.ts";
import { textFile } from "../quality/quality-test-helpers.ts";

describe("devices-csv", () => {
  it("reads device, share, pass/fail and speed", () => {
    const parsed = devicesCsv.parse(
      textFile("devices.csv", "device,share,passed,speed\nRedmi Note 12,0.12,pass,9.5\niPhone 13,0.08,0,\n"),
    );
    expect([parsed.devices, parsed.findings]).toEqual([
      [
        { device: "Redmi Note 12", share: 0.12, passed: true, speed: 9.5, line: 2 },
        { device: "iPhone 13", share: 0.08, passed: false, speed: Number.NaN, line: 3 },
      ],
      [],
    ]);
  });

  it("reports an unreadable pass flag, a percent share and shares above one", () => {
    const parsed = devicesCsv.parse(textFile("d.csv", "device,share,passed\nA,60,yes\nB,0.5,maybe\n"));
    expect(parsed.findings.map((f) => [f.code, f.location?.line, f.location?.column])).toEqual([
      ["DEVICES_BAD_SHARE", 2, "share"],
      ["CSV_BAD_FLAG", 3, "passed"],
      ["DEVICES_SHARE_OVER_ONE", undefined, "share"],
    ]);
  });
});
