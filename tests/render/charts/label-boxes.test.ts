import { describe, expect, it } from "vitest";
import { computeClearOffset, overlaps } from "../../../src/render/charts/label-boxes.ts";

describe("computeClearOffset", () => {
  const area = { top: 0, bottom: 100 };
  const limitLabel = { left: 200, top: 40, width: 300, height: 16 };

  it("leaves a label where it is when it covers no other label", () => {
    expect(computeClearOffset({ left: 0, top: 40, width: 150, height: 16 }, [limitLabel], area)).toBe(0);
  });

  it("moves a label that covers the limit's label below it, or above when below leaves the chart", () => {
    const peak = { left: 150, top: 44, width: 300, height: 16 };
    const low = { ...peak, top: 78 };
    const lowLimit = { ...limitLabel, top: 80 };
    expect([computeClearOffset(peak, [limitLabel], area), computeClearOffset(low, [lowLimit], area)]).toEqual(
      [16, -16],
    );
  });

  it("gives up (0) when no place within six steps is clear", () => {
    const wall = { left: 0, top: 0, width: 1000, height: 100 };
    expect(computeClearOffset({ left: 10, top: 40, width: 50, height: 16 }, [wall], area)).toBe(0);
  });
});

describe("overlaps", () => {
  it("counts boxes that only touch at an edge as apart", () => {
    const a = { left: 0, top: 0, width: 10, height: 10 };
    expect([overlaps(a, { ...a, left: 10 }), overlaps(a, { ...a, left: 9, top: 9 })]).toEqual([false, true]);
  });
});
