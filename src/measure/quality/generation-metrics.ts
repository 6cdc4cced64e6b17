import type { Finding } from "../../model/finding.ts";
import type { MessageRef } from "../../model/message.ts";
import type { GenerationPairs } from "../../model/quality.ts";
import type { MeasureInput, MetricDefinition, MetricEstimate, MetricUnavailable } from "../metric.ts";
import { roleRef } from "../sentence.ts";
import {
  bootstrapRef,
  describeBootstrap,
  estimatePairedMean,
  QUALITY_RESAMPLES,
  show,
  undefinedChange,
} from "../stats/paired-change.ts";
import { bootstrapPairedUnits, boundSamplesNeeded, unitWeights } from "../stats/paired-resample.ts";
import { computeChange } from "../stats/relative-change.ts";
import { BLEU_STATS, computeBleu, computeBleuStatistics, tokenizeForBleu } from "./bleu.ts";
import { type RougeTokenizer, scoreRougeL, scoreRougeN, tokenizeForRouge } from "./generation.ts";
import { allTexts, readSides, type Sides } from "./generation-sides.ts";
import { chooseBleuTokenizer, chooseRougeTokenizer } from "./generation-tokenizer.ts";

/** ROUGE F (mean over items, rouge-score semantics) and corpus BLEU (sacreBLEU), absolute or against the baseline. */
export const GENERATION_METRICS: MetricDefinition[] = [
  rougeMetric("generation.rouge_l", "ROUGE-L", (t, p) => scoreRougeL(t, p).fmeasure),
  rougeMetric("generation.rouge_1", "ROUGE-1", (t, p) => scoreRougeN(t, p, 1).fmeasure),
  rougeMetric("generation.rouge_2", "ROUGE-2", (t, p) => scoreRougeN(t, p, 2).fmeasure),
  { id: "generation.bleu", unit: "BLEU", better: "higher", evaluate: evaluateBleu },
];

// --- internal ---

function rougeMetric(
  id: string,
  name: string,
  score: (t: string[], p: string[]) => number,
): MetricDefinition {
  return {
    id,
    unit: "fraction",
    better: "higher",
    evaluate(input) {
      const sides = readSides(input);
      if ("unavailable" in sides) return sides;
      const choice = chooseRougeTokenizer(input.conditions.tokenizer, allTexts(sides));
      if ("unavailable" in choice) return choice;
      const perItem = (pairs: GenerationPairs, tok: RougeTokenizer) =>
        Float64Array.from(pairs.reference, (ref, i) =>
          score(tokenizeForRouge(ref, tok), tokenizeForRouge(pairs.prediction[i] as string, tok)),
        );
      const candidate = perItem(sides.candidate, choice.tokenizer);
      const baseline = sides.baseline === undefined ? undefined : perItem(sides.baseline, choice.tokenizer);
      const est = estimatePairedMean({
        candidate,
        ...(baseline === undefined ? {} : { baseline }),
        comparison: input.comparison,
        better: "higher",
        seed: input.seed,
        confidence: input.confidence,
      });
      const n = candidate.length;
      const versus =
        baseline === undefined
          ? ""
          : ` ${show(est.candidate)} vs ${sides.role} ${show(est.baseline ?? Number.NaN)}`;
      return finish(est, n, sides, choice.findings, {
        method: `mean ${name} F over items (rouge-score semantics, tokenizer ${choice.tokenizer}, no stemming)${versus}; ${describeBootstrap(n, "items", est.resamples, input.seed, baseline !== undefined)}`,
        methodRef: {
          key: "method.rouge",
          params: {
            name,
            tokenizer: choice.tokenizer,
            ...versusParams(sides.role, est.candidate, est.baseline),
            bootstrap: bootstrapRef(n, "items", est.resamples, input.seed, baseline !== undefined),
          },
        },
      });
    },
  };
}

