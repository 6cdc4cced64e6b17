import type { RetrievalQrels, RetrievalRun, RunTopic } from "../../model/quality.ts";

/** The trec_eval measures claimcheck recomputes, by their trec_eval family name. */
export type RetrievalMeasureName = "ndcg" | "recall" | "P" | "map" | "recip_rank" | "success";

/**
 * One measure: `ndcg` with `cutoff` is trec_eval's `ndcg_cut_k`, without it `ndcg`; `map` with a
 * cutoff is `map_cut_k`. `gains` overrides the gain of a relevance level (`-m ndcg.0=1,1=4`).
 */
export interface RetrievalMeasure {
  name: RetrievalMeasureName;
  cutoff?: number;
  gains?: ReadonlyMap<number, number>;
}

export interface RetrievalOptions {
  /** Lowest level that counts as relevant for every measure but nDCG (trec_eval `-l`). @default 1 */
  relevanceLevel?: number;
}

/** Per-query values over every qrels query (trec_eval `-c`), in qrels order. */
export interface RetrievalScores {
  measure: string;
  qids: string[];
  values: Float64Array;
  /** Qrels queries the run has no line for: they score 0. */
  missingFromRun: string[];
  /** Run queries with no judgments: trec_eval ignores them. */
  withoutQrels: string[];
}

/**
 * Evaluates `run` against `qrels` exactly as trec_eval 9/10 does with `-c`: documents ranked by `sim`
 * (stored as a C float) descending, ties broken by docno descending in byte order; unjudged and
 * negative-level documents are non-relevant; a qrels query missing from the run scores 0.
 */
export function evaluateRetrieval(
  run: RetrievalRun,
  qrels: RetrievalQrels,
  measure: RetrievalMeasure,
  options: RetrievalOptions = {},
): RetrievalScores {
  const level = options.relevanceLevel ?? 1;
  const byQid = new Map(run.topics.map((t) => [t.qid, t]));
  const qids = [...qrels.topics.keys()];
  const values = new Float64Array(qids.length);
  const missingFromRun: string[] = [];
  qids.forEach((qid, i) => {
    const topic = byQid.get(qid);
    if (topic === undefined) missingFromRun.push(qid);
    else
      values[i] = scoreTopic(rankTopic(topic), qrels.topics.get(qid) as Map<string, number>, measure, level);
  });
  const withoutQrels = run.topics.filter((t) => !qrels.topics.has(t.qid)).map((t) => t.qid);
  return { measure: trecEvalName(measure), qids, values, missingFromRun, withoutQrels };
}

/** The documents of one topic in trec_eval's order: sim descending, then docno descending (strcmp). */
export function rankTopic(topic: RunTopic): string[] {
  // trec_eval keeps sim in a C `float`: scores equal after rounding to float32 are ties.
  const sims = topic.scores.map(Math.fround);
  const order = topic.docnos.map((_, i) => i);
  order.sort(
    (a, b) =>
      (sims[b] as number) - (sims[a] as number) ||
      compareBytes(topic.docnos[b] as string, topic.docnos[a] as string),
  );
  return order.map((i) => topic.docnos[i] as string);
}

/** The share of the top `k` documents that have a judgment (any level), per qrels query; 0 when missing. */
export function computeJudgedAt(run: RetrievalRun, qrels: RetrievalQrels, k: number): Float64Array {
  const byQid = new Map(run.topics.map((t) => [t.qid, t]));
  return Float64Array.from([...qrels.topics], ([qid, judged]) => {
    const topic = byQid.get(qid);
    if (topic === undefined) return 0;
    const top = rankTopic(topic).slice(0, k);
    return top.filter((d) => judged.has(d)).length / k;
  });
}

/** The measure's trec_eval name, e.g. `ndcg_cut_10`, `P_10`, `recall_100`, `map`. */
export function trecEvalName(measure: RetrievalMeasure): string {
  const { name, cutoff } = measure;
  if (cutoff === undefined) return name;
  if (name === "ndcg" || name === "map") return `${name}_cut_${cutoff}`;
  return `${name}_${cutoff}`;
}

/** One line of `trec_eval -q` output (measure padded to 22, 4 decimals), for diffing against the tool. */
export function formatTrecEvalLine(measure: string, qid: string, value: number): string {
  return `${measure.padEnd(22)}\t${qid}\t${value.toFixed(4)}`;
}

// --- internal ---

function scoreTopic(
  ranked: string[],
  judged: Map<string, number>,
  measure: RetrievalMeasure,
  level: number,
): number {
  const rels = ranked.map((d) => judged.get(d) ?? -1);
  const cutoff = measure.cutoff ?? rels.length;
  let numRel = 0;
  for (const rel of judged.values()) if (rel >= level) numRel++;
  switch (measure.name) {
    case "P":
      return countRelevant(rels, cutoff, level) / cutoff;
    case "recall":
      return numRel === 0 ? 0 : countRelevant(rels, cutoff, level) / numRel;
    case "map":
      return numRel === 0 ? 0 : sumPrecisions(rels, cutoff, level) / numRel;
    case "recip_rank": {
      const first = rels.findIndex((r) => r >= level);
      return first < 0 ? 0 : 1 / (first + 1);
    }
    case "success":
      return countRelevant(rels, cutoff, level) > 0 ? 1 : 0;
    case "ndcg":
      return computeNdcg(rels, judged, measure);
  }
}

function countRelevant(rels: number[], cutoff: number, level: number): number {
  let count = 0;
  for (let i = 0; i < Math.min(cutoff, rels.length); i++) if ((rels[i] as number) >= level) count++;
  return count;
}

function sumPrecisions(rels: number[], cutoff: number, level: number): number {
  let found = 0;
  let sum = 0;
  for (let i = 0; i < Math.min(cutoff, rels.length); i++) {
    if ((rels[i] as number) >= level) sum += ++found / (i + 1);
  }
  return sum;
}

/** nDCG with linear gains (trec_eval `m_ndcg_cut.c`); the relevance level does not apply to it. */
function computeNdcg(rels: number[], judged: Map<string, number>, measure: RetrievalMeasure): number {
  const gain = (rel: number) => (rel < 0 ? 0 : (measure.gains?.get(rel) ?? rel));
  const cutoff = measure.cutoff ?? Number.POSITIVE_INFINITY;
  let dcg = 0;
  for (let i = 0; i < Math.min(cutoff, rels.length); i++) {
    const g = gain(rels[i] as number);
    if (g > 0) dcg += g / Math.log2(i + 2);
  }
  const ideal = [...judged.values()]
    .map(gain)
    .filter((g) => g > 0)
    .sort((a, b) => b - a);
  let idcg = 0;
  for (let i = 0; i < Math.min(cutoff, ideal.length); i++) idcg += (ideal[i] as number) / Math.log2(i + 2);
  return idcg === 0 ? 0 : dcg / idcg;
}

/** strcmp on the UTF-8 bytes: code-point order, which UTF-16 code units break only for surrogates. */
function compareBytes(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  return unit >= 0xe000 ? unit - 0x800 : unit;
}
