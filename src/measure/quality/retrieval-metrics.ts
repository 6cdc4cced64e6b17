import { createFinding } from "../../model/create-finding.ts";
import type { Finding } from "../../model/finding.ts";
import type { MessageRef } from "../../model/message.ts";
import type { QualityEvidence, RetrievalQrels, RetrievalRun } from "../../model/quality.ts";
import { findEvidence } from "../find-evidence.ts";
import type { MeasureInput, MetricDefinition, MetricEstimate, MetricUnavailable } from "../metric.ts";
import { roleRef } from "../sentence.ts";
import {
  bootstrapRef,
  describeBootstrap,
  estimatePairedMean,
  show,
  undefinedChange,
} from "../stats/paired-change.ts";
import { boundSamplesNeeded } from "../stats/paired-resample.ts";
import {
  computeJudgedAt,
  evaluateRetrieval,
  type RetrievalMeasure,
  type RetrievalMeasureName,
  trecEvalName,
} from "./retrieval.ts";

/**
 * `retrieval.<measure>[@k]` for measure ndcg, recall, p (precision), map, mrr (recip_rank) or success,
 * e.g. `retrieval.ndcg@10`; undefined for any other id.
 */
export function resolveRetrievalMetric(id: string): MetricDefinition | undefined {
  const match = /^retrieval\.([a-z_]+)(?:@(\d+))?$/.exec(id);
  const name = ALIASES[match?.[1] ?? ""];
  if (match === null || name === undefined) return undefined;
  const measure: RetrievalMeasure = match[2] === undefined ? { name } : { name, cutoff: Number(match[2]) };
  if (measure.cutoff === 0 || ((name === "P" || name === "recall") && measure.cutoff === undefined))
    return undefined;
  return {
    id,
    unit: "fraction",
    better: "higher",
    evaluate: (input) => evaluateRetrievalMetric(input, measure),
  };
}

// --- internal ---

const ALIASES: Record<string, RetrievalMeasureName> = {
  ndcg: "ndcg",
  recall: "recall",
  p: "P",
  precision: "P",
  map: "map",
  mrr: "recip_rank",
  recip_rank: "recip_rank",
  success: "success",
};

/** A gap in Judged@10 this large biases the comparison against the run with more unjudged documents. */
const JUDGED_GAP = 0.1;

function evaluateRetrievalMetric(
  input: MeasureInput,
  measure: RetrievalMeasure,
): MetricEstimate | MetricUnavailable {
  const qrels = findQrels(input);
  const candidate = findRun(input, "candidate");
  if (candidate === undefined)
    return missing(
      "No candidate TREC run was submitted; add evidence.candidate (qid Q0 docno rank score tag).",
      { key: "missing.retrieval_candidate" },
    );
  if (qrels === undefined)
    return missing(
      "No qrels were submitted; add evidence.qrels (qid iter docno rel), the judgments both runs are scored with.",
      { key: "missing.retrieval_qrels" },
    );
  const level = Number(input.conditions.relevance_level ?? 1);
  const spec = `${trecEvalName(measure)} with trec_eval -c semantics (linear gain, ties by docno, unjudged = non-relevant, relevance level ${level})`;
  const specRef = {
    key: "method.retrieval_spec",
    params: { measure: trecEvalName(measure), level },
    text: spec,
  };
  const c = evaluateRetrieval(candidate, qrels, measure, { relevanceLevel: level });
  const findings = queryFindings("candidate", c.missingFromRun, c.withoutQrels);
  const n = c.qids.length;
  if (input.comparison === "none") {
    const est = estimatePairedMean({ ...common(input), candidate: c.values });
    return {
      value: est.value,
      low: est.low,
      high: est.high,
      n,
      method: `${spec}; ${describeBootstrap(n, "queries", est.resamples, input.seed, false)}`,
      methodRef: {
        key: "method.retrieval_absolute",
        params: { spec: specRef, bootstrap: bootstrapRef(n, "queries", est.resamples, input.seed, false) },
      },
      findings,
      nNeeded: boundSamplesNeeded(n, est.value, est.low, est.high),
    };
  }
  const role = input.baselineRole ?? "baseline";
  const baseline = findRun(input, "baseline");
  if (baseline === undefined)
    return missing(
      `No ${role} TREC run was submitted; the improvement is measured against that run, not a published number.`,
      { key: "missing.retrieval_baseline", params: { role: roleRef(role) } },
    );
  const b = evaluateRetrieval(baseline, qrels, measure, { relevanceLevel: level });
  findings.push(
    ...queryFindings(role, b.missingFromRun, b.withoutQrels),
    ...judgedGap(candidate, baseline, qrels, role),
  );
  const est = estimatePairedMean({ ...common(input), candidate: c.values, baseline: b.values });
  const undefinedRatio = undefinedChange(est.value, role, est.baseline ?? Number.NaN);
  if (undefinedRatio !== undefined) return { ...undefinedRatio, findings };
  return {
    value: est.value,
    low: est.low,
    high: est.high,
    n,
    method: `${spec}: ${show(est.candidate)} vs ${role} ${show(est.baseline ?? Number.NaN)}, change of the means; ${describeBootstrap(n, "queries", est.resamples, input.seed, true)}`,
    methodRef: {
      key: "method.retrieval_change",
      params: {
        spec: specRef,
        c: show(est.candidate),
        role: roleRef(role),
        b: show(est.baseline ?? Number.NaN),
        bootstrap: bootstrapRef(n, "queries", est.resamples, input.seed, true),
      },
    },
    candidate: est.candidate,
    baseline: est.baseline ?? Number.NaN,
    findings,
    nNeeded: boundSamplesNeeded(n, est.value, est.low, est.high),
  };
}

