import { describe, expect, it } from "vitest";
import {
  containsCjk,
  type RougeScore,
  scoreRougeL,
  scoreRougeN,
  tokenizeForRouge,
} from "../../../src/measure/quality/generation.ts";
import { hasQualitySamples, readQualityText } from "../../formats/quality/quality-test-helpers.ts";

const tok = (text: string) => tokenizeForRouge(text, "default");
const rounded = (s: RougeScore, places = 5) =>
  [s.recall, s.precision, s.fmeasure].map((v) => Number(v.toFixed(places)));

describe("ROUGE with rouge-score semantics, inline cases from rouge_scorer_test.py", () => {
  it("scores rouge1 of 'testing' against 'testing one two' as P 1, R 1/3, F 0.5", () => {
    expect(scoreRougeN(tok("testing one two"), tok("testing"), 1)).toEqual({
      precision: 1,
      recall: 1 / 3,
      fmeasure: 0.5,
    });
  });

  it("scores rouge2 and rougeL of 'testing one'", () => {
    expect(rounded(scoreRougeN(tok("testing one two"), tok("testing one"), 2), 10)).toEqual([
      0.5, 1, 0.6666666667,
    ]);
    expect(rounded(scoreRougeL(tok("testing one two"), tok("testing one")), 10)).toEqual([
      0.6666666667, 1, 0.8,
    ]);
  });

  it("finds the non-contiguous LCS of 'testing two'", () => {
    expect(rounded(scoreRougeL(tok("testing one two"), tok("testing two")), 10)).toEqual([
      0.6666666667, 1, 0.8,
    ]);
  });
});

describe("tokenizers and Chinese text", () => {
  it("drops every Chinese character with the default tokenizer, so Chinese scores 0", () => {
    expect(tok("今天天气很好")).toEqual([]);
    expect(scoreRougeL(tok("今天天气很好"), tok("今天天气很好")).fmeasure).toBe(0);
  });

  it("makes each Chinese character a token with char, keeping Latin words and digits whole", () => {
    expect(tokenizeForRouge("今天 GPU-4090 很好！", "char")).toEqual(["今", "天", "gpu", "4090", "很", "好"]);
  });

  it("splits pre-segmented text on whitespace", () => {
    expect(tokenizeForRouge("今天 天气 很好", "whitespace")).toEqual(["今天", "天气", "很好"]);
  });

  it("scores char-level ROUGE-L like a hand computation (LCS 9 of 13 characters)", () => {
    const t = tokenizeForRouge("今天天气很好，我们去公园散步。", "char");
    const p = tokenizeForRouge("今天天气不错，我们去公园走走。", "char");
    expect(scoreRougeL(t, p).fmeasure).toBeCloseTo(9 / 13, 15);
  });

  it("detects Chinese and Japanese but not Latin text", () => {
    expect([containsCjk("abc"), containsCjk("天"), containsCjk("カタカナ")]).toEqual([false, true, true]);
  });
});

describe.skipIf(!hasQualitySamples)("ROUGE on rouge-score's testdata (ROUGE-1.5.5 ground truth)", () => {
  if (!hasQualitySamples) return;
  const targets = readQualityText("rouge/target.txt").split("\n");
  const predictions = readQualityText("rouge/prediction.txt").split("\n");
  const pair = (i: number) => [tok(targets[i] as string), tok(predictions[i] as string)] as const;

  it("reproduces line 0: rouge1 0.40741/0.68750/0.51163, rouge2 0.30769/0.53333/0.39024, rougeL = rouge1", () => {
    const [t, p] = pair(0);
    expect(rounded(scoreRougeN(t, p, 1))).toEqual([0.40741, 0.6875, 0.51163]);
    expect(rounded(scoreRougeN(t, p, 2))).toEqual([0.30769, 0.53333, 0.39024]);
    expect(rounded(scoreRougeL(t, p))).toEqual([0.40741, 0.6875, 0.51163]);
  });

  it("reproduces line 1: rouge1 0.40476/0.65385/0.50000, rouge2 0.29268/0.48000/0.36364", () => {
    const [t, p] = pair(1);
    expect(rounded(scoreRougeN(t, p, 1))).toEqual([0.40476, 0.65385, 0.5]);
    expect(rounded(scoreRougeN(t, p, 2))).toEqual([0.29268, 0.48, 0.36364]);
    expect(rounded(scoreRougeL(t, p))).toEqual([0.40476, 0.65385, 0.5]);
  });
});
