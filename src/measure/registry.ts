import { COLLECTIVE_METRICS } from "./collective/collective-metrics.ts";
import { UTILIZATION_METRICS } from "./collective/utilization-metrics.ts";
import type { MetricDefinition } from "./metric.ts";
import { diagnosisAccuracy } from "./quality/diagnosis-accuracy.ts";
import { longContextAccuracy } from "./quality/long-context-accuracy.ts";
import { OUTCOME_METRICS } from "./quality/outcome-metrics.ts";
import { QUALITY_METRICS, resolveQualityMetric } from "./quality/quality-metrics.ts";
import { LONG_CONTEXT_METRICS } from "./serving/long-context-metrics.ts";
import { LATENCY_METRICS } from "./serving/serving-metrics.ts";
import { successRate } from "./serving/success-metrics.ts";
import { THROUGHPUT_METRICS } from "./serving/throughput-metrics.ts";
import { compressionRatio } from "./system/compression-metrics.ts";
import { costPer1k } from "./system/cost-metrics.ts";
import { cuPerSelection } from "./system/cu-metrics.ts";
import { MEMORY_METRICS } from "./system/memory-metrics.ts";
import { MODEL_METRICS } from "./system/model-metrics.ts";
import { peakMemoryUsed } from "./system/peak-memory.ts";
import { effectiveTrainingTime } from "./training/effective-time.ts";
import { trainingMfu } from "./training/mfu.ts";
import { timeToTrainMinutes } from "./training/time-to-train.ts";
import { TRAINING_METRICS } from "./training/training-metrics.ts";

/** Every metric a requirement can name, by id. Families register here with one line each. */
export const METRICS: ReadonlyMap<string, MetricDefinition> = new Map(
  [
    ...LATENCY_METRICS,
    successRate,
    ...MEMORY_METRICS,
    ...UTILIZATION_METRICS,
    ...THROUGHPUT_METRICS,
    ...MODEL_METRICS,
    ...OUTCOME_METRICS,
    ...COLLECTIVE_METRICS,
    ...TRAINING_METRICS,
    timeToTrainMinutes,
    costPer1k,
    ...QUALITY_METRICS,
    // Figures the fund asks teams to report (4.4, 5.1, 5.3, 5.6).
    trainingMfu,
    effectiveTrainingTime,
    ...LONG_CONTEXT_METRICS,
    longContextAccuracy,
    compressionRatio,
    cuPerSelection,
    peakMemoryUsed,
    diagnosisAccuracy,
  ].map((metric) => [metric.id, metric]),
);

/** A metric by id, including parametric quality ids such as `retrieval.recall@100` or `outcomes.pass^4`. */
export function findMetric(id: string): MetricDefinition | undefined {
  return METRICS.get(id) ?? resolveQualityMetric(id);
}
