import { describe, expect, it } from "vitest";
import { trecQrels } from "../../../src/formats/quality/trec-qrels.ts";
import { trecRun } from "../../../src/formats/quality/trec-run.ts";
import { isUnavailable, type MetricEstimate, type MetricUnavailable } from "../../../src/measure/metric.ts";
import { resolveQualityMetric } from "../../../src/measure/quality/quality-metrics.ts";
import { textFile } from "../../formats/quality/quality-test-helpers.ts";
import { qualityInput } from "./quality-test-input.ts";

const candidate = trecRun.parse(
  textFile(
    "cand.run",
    "q1 Q0 a 1 3 c\nq1 Q0 b 2 2 c\nq2 Q0 c 1 3 c\nq2 Q0 x 2 2 c\nq3 Q0 y 1 3 c\nq3 Q0 e 2 2 c\n",
  ),
);
const baseline = trecRun.parse(
  textFile(
    "bm25.run",
    "q1 Q0 z 1 3 b\nq1 Q0 a 2 2 b\nq2 Q0 d 1 3 b\nq2 Q0 c 2 2 b\nq3 Q0 y 1 3 b\nq3 Q0 w 2 2 b\nq4 Q0 f 1 1 b\n",
  ),
);
const qrels = trecQrels.parse(
  textFile("qrels", "q1 0 a 1\nq1 0 b 1\nq2 0 c 2\nq2 0 d 1\nq3 0 e 1\nq4 0 f 1\n"),
);
const ndcg = resolveQualityMetric("retrieval.ndcg@10");

const estimate = (result: ReturnType<NonNullable<typeof ndcg>["evaluate"]>): MetricEstimate => {
  if (isUnavailable(result)) throw new Error(result.reason);
  return result;
};

describe("retrieval.ndcg@10", () => {
  // Per-query nDCG@10 by hand in numpy: candidate [1, 0.76019, 0.63093, 0], baseline [0.38685, 0.85972, 0, 1].
  it("averages over every qrels query, scoring the one the candidate missed as 0, and says so", () => {
    const result = estimate(ndcg?.evaluate(qualityInput({ candidate, qrels })) as MetricEstimate);
    expect(result.value).toBeCloseTo(0.5977793217508316, 12);
    expect(result.n).toBe(4);
    expect(result.method).toBe(
      "ndcg_cut_10 with trec_eval -c semantics (linear gain, ties by docno, unjudged = non-relevant, relevance level 1); bootstrap over 4 queries, 10000 resamples, seed 20240",
    );
    expect(result.findings?.map((f) => [f.code, f.severity])).toEqual([
      ["RETRIEVAL_QUERIES_MISSING", "warning"],
    ]);
  });

  it("measures the improvement as the ratio of mean nDCG over the baseline run, with a paired bootstrap", () => {
    const result = estimate(
      ndcg?.evaluate(qualityInput({ candidate, baseline, qrels }, "improvement")) as MetricEstimate,
    );
    expect(result.value).toBeCloseTo(0.06434060944003894, 12);
    expect(result.candidate).toBeCloseTo(0.5977793217508316, 12);
    expect(result.baseline).toBeCloseTo(0.5616428767716847, 12);
    expect((result.low as number) <= result.value && result.value <= (result.high as number)).toBe(true);
  });

  it("gives the same bound for the same seed, so reports are reproducible", () => {
    const input = qualityInput({ candidate, baseline, qrels }, "improvement");
    const a = estimate(ndcg?.evaluate(input) as MetricEstimate);
    const b = estimate(ndcg?.evaluate(input) as MetricEstimate);
    expect([a.low, a.high]).toEqual([b.low, b.high]);
  });

  it("is missing without qrels, and without a baseline run for an improvement", () => {
    expect(ndcg?.evaluate(qualityInput({ candidate }))).toEqual({
      unavailable: "missing",
      reason:
        "No qrels were submitted; add evidence.qrels (qid iter docno rel), the judgments both runs are scored with.",
      reasonRef: { key: "missing.retrieval_qrels" },
    });
    expect(
      isUnavailable(ndcg?.evaluate(qualityInput({ candidate, qrels }, "improvement")) as MetricEstimate),
    ).toBe(true);
  });

  it("is invalid, not NaN, when the baseline run scores 0 on every query", () => {
    const nothing = trecRun.parse(textFile("none.run", "q1 Q0 zz 1 1 b\n"));
    const result = ndcg?.evaluate(qualityInput({ candidate, baseline: nothing, qrels }, "improvement"));
    const unavailable = result as MetricUnavailable;
    expect([unavailable.unavailable, unavailable.reason, unavailable.findings?.map((f) => f.code)]).toEqual([
      "invalid",
      "The baseline scores 0, so a relative change over it is undefined; check that both sides were scored on the same items and judgments.",
      ["RETRIEVAL_QUERIES_MISSING", "RETRIEVAL_QUERIES_MISSING"],
    ]);
  });

  it("resolves parametric ids and rejects malformed ones", () => {
    expect(resolveQualityMetric("retrieval.recall@20")?.id).toBe("retrieval.recall@20");
    expect(resolveQualityMetric("retrieval.p@5")?.better).toBe("higher");
    expect(resolveQualityMetric("retrieval.recall")).toBeUndefined();
    expect(resolveQualityMetric("retrieval.bleu@10")).toBeUndefined();
    expect(resolveQualityMetric("retrieval.ndcg@0")).toBeUndefined();
  });
});
