import type { FormatAdapter } from "../format.ts";
import { megatronLog } from "../training/megatron-log.ts";
import { mlperfTraining } from "../training/mlperf-training.ts";
import { trainingCsv } from "../training/training-csv.ts";
import { collectiveCsv } from "./collective-csv.ts";
import { hcclTest } from "./hccl-test.ts";
import { ncclTests } from "./nccl-tests.ts";
import { ncclTestsJson } from "./nccl-tests-json.ts";

/** Collective-bandwidth and training-throughput formats (topics 1.1, 3.2, 4.1, 4.4). */
export const COLLECTIVE_FORMATS: readonly FormatAdapter[] = [
  ncclTests,
  ncclTestsJson,
  hcclTest,
  collectiveCsv,
  megatronLog,
  mlperfTraining,
  trainingCsv,
];
