import { describe, expect, it } from "vitest";
import { quantityParam, targetParam, unitSuffixParam } from "../../src/judge/target-text.ts";
import type { MessageParam } from "../../src/model/message.ts";
import type { TargetRequirement } from "../../src/model/topic.ts";
import { formatMessage } from "../../src/render/catalog/index.ts";

/** As topics/5.6.yaml writes "单次人群圈选资源消耗约 1CU": ≤ 1 CU within 20 %. */
const aboutOneCu: TargetRequirement = {
  id: "5.6/cu-per-selection",
  kind: "target",
  title: { en: "About 1 CU per selection", zh: "单次人群圈选资源消耗约 1CU" },
  provenance: "seed",
  metric: "cost.cu_per_selection",
  comparison: "none",
  op: "<=",
  value: 1,
  unit: "CU",
  tolerance: { percent: 20, provenance: "program" },
  evidence: ["cost"],
} as TargetRequirement;

describe("values and targets as a reason quotes them", () => {
  it("keeps a symbol unit as text and makes a word unit a message, the same English either way", () => {
    const points = quantityParam(-0.06667, "points");
    expect([quantityParam(12.5, "%"), quantityParam(3, "ms"), points, inBoth(points)]).toEqual([
      "12.5 %",
      "3 ms",
      {
        key: "quantity.unit",
        params: { value: -0.06667, unit: { key: "unit.points", text: "points" } },
        text: "-0.06667 points",
      },
      ["-0.06667 points", "-0.06667 个百分点"],
    ]);
    expect([unitSuffixParam("GiB"), inBoth(unitSuffixParam("bits"))]).toEqual([" GiB", [" bits", " 比特"]]);
  });

  it("states a tolerance and the limit it moves the target to", () => {
    const target = targetParam(aboutOneCu, 1.2);
    expect([target.text, inBoth(target.param)]).toEqual([
      "≤ 1 CU (within 20 %: 1.2)",
      ["≤ 1 CU (within 20 %: 1.2)", "≤ 1 CU（容差 20 %，即 1.2）"],
    ]);
    const points = targetParam(
      { ...aboutOneCu, op: ">=", value: -0.5, unit: "points", tolerance: undefined },
      -0.5,
    );
    expect([points.text, inBoth(points.param)]).toEqual([
      "≥ -0.5 points",
      ["≥ -0.5 points", "≥ -0.5 个百分点"],
    ]);
  });
});

// --- internal ---

function inBoth(param: MessageParam): string[] {
  return (["en", "zh"] as const).map((lang) => formatMessage("reason.text", { text: param }, lang));
}
