import { describe, expect, it } from "vitest";
import {
  type BleuTokenizer,
  computeBleu,
  computeBleuStatistics,
  tokenizeForBleu,
} from "../../../src/measure/quality/bleu.ts";

const HYPS = ["The dog bit the man.", "It wasn't surprising.", "The man had just bitten him."];
const REFS = [
  ["The dog bit the man.", "It was not unexpected.", "The man bit him first."],
  ["The dog had bit the man.", "No one was surprised.", "The man had bitten the dog."],
];

function corpusBleu(hyps: string[], refStreams: string[][], tokenizer: BleuTokenizer) {
  const sum = new Float64Array(10);
  hyps.forEach((hyp, i) => {
    const refs = refStreams.map((stream) => tokenizeForBleu(stream[i] as string, tokenizer));
    computeBleuStatistics(tokenizeForBleu(hyp, tokenizer), refs).forEach((v, k) => {
      sum[k] = (sum[k] as number) + v;
    });
  });
  return computeBleu(sum);
}

describe("corpus BLEU against sacreBLEU", () => {
  // sacrebleu test/test_bleu.py and README (expected_values.json)
  it("gives 48.530827 with tok:13a and two references, verbose 82.4/50.0/45.5/37.5 BP 0.943", () => {
    const bleu = corpusBleu(HYPS, REFS, "13a");
    expect(bleu.score).toBeCloseTo(48.530827, 6);
    expect(bleu.precisions.map((p) => p.toFixed(1))).toEqual(["82.4", "50.0", "45.5", "37.5"]);
    expect([bleu.bp.toFixed(3), bleu.sysLen, bleu.refLen]).toEqual(["0.943", 17, 18]);
  });

  it("gives 49.1919566 with tok:none", () => {
    expect(corpusBleu(HYPS, REFS, "none").score).toBeCloseTo(49.1919566, 7);
  });

  it("gives 0 for empty hypotheses", () => {
    expect(corpusBleu(["", ""], [["a b c", "d e f"]], "13a").score).toBe(0);
  });

  // sacrebleu 2.6.0 corpus_bleu(..., tokenize=...), run for these vectors
  it("scores Chinese 41.67446366789466 with tok:zh and 0 with tok:13a", () => {
    const hyps = ["今天天气很好，我们去公园散步。", "他喜欢读书。", "会议在下午三点开始。"];
    const refs = [["今天天气不错，我们去公园走走。", "他很喜欢看书。", "会议下午3点开始。"]];
    expect(corpusBleu(hyps, refs, "zh").score).toBeCloseTo(41.67446366789466, 10);
    expect(corpusBleu(hyps, refs, "13a").score).toBe(0);
  });

  it("splits like sacreBLEU's zh tokenizer, quirky ranges included (curly quotes, arrows)", () => {
    expect(tokenizeForBleu("Hello “world” — 2024年 A→B", "zh")).toEqual(
      "Hello “ world ” — 2024 年 A → B".split(" "),
    );
  });

  // sacrebleu 2.6.0 Tokenizer13a on the same line
  it("splits like 13a: punctuation apart, decimals, thousands and dashes kept", () => {
    expect(tokenizeForBleu("It costs $1,000.50 (approx.) -- ok?", "13a")).toEqual([
      "It",
      "costs",
      "$",
      "1,000.50",
      "(",
      "approx",
      ".",
      ")",
      "--",
      "ok",
      "?",
    ]);
  });
});