function common(input: MeasureInput) {
  return {
    comparison: input.comparison,
    better: "higher" as const,
    seed: input.seed,
    confidence: input.confidence,
  };
}

function findRun(input: MeasureInput, side: "candidate" | "baseline"): RetrievalRun | undefined {
  const evidence: QualityEvidence | undefined = findEvidence(input, "retrieval-run", side);
  return evidence?.retrievalRun;
}

function findQrels(input: MeasureInput): RetrievalQrels | undefined {
  const own: QualityEvidence | undefined = input.evidence.qrels;
  if (own?.qrels !== undefined) return own.qrels;
  const any: QualityEvidence | undefined = Object.values(input.evidence).find(
    (e) => e.kind === "retrieval-qrels",
  );
  return any?.qrels;
}

function queryFindings(role: string, missingFromRun: string[], withoutQrels: string[]): Finding[] {
  const findings: Finding[] = [];
  if (missingFromRun.length > 0)
    findings.push(
      createFinding(
        "RETRIEVAL_QUERIES_MISSING",
        "warning",
        `The ${role} run has no results for ${missingFromRun.length} qrels quer${missingFromRun.length === 1 ? "y" : "ies"} (${preview(missingFromRun)}); they score 0 (trec_eval -c). Submit results for every query.`,
        undefined,
        {
          role: roleRef(role),
          missing_from_run_count: missingFromRun.length,
          ies: missingFromRun.length === 1 ? "y" : "ies",
          preview: preview(missingFromRun),
        },
      ),
    );
  if (withoutQrels.length > 0)
    findings.push(
      createFinding(
        "RETRIEVAL_QUERIES_UNJUDGED",
        "info",
        `The ${role} run has ${withoutQrels.length} quer${withoutQrels.length === 1 ? "y" : "ies"} with no judgments (${preview(withoutQrels)}); they are not scored.`,
        undefined,
        {
          role: roleRef(role),
          without_qrels_count: withoutQrels.length,
          ies: withoutQrels.length === 1 ? "y" : "ies",
          preview: preview(withoutQrels),
        },
      ),
    );
  return findings;
}

function judgedGap(
  candidate: RetrievalRun,
  baseline: RetrievalRun,
  qrels: RetrievalQrels,
  role: string,
): Finding[] {
  const mean = (a: Float64Array) => a.reduce((s, v) => s + v, 0) / Math.max(1, a.length);
  const c = mean(computeJudgedAt(candidate, qrels, 10));
  const b = mean(computeJudgedAt(baseline, qrels, 10));
  if (Math.abs(c - b) <= JUDGED_GAP) return [];
  return [
    createFinding(
      "RETRIEVAL_JUDGED_GAP",
      "warning",
      `Judged@10 is ${show(c)} for the candidate and ${show(b)} for the ${role}: unjudged documents count as non-relevant, so the comparison is biased against the run with fewer judged results; extend the judgments (pool both runs) before relying on it.`,
      undefined,
      { show: show(c), show2: show(b), role: roleRef(role) },
    ),
  ];
}

function preview(ids: string[]): string {
  return ids.length <= 5 ? ids.join(", ") : `${ids.slice(0, 5).join(", ")}, …`;
}

function missing(reason: string, reasonRef: MessageRef): MetricUnavailable {
  return { unavailable: "missing", reason, reasonRef };
}
