import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { busbwUtilization, collectiveBusbw } from "../../../src/measure/collective/collective-metrics.ts";
import type { MeasureInput } from "../../../src/measure/metric.ts";
import type { CollectiveTest } from "../../../src/model/collective.ts";
import type { ParsedEvidence } from "../../../src/model/evidence.ts";
import { parseHardwareCatalog } from "../../../src/read/read-hardware.ts";
import { allReduce } from "./all-reduce-log.ts";

const catalog = parseHardwareCatalog(
  readFileSync(new URL("../../../hardware/catalog.csv", import.meta.url), "utf8"),
  "hardware/catalog.csv",
);

/** An all_reduce on `ranks` ranks whose busbw is `busbw(size)` GB/s at sizes 256 MiB … 4 GiB. */

const input = (candidate: ParsedEvidence, more: Partial<MeasureInput> = {}): MeasureInput => ({
  evidence: { candidate },
  system: { accelerators: [{ model: "nvidia-h100-sxm", count: 8 }], software: {} },
  confidence: 0.9,
  seed: 1,
  percentileMethod: "linear",
  comparison: "none",
  conditions: {},
  collective: "all_reduce",
  hardware: catalog,
  ...more,
});

const plateau = (peak: number) => (size: number) => (peak * size) / (size + 2 ** 26);

describe("busbw.utilization", () => {
  it("divides the window's median busbw by the accelerator's own link rate from the catalog", () => {
    const result = busbwUtilization.evaluate(input(allReduce(8, plateau(380))));
    // Window ≥ 1 GiB: 1, 2, 4 GiB → busbw 380·16/17, 380·32/33, 380·64/65 = 357.6, 368.5, 374.2; median 368.5 / 450.
    expect(
      "value" in result ? [Number(result.value.toFixed(4)), result.n, result.low === result.value] : result,
    ).toEqual([0.8189, 3, true]);
  });

  it("refuses busbw above the line rate unless in-network reduction is declared, and then will not pass it", () => {
    const above = allReduce(8, plateau(490));
    const refused = busbwUtilization.evaluate(input(above));
    const declared = busbwUtilization.evaluate(
      input(above, {
        system: {
          accelerators: [{ model: "nvidia-h100-sxm", count: 8 }],
          software: {},
          in_network_reduction: "nvls",
        },
      }),
    );
    expect([
      "unavailable" in refused ? refused.unavailable : "",
      "unavailable" in refused ? refused.findings?.map((f) => f.code) : [],
    ]).toEqual(["invalid", ["BUSBW_ABOVE_LINE_RATE"]]);
    expect(
      "partial" in declared &&
        declared.partial?.startsWith("busbw exceeds the line rate through in-network reduction (nvls)"),
    ).toBe(true);
  });

  it("explains a claim that used the footer average or a doubled busbw", () => {
    const result = busbwUtilization.evaluate(
      input(allReduce(4, plateau(45)), { conditions: { link: "nvidia-connectx-7" } }),
    );
    if ("unavailable" in result) throw new Error(result.reason);
    const doubled = result.explainClaim?.(result.value * 200)?.message ?? "";
    const footer =
      result.explainClaim?.(
        ((allReduce(4, plateau(45)).collective?.tests[0]?.footerBusbw?.value ?? 0) / 50) * 100,
      )?.message ?? "";
    expect([doubled.includes("busbw doubled"), footer.includes("footer")]).toEqual([true, true]);
  });

  it("says the window is empty when the sweep stops below 1 GiB", () => {
    const small = allReduce(8, plateau(380));
    const test = small.collective?.tests[0] as CollectiveTest;
    test.rows = test.rows.filter((r) => r.sizeBytes < 2 ** 30);
    const result = busbwUtilization.evaluate(input(small));
    expect("unavailable" in result ? result.reason : "").toMatch(
      /^The sweep stops at 512 MiB, below the 1 GiB window/,
    );
  });
});

describe("collective.busbw loss", () => {
  it("is 1 − candidate / baseline of the window medians", () => {
    const result = collectiveBusbw.evaluate(
      input(allReduce(8, plateau(300)), {
        evidence: { candidate: allReduce(8, plateau(300)), baseline: allReduce(8, plateau(375)) },
        comparison: "loss",
        baselineRole: "baseline",
      }),
    );
    expect("value" in result ? Number(result.value.toFixed(6)) : result).toEqual(0.2);
  });
});
