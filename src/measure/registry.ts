import type { MetricDefinition } from "./metric.ts";

/** Every metric a requirement can name, by id. Families register here with one line each. */
export const METRICS: ReadonlyMap<string, MetricDefinition> = new Map(
  ([] as MetricDefinition[]).map((metric) => [metric.id, metric]),
);
