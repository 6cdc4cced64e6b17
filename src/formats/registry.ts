import { COLLECTIVE_FORMATS } from "./collective/collective-formats.ts";
import type { FormatAdapter } from "./format.ts";
import { outcomesCsv } from "./quality/outcomes-csv.ts";
import { QUALITY_FORMATS } from "./quality/quality-formats.ts";
import { beirQrels } from "./quality/trec-beir-qrels.ts";
import { msmarcoRun } from "./quality/trec-msmarco-run.ts";
import { mlperfDetail } from "./serving/mlperf-detail.ts";
import { mlperfSummary } from "./serving/mlperf-summary.ts";
import { servingCsv } from "./serving/serving-csv.ts";
import { SERVING_JSON_FORMATS } from "./serving/serving-json-formats.ts";
import { costCsv } from "./system/cost-csv.ts";
import { dcgmiDmon } from "./system/dcgmi-dmon.ts";
import { gpuMemoryCsv } from "./system/gpu-memory-csv.ts";
import { modelsCsv } from "./system/models-csv.ts";
import { nvidiaSmiCsv } from "./system/nvidia-smi.ts";

/**
 * Every input format claimcheck reads, in detection priority order (a more specific format first,
 * since detection picks the highest confidence and the first on a tie).
 */
export const FORMATS: readonly FormatAdapter[] = [
  ...SERVING_JSON_FORMATS,
  mlperfSummary,
  mlperfDetail,
  nvidiaSmiCsv,
  dcgmiDmon,
  gpuMemoryCsv,
  modelsCsv,
  outcomesCsv,
  costCsv,
  ...QUALITY_FORMATS,
  beirQrels,
  msmarcoRun,
  ...COLLECTIVE_FORMATS,
  servingCsv,
];