function evaluateBleu(input: MeasureInput): MetricEstimate | MetricUnavailable {
  const sides = readSides(input);
  if ("unavailable" in sides) return sides;
  const choice = chooseBleuTokenizer(input.conditions.tokenizer, allTexts(sides));
  if ("unavailable" in choice) return choice;
  const stats = (pairs: GenerationPairs) =>
    pairs.reference.map((ref, i) =>
      computeBleuStatistics(tokenizeForBleu(pairs.prediction[i] as string, choice.tokenizer), [
        tokenizeForBleu(ref, choice.tokenizer),
      ]),
    );
  const c = stats(sides.candidate);
  const b = sides.baseline === undefined ? undefined : stats(sides.baseline);
  const corpus = (segments: Float64Array[], w: Uint32Array) => computeBleu(sumStats(segments, w)).score;
  const statistic =
    b === undefined || input.comparison === "none"
      ? (w: Uint32Array) => corpus(c, w)
      : (w: Uint32Array) => computeChange(input.comparison, "higher", corpus(c, w), corpus(b, w));
  const n = c.length;
  const all = unitWeights(n);
  const bound = bootstrapPairedUnits({
    n,
    statistic,
    resamples: QUALITY_RESAMPLES,
    seed: input.seed,
    confidence: input.confidence,
  });
  const signature = `nrefs:1|case:mixed|eff:no|tok:${choice.tokenizer}|smooth:exp`;
  const cand = corpus(c, all);
  const base = b === undefined ? undefined : corpus(b, all);
  const versus = base === undefined ? "" : ` ${show(cand)} vs ${sides.role} ${show(base)}`;
  const est = {
    value: statistic(all),
    low: bound.low,
    high: bound.high,
    candidate: cand,
    ...(base === undefined ? {} : { baseline: base }),
  };
  return finish(est, n, sides, choice.findings, {
    method: `corpus BLEU (sacreBLEU ${signature})${versus}; ${describeBootstrap(n, "segments", QUALITY_RESAMPLES, input.seed, b !== undefined)}`,
    methodRef: {
      key: "method.bleu",
      params: {
        signature,
        ...versusParams(sides.role, cand, base),
        bootstrap: bootstrapRef(n, "segments", QUALITY_RESAMPLES, input.seed, b !== undefined),
      },
    },
  });
}

function finish(
  est: { value: number; low: number | null; high: number | null; candidate: number; baseline?: number },
  n: number,
  sides: Sides,
  tokenizerFindings: Finding[],
  text: { method: string; methodRef: MessageRef },
): MetricEstimate | MetricUnavailable {
  const undefinedRatio = undefinedChange(est.value, sides.role, est.baseline ?? Number.NaN);
  if (undefinedRatio !== undefined) return { ...undefinedRatio, findings: sides.findings };
  const estimate: MetricEstimate = {
    value: est.value,
    low: est.low,
    high: est.high,
    n,
    method: text.method,
    methodRef: text.methodRef,
    findings: [...sides.findings, ...tokenizerFindings],
    nNeeded: boundSamplesNeeded(n, est.value, est.low, est.high),
  };
  if (est.baseline !== undefined) {
    estimate.candidate = est.candidate;
    estimate.baseline = est.baseline;
  }
  return estimate;
}

/** The " 0.61 vs baseline 0.52" part of a method line, present only against a baseline. */
function versusParams(role: string, candidate: number, baseline: number | undefined) {
  if (baseline === undefined) return { versus: "no" };
  return { versus: "yes", c: show(candidate), role: roleRef(role), b: show(baseline) };
}

function sumStats(segments: Float64Array[], weights: Uint32Array): Float64Array {
  const sum = new Float64Array(BLEU_STATS);
  segments.forEach((s, i) => {
    const w = weights[i] as number;
    if (w > 0) for (let k = 0; k < BLEU_STATS; k++) sum[k] = (sum[k] as number) + w * (s[k] as number);
  });
  return sum;
}
