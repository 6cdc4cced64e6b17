import type { MetricDefinition } from "../metric.ts";
import { devicesCoverage } from "../system/device-metrics.ts";
import { accuracyMean } from "./accuracy-metrics.ts";
import { GENERATION_METRICS } from "./generation-metrics.ts";
import { resolvePassHatKMetric } from "./pass-hat-k-metric.ts";
import { resolveRetrievalMetric } from "./retrieval-metrics.ts";

/** Retrieval ids registered by name; any other `retrieval.<measure>@<k>` resolves on demand. */
const RETRIEVAL_IDS = ["retrieval.ndcg@10", "retrieval.recall@100", "retrieval.map"];

/** The quality metrics with fixed ids (retrieval, accuracy, generation, devices). */
export const QUALITY_METRICS: MetricDefinition[] = [
  ...RETRIEVAL_IDS.map((id) => resolveRetrievalMetric(id) as MetricDefinition),
  accuracyMean,
  devicesCoverage,
  ...GENERATION_METRICS,
];

/** A quality metric by id, including parametric ones such as `retrieval.recall@20` or `outcomes.pass^4`. */
export function resolveQualityMetric(id: string): MetricDefinition | undefined {
  return QUALITY_METRICS.find((m) => m.id === id) ?? resolveRetrievalMetric(id) ?? resolvePassHatKMetric(id);
}
