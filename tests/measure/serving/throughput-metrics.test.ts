import { describe, expect, it } from "vitest";
import { ServingRequestsBuilder } from "../../../src/formats/serving/serving-columns.ts";
import type { MeasureInput } from "../../../src/measure/metric.ts";
import { successRate } from "../../../src/measure/serving/success-metrics.ts";
import { THROUGHPUT_METRICS } from "../../../src/measure/serving/throughput-metrics.ts";
import type { ParsedEvidence } from "../../../src/model/evidence.ts";
import { renderMessage } from "../../../src/render/catalog/index.ts";

// Four requests sent at 0, 1, 2, 3 s; the last one failed. The run ends when request 3 completes at 3.5 s.
function log(): ParsedEvidence {
  const builder = new ServingRequestsBuilder();
  builder.add({ requestId: "a", startS: 0, ttftMs: 100, e2eMs: 500, outputTokens: 10 });
  builder.add({ requestId: "b", startS: 1, ttftMs: 300, e2eMs: 900, outputTokens: 20 });
  builder.add({ requestId: "c", startS: 2, ttftMs: 120, e2eMs: 1500, outputTokens: 30 });
  builder.add({ requestId: "d", startS: 3, e2eMs: 500, ok: false });
  const requests = builder.build();
  return { format: "test", kind: "serving-requests", rows: requests.rows, requests, findings: [] };
}

const input = (
  conditions: MeasureInput["conditions"] = {},
  comparison: MeasureInput["comparison"] = "none",
): MeasureInput => ({
  evidence: { candidate: log(), baseline: log() },
  system: { accelerators: [], software: {} },
  confidence: 0.95,
  seed: 1,
  percentileMethod: "linear",
  comparison,
  conditions,
});

const value = (id: string, conditions?: MeasureInput["conditions"]) => {
  const result = THROUGHPUT_METRICS.find((m) => m.id === id)?.evaluate(input(conditions));
  return result !== undefined && "value" in result ? result.value : result;
};

describe("throughput metrics", () => {
  it("count completed requests and their tokens over the span from the first send to the last completion", () => {
    // 3 completed over 3.5 s; 60 tokens over 3.5 s
    expect([value("request_throughput"), value("output_token_throughput")]).toEqual([3 / 3.5, 60 / 3.5]);
  });

  it("count only requests within the declared SLO as goodput, and ask for an SLO when none is declared", () => {
    expect(value("goodput", { slo_ttft_ms: 200 })).toBe(2 / 3.5);
    expect(value("goodput")).toEqual({
      unavailable: "missing",
      reason: "Goodput needs an SLO: declare slo_ttft_ms and/or slo_tpot_ms in the claim's conditions.",
      reasonRef: { key: "missing.goodput_slo" },
    });
  });
});

describe("the method line of a rate", () => {
  it("is stored in English and renders from its key in English and Chinese", () => {
    const method = (comparison: MeasureInput["comparison"]) => {
      const metric = THROUGHPUT_METRICS.find((m) => m.id === "request_throughput");
      const result = metric?.evaluate({ ...input({}, comparison), baselineRole: "baseline" });
      if (result === undefined || !("value" in result) || result.methodRef === undefined) return result;
      return [
        result.method,
        ...(["en", "zh"] as const).map((l) => renderMessage(result.methodRef ?? {}, "", l)),
      ];
    };
    expect([method("none"), method("improvement")]).toEqual([
      [
        "3 over 3.5 s from the first send to the last completion; one run, no sampling bound",
        "3 over 3.5 s from the first send to the last completion; one run, no sampling bound",
        "共 3，历时 3.5 s（从第一个请求发出到最后一个请求完成）；单次运行，无抽样置信界",
      ],
      [
        "request_throughput 0.86 vs baseline 0.86 req/s; one run each, no sampling bound",
        "request_throughput 0.86 vs baseline 0.86 req/s; one run each, no sampling bound",
        "request_throughput：候选 0.86，基线 0.86 req/s；各为单次运行，无抽样置信界",
      ],
    ]);
  });
});

describe("success rate", () => {
  it("bounds the rate with Wilson and the difference from the baseline with Newcombe", () => {
    const absolute = successRate.evaluate(input());
    const delta = successRate.evaluate(input({}, "delta"));
    expect([
      "value" in absolute && absolute.value,
      "value" in delta && [
        delta.value,
        delta.low !== null && delta.low < 0,
        delta.high !== null && delta.high > 0,
      ],
    ]).toEqual([0.75, [0, true, true]]);
  });
});
