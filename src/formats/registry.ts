import { COLLECTIVE_FORMATS } from "./collective-formats.ts";
import { costCsv } from "./cost-csv.ts";
import { dcgmiDmon } from "./dcgmi-dmon.ts";
import type { FormatAdapter } from "./format.ts";
import { gpuMemoryCsv } from "./gpu-memory-csv.ts";
import { mlperfDetail } from "./mlperf-detail.ts";
import { mlperfSummary } from "./mlperf-summary.ts";
import { modelsCsv } from "./models-csv.ts";
import { nvidiaSmiCsv } from "./nvidia-smi.ts";
import { outcomesCsv } from "./outcomes-csv.ts";
import { QUALITY_FORMATS } from "./quality-formats.ts";
import { servingCsv } from "./serving-csv.ts";
import { SERVING_JSON_FORMATS } from "./serving-json-formats.ts";
import { beirQrels } from "./trec-beir-qrels.ts";
import { msmarcoRun } from "./trec-msmarco-run.ts";

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
