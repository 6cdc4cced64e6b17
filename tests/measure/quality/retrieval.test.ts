import { describe, expect, it } from "vitest";
import { trecQrels } from "../../../src/formats/quality/trec-qrels.ts";
import { trecRun } from "../../../src/formats/quality/trec-run.ts";
import {
  computeJudgedAt,
  evaluateRetrieval,
  formatTrecEvalLine,
  type RetrievalMeasure,
  type RetrievalOptions,
  rankTopic,
} from "../../../src/measure/quality/retrieval.ts";
import type { RetrievalQrels, RetrievalRun } from "../../../src/model/quality.ts";
import {
  hasQualitySamples,
  readQualitySample,
  readTrecEvalOutput,
  textFile,
} from "../../formats/quality/quality-test-helpers.ts";

const run = (text: string) => trecRun.parse(textFile("run", text)).retrievalRun as RetrievalRun;
const qrels = (text: string) => trecQrels.parse(textFile("qrels", text)).qrels as RetrievalQrels;
const perQuery = (r: RetrievalRun, q: RetrievalQrels, m: RetrievalMeasure, o?: RetrievalOptions) => {
  const scores = evaluateRetrieval(r, q, m, o);
  return Object.fromEntries(scores.qids.map((qid, i) => [qid, scores.values[i]]));
};

describe("trec_eval semantics on small cases", () => {
  it("breaks a tie in score by the larger docno first, so a cutoff between them decides", () => {
    const r = run("1 Q0 docA 1 0.5 r\n1 Q0 docB 2 0.5 r\n");
    const q = qrels("1 0 docA 1\n");
    expect(rankTopic(r.topics[0] as RetrievalRun["topics"][number])).toEqual(["docB", "docA"]);
    expect(perQuery(r, q, { name: "P", cutoff: 1 })).toEqual({ "1": 0 });
  });

  it("treats scores equal as C floats as ties, as trec_eval stores sim in a float", () => {
    // 1.00000001 and 1.00000002 round to the same float32, so docno decides: "b" before "a".
    const r = run("1 Q0 a 1 1.00000002 r\n1 Q0 b 2 1.00000001 r\n");
    expect(rankTopic(r.topics[0] as RetrievalRun["topics"][number])).toEqual(["b", "a"]);
  });

  it("ranks by score, not by the rank column", () => {
    const r = run("1 Q0 low 1 0.1 r\n1 Q0 high 2 0.9 r\n");
    expect(rankTopic(r.topics[0] as RetrievalRun["topics"][number])).toEqual(["high", "low"]);
  });

  it("scores a qrels query missing from the run as 0 and lists it (-c)", () => {
    const scores = evaluateRetrieval(run("1 Q0 a 1 1 r\n9 Q0 a 1 1 r\n"), qrels("1 0 a 1\n2 0 b 1\n"), {
      name: "ndcg",
      cutoff: 10,
    });
    expect({ ...scores, values: [...scores.values] }).toEqual({
      measure: "ndcg_cut_10",
      qids: ["1", "2"],
      values: [1, 0],
      missingFromRun: ["2"],
      withoutQrels: ["9"],
    });
  });

  it("divides P@k by k even when fewer documents were retrieved", () => {
    expect(perQuery(run("1 Q0 a 1 1 r\n"), qrels("1 0 a 1\n"), { name: "P", cutoff: 20 })).toEqual({
      "1": 0.05,
    });
  });

  it("computes Judged@k as the judged share of the top k", () => {
    const judged = computeJudgedAt(run("1 Q0 a 1 3 r\n1 Q0 x 2 2 r\n"), qrels("1 0 a 0\n2 0 b 1\n"), 2);
    expect([...judged]).toEqual([0.5, 0]);
  });

  it("prints lines in trec_eval's -q layout", () => {
    expect(formatTrecEvalLine("ndcg_cut_10", "301", 0.15181)).toBe("ndcg_cut_10           \t301\t0.1518");
  });
});

describe("pytrec_eval issue #38 inline example (full precision)", () => {
  // Values printed by pytrec_eval in https://github.com/cvangysel/pytrec_eval/issues/38.
  const r = run(
    "0 Q0 D0 1 0.8 r\n0 Q0 D2 2 0.7 r\n0 Q0 D1 3 0.3 r\n0 Q0 D3 4 0.4 r\n0 Q0 D4 5 0.1 r\n" +
      "1 Q0 D1 1 0.8 r\n1 Q0 D3 2 0.7 r\n1 Q0 D4 3 0.3 r\n1 Q0 D2 4 0.4 r\n1 Q0 D10 5 8.0 r\n",
  );
  const q = qrels("0 0 D0 0\n0 0 D1 1\n0 0 D2 1\n0 0 D3 1\n0 0 D4 0\n1 0 D0 1\n1 0 D3 2\n1 0 D5 2\n");

  it.each([
    [{ name: "map" } as RetrievalMeasure, 0.6388888888888888, 0.1111111111111111],
    [{ name: "ndcg", cutoff: 2 } as RetrievalMeasure, 0.38685280723454163, 0],
    [{ name: "ndcg", cutoff: 10 } as RetrievalMeasure, 0.7328286204777911, 0.26582598262939583],
    [{ name: "ndcg", cutoff: 100 } as RetrievalMeasure, 0.7328286204777911, 0.26582598262939583],
  ])("reproduces %o", (measure, q0, q1) => {
    const got = perQuery(r, q, measure);
    expect(got["0"]).toBeCloseTo(q0, 9);
    expect(got["1"]).toBeCloseTo(q1, 9);
  });
});

