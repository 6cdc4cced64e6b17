import { describe, expect, it } from "vitest";
import { devicesCsv } from "../../../src/formats/system/devices-csv.ts";
import type { MetricEstimate } from "../../../src/measure/metric.ts";
import { devicesCoverage } from "../../../src/measure/system/device-metrics.ts";
import { textFile } from "../../formats/quality/quality-test-helpers.ts";
import { qualityInput } from "../quality/quality-test-input.ts";

const devices = devicesCsv.parse(
  textFile("devices.csv", "device,share,passed\nA,0.30,1\nB,0.20,1\nC,0.10,1\nD,0.05,0\nE,0.05,0\n"),
);

describe("devices.coverage", () => {
  it("is the share of listed device models that passed, with a Wilson bound", () => {
    const result = devicesCoverage.evaluate(qualityInput({ candidate: devices })) as MetricEstimate;
    // Wilson 3/5 at 95 %, textbook formula in Python
    expect(result.value).toBe(0.6);
    expect(result.low).toBeCloseTo(0.23072428127601297, 9);
    expect(result.high).toBeCloseTo(0.8823792257673521, 9);
    expect(result.method).toBe(
      "3 of 5 device models passed; users' share on passing models 0.6 of the 0.7 the list covers; Wilson score bound over device models",
    );
  });

  it("weights by users' share when the claim declares it", () => {
    const result = devicesCoverage.evaluate(
      qualityInput({ candidate: devices }, "none", { weight: "share" }),
    ) as MetricEstimate;
    expect(result.value).toBeCloseTo(0.6 / 0.7, 12);
    expect(result.low).toBe(result.value);
  });

  it("is missing without a device list", () => {
    expect(devicesCoverage.evaluate(qualityInput({}))).toEqual({
      unavailable: "missing",
      reason:
        "No device list was submitted; `claimcheck template devices` prints its header (device, share, passed, speed).",
      reasonRef: { key: "missing.devices" },
    });
  });
});
