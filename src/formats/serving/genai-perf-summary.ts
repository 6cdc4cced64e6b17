import { createFinding } from "../../model/create-finding.ts";
import type { EvidenceFile, ParsedEvidence, ReportedStatistic } from "../../model/evidence.ts";
import { JsonFieldReader } from "../text/json-fields.ts";
import { isJsonObject, type JsonObject, parseJsonDocument } from "../text/json-input.ts";
import { decodeText } from "../text/text.ts";
import { GENAI_PERF_METRICS, MS_PER_UNIT, statisticName } from "./genai-perf-stats.ts";
import {
  createServingEvidence,
  NUMPY_METHODS,
  nothingUsable,
  readReported,
  type StatisticField,
  toContextValue,
} from "./serving-summary.ts";

/**
 * `profile_export_genai_perf.json` (and AIPerf's `profile_export_aiperf.json`, made "to mimic" it):
 * one object per metric, `{ "unit": "ms", "avg", "min", "max", "std", "p1" … "p99" }`, time values
 * already in ms; system metrics carry only `unit` and `avg`; the CLI arguments sit under `input_config`.
 */
export function parseGenaiPerfSummary(
  file: EvidenceFile,
  format: string,
  /** The object that holds the metrics: the root (GenAI-Perf) or AIPerf's `records`. */
  metricsOf: (root: JsonObject) => JsonObject = (root) => root,
): ParsedEvidence {
  const doc = parseJsonDocument(file.path, decodeText(file.path, file.bytes));
  const fields = new JsonFieldReader(doc);
  const record = doc.records[0];
  const root = record?.value;
  const reported: ReportedStatistic[] = [];
  const context: Record<string, string | number | boolean> = {};
  if (record !== undefined && isJsonObject(root)) {
    const metrics = metricsOf(root);
    for (const [key, known] of Object.entries(GENAI_PERF_METRICS)) {
      const stats = fields.object(metrics, key);
      if (stats === undefined) continue;
      const line = doc.lineOf(stats) ?? record.line;
      if (known.kind === "context") readContextMetric(stats, known.metric, context);
      else reported.push(...readMetric(stats, key, known, fields, line));
    }
    Object.assign(context, runFacts(root, metrics));
  } else {
    fields.wrongType(root, "the object GenAI-Perf writes", "(file)", record?.line);
  }
  const findings = [...doc.findings, ...fields.finish()];
  if (reported.length === 0) findings.push(nothingUsable(file.path, "GenAI-Perf statistics"));
  return createServingEvidence(format, { reported, context, findings, records: reported.length > 0 ? 1 : 0 });
}

// --- internal ---

function readMetric(
  stats: JsonObject,
  key: string,
  known: { metric: string; kind: string },
  fields: JsonFieldReader,
  line: number,
): ReportedStatistic[] {
  const unit = typeof stats.unit === "string" ? stats.unit.toLowerCase() : "";
  const scale = known.kind === "latency" ? MS_PER_UNIT[unit] : 1;
  if (scale === undefined) {
    const message = `Unit "${unit}" of "${key}" is not a time unit claimcheck knows (ms, ns, us, s); submit the file as GenAI-Perf wrote it.`;
    fields.add(
      createFinding("GENAI_PERF_UNKNOWN_UNIT", "error", message, {
        path: fields.doc.path,
        line,
        column: `${key}.unit`,
      }),
    );
    return [];
  }
  const wanted: StatisticField[] =
    known.kind === "rate"
      ? [{ key: "avg", metric: known.metric, statistic: "value" }]
      : Object.keys(stats)
          .filter((k) => k === "avg" || k === "min" || k === "max" || k === "std" || /^p\d+(\.\d+)?$/.test(k))
          .map((k) => ({ key: k, metric: known.metric, statistic: statisticName(k), scale }));
  return readReported(stats, wanted, fields, NUMPY_METHODS, line);
}

function readContextMetric(
  stats: JsonObject,
  name: string,
  context: Record<string, string | number | boolean>,
): void {
  const value = toContextValue(stats.avg);
  if (value !== undefined) context[name] = value;
}

/** Model and load settings from `input_config`, in GenAI-Perf's flat or AIPerf's nested layout. */
function runFacts(root: JsonObject, metrics: JsonObject): Record<string, string | number | boolean> {
  const config = isJsonObject(root.input_config) ? root.input_config : {};
  const endpoint = isJsonObject(config.endpoint) ? config.endpoint : {};
  const loadgen = isJsonObject(config.loadgen) ? config.loadgen : {};
  const facts: Record<string, string | number | boolean> = {};
  const model = first(config.model) ?? first(config.model_names) ?? first(endpoint.model_names);
  const concurrency = toContextValue(config.concurrency ?? loadgen.concurrency);
  const rate = toContextValue(config.request_rate ?? loadgen.request_rate);
  const duration = isJsonObject(metrics.benchmark_duration)
    ? toContextValue(metrics.benchmark_duration.avg)
    : undefined;
  if (model !== undefined) facts.model = model;
  if (concurrency !== undefined) facts.max_concurrency = concurrency;
  if (rate !== undefined) facts.request_rate = rate;
  if (duration !== undefined) facts.duration = duration;
  return facts;
}

function first(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  return Array.isArray(value) && typeof value[0] === "string" ? value[0] : undefined;
}