describe.skipIf(!hasQualitySamples)("trec_eval's own test outputs", () => {
  if (!hasQualitySamples) return;
  const results = trecRun.parse(readQualitySample("trec_eval/results.test")).retrievalRun as RetrievalRun;
  const binary = trecQrels.parse(readQualitySample("trec_eval/qrels.test")).qrels as RetrievalQrels;
  const graded = trecQrels.parse(readQualitySample("trec_eval/qrels.rel_level")).qrels as RetrievalQrels;

  /** Our value for every query and `all`, formatted as trec_eval prints it, beside the printed text. */
  const compare = (
    file: string,
    name: string,
    q: RetrievalQrels,
    measure: RetrievalMeasure,
    options?: RetrievalOptions,
  ) => {
    const printed = readTrecEvalOutput(file).get(name);
    const scores = evaluateRetrieval(results, q, measure, options);
    const mean = scores.values.reduce((a, b) => a + b, 0) / scores.values.length;
    const ours = new Map(scores.qids.map((qid, i) => [qid, (scores.values[i] as number).toFixed(4)]));
    ours.set("all", mean.toFixed(4));
    return { ours: Object.fromEntries(ours), printed: Object.fromEntries(printed ?? []) };
  };

  it.each([
    ["map", { name: "map" }],
    ["P_10", { name: "P", cutoff: 10 }],
    ["P_1000", { name: "P", cutoff: 1000 }],
    ["recall_100", { name: "recall", cutoff: 100 }],
    ["recall_1000", { name: "recall", cutoff: 1000 }],
    ["ndcg_cut_10", { name: "ndcg", cutoff: 10 }],
    ["ndcg_cut_1000", { name: "ndcg", cutoff: 1000 }],
    ["ndcg", { name: "ndcg" }],
    ["map_cut_100", { name: "map", cutoff: 100 }],
    ["recip_rank", { name: "recip_rank" }],
    ["success_10", { name: "success", cutoff: 10 }],
  ] as Array<[string, RetrievalMeasure]>)(
    "reproduces %s of out.test.aq for each topic and all",
    (name, m) => {
      const { ours, printed } = compare("trec_eval/out.test.aq", name, binary, m);
      expect(ours).toEqual(printed);
    },
  );

  it.each([
    ["map", { name: "map" }],
    ["P_10", { name: "P", cutoff: 10 }],
    ["recall_100", { name: "recall", cutoff: 100 }],
    ["ndcg_cut_10", { name: "ndcg", cutoff: 10 }],
    ["ndcg", { name: "ndcg" }],
  ] as Array<[string, RetrievalMeasure]>)("reproduces %s of out.test.aql (graded qrels, -l2)", (name, m) => {
    const { ours, printed } = compare("trec_eval/out.test.aql", name, graded, m, { relevanceLevel: 2 });
    expect(ours).toEqual(printed);
  });

  it.each([
    ["P_3", { name: "P", cutoff: 3 }],
    ["P_7", { name: "P", cutoff: 7 }],
    ["recall_20", { name: "recall", cutoff: 20 }],
    ["recall_2000", { name: "recall", cutoff: 2000 }],
    ["ndcg_cut_23", { name: "ndcg", cutoff: 23 }],
    ["success_2", { name: "success", cutoff: 2 }],
    [
      "ndcg_1=3,2=9,4=4.5",
      {
        name: "ndcg",
        gains: new Map([
          [1, 3],
          [2, 9],
          [4, 4.5],
        ]),
      },
    ],
  ] as Array<[string, RetrievalMeasure]>)("reproduces %s of out.test.meas_params", (name, m) => {
    const { ours, printed } = compare("trec_eval/out.test.meas_params", name, binary, m);
    expect(ours).toEqual(printed);
  });

  it("reproduces the ir_measures nDCG fixture (linear gains, -1 labels, gains map, cutoff)", () => {
    const r = trecRun.parse(readQualitySample("ir_measures/pytrec_eval_ndcg_fixture.run"));
    const q = trecQrels.parse(readQualitySample("ir_measures/pytrec_eval_ndcg_fixture.qrels"));
    const at = (m: RetrievalMeasure) =>
      Object.values(perQuery(r.retrievalRun as RetrievalRun, q.qrels as RetrievalQrels, m));
    // tests/test_pytrec_eval.py::test_nDCG checks these with assertAlmostEqual(places=4).
    const cases: Array<[RetrievalMeasure, number[]]> = [
      [{ name: "ndcg" }, [0.76018, 0.32739]],
      [{ name: "ndcg", cutoff: 3 }, [0.76018, 0]],
      [
        {
          name: "ndcg",
          gains: new Map([
            [0, 1],
            [1, 4],
          ]),
        },
        [0.97177, 0.14949],
      ],
    ];
    for (const [measure, expected] of cases) {
      const got = at(measure);
      expected.forEach((value, i) => {
        expect(got[i]).toBeCloseTo(value, 4);
      });
    }
  });
});
