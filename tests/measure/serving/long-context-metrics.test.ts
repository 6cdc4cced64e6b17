import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseEvidence } from "../../../src/formats/parse-evidence.ts";
import type { MeasureInput } from "../../../src/measure/metric.ts";
import { longContextAccuracy } from "../../../src/measure/quality/long-context-accuracy.ts";
import { longContextTtft, maxInputTokens } from "../../../src/measure/serving/long-context-metrics.ts";
import { computePercentile } from "../../../src/measure/stats/percentile.ts";

// fixtures/5.1-pass: vLLM `bench serve --save-detailed` results of one trace (30 prompts at each of 8k,
// 32k, 64k and 128k tokens); the SOTA engine rejects prompts above 100,000 tokens.
const read = (name: string) => {
  const path = `fixtures/5.1-pass/${name}`;
  return parseEvidence({ path, bytes: readFileSync(new URL(`../../../${path}`, import.meta.url)) });
};
const candidate = read("candidate.json");
const sota = read("sota.json");
const raw = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../fixtures/5.1-pass/${name}`, import.meta.url), "utf8")) as {
    input_lens: number[];
    ttfts: number[];
    errors: string[];
  };

describe("long-context serving figures (5.1)", () => {
  it("reads the longest prompt served successfully, with the SOTA engine's beside it", () => {
    const result = maxInputTokens.evaluate(input("none"));
    const longest = (name: string) => {
      const r = raw(name);
      return Math.max(...r.input_lens.filter((_, i) => r.errors[i] === ""));
    };
    expect("unavailable" in result ? result : [result.value, result.candidate, result.baseline]).toEqual([
      longest("candidate.json"),
      longest("candidate.json"),
      longest("sota.json"),
    ]);
  });

  it("compares p99 TTFT at the longest context both engines served, not the candidate's own longest", () => {
    const result = longContextTtft.evaluate(input("improvement"));
    const p99 = (name: string, floor: number, ceiling: number) => {
      const r = raw(name);
      const values = r.ttfts
        .filter(
          (_, i) =>
            r.errors[i] === "" &&
            (r.input_lens[i] as number) >= floor &&
            (r.input_lens[i] as number) <= ceiling,
        )
        .map((s) => s * 1000);
      return computePercentile(Float64Array.from(values).sort(), 99, "linear");
    };
    const sotaRaw = raw("sota.json");
    const ceiling = Math.max(...sotaRaw.input_lens.filter((_, k) => sotaRaw.errors[k] === ""));
    const floor = Math.ceil(ceiling * 0.9);
    const c = p99("candidate.json", floor, ceiling);
    const b = p99("sota.json", floor, ceiling);
    expect(
      "unavailable" in result
        ? result
        : [
            round(result.value),
            round(result.candidate ?? Number.NaN),
            round(result.baseline ?? Number.NaN),
            result.low,
            result.n,
          ],
    ).toEqual([
      round(1 - c / b),
      round(c),
      round(b),
      // 30 requests a side are too few for an order-statistic bound of p99.
      null,
      30,
    ]);
  });

  it("averages the LongBench tasks of an lm-eval results file, each on its one metric", () => {
    const accuracy = read("longbench.json");
    const result = longContextAccuracy.evaluate({ ...input("none"), evidence: { candidate: accuracy } });
    const scores = Object.values(
      JSON.parse(readFileSync(new URL("../../../fixtures/5.1-pass/longbench.json", import.meta.url), "utf8"))
        .results as Record<string, Record<string, number | string>>,
    ).map(
      (r) => Object.entries(r).find(([k]) => k.endsWith(",none") && !k.includes("stderr"))?.[1] as number,
    );
    expect("unavailable" in result ? result : [round(result.value), result.n > 0]).toEqual([
      round(scores.reduce((a, b) => a + b, 0) / scores.length),
      true,
    ]);
  });
});

// --- internal ---

function input(comparison: MeasureInput["comparison"]): MeasureInput {
  return {
    evidence: { candidate, sota },
    system: { accelerators: [] } as unknown as MeasureInput["system"],
    confidence: 0.95,
    seed: 20240,
    percentileMethod: "linear",
    comparison,
    baselineRole: "sota",
    conditions: {},
  };
}

function round(value: number): number {
  return Number(value.toPrecision(8));
}
