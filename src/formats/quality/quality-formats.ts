import type { FormatAdapter } from "../format.ts";
import { devicesCsv } from "../system/devices-csv.ts";
import { accuracyCsv } from "./accuracy-csv.ts";
import { generationCsv } from "./generation-csv.ts";
import { lmEvalResults } from "./lm-eval.ts";
import { lmEvalSamples } from "./lm-eval-samples.ts";
import { opencompassCsv } from "./opencompass-csv.ts";
import { tauBench } from "./tau-bench.ts";
import { trecQrels } from "./trec-qrels.ts";
import { trecRun } from "./trec-run.ts";

/**
 * The quality-claim formats (retrieval, accuracy, generation, agent outcomes, devices), for the format registry;
 * tool formats first, the canonical CSV kinds last.
 */
export const QUALITY_FORMATS: readonly FormatAdapter[] = [
  lmEvalResults,
  lmEvalSamples,
  tauBench,
  opencompassCsv,
  trecRun,
  trecQrels,
  accuracyCsv,
  devicesCsv,
  generationCsv,
];
