import type { FormatAdapter } from "../format.ts";
import { gpuMemoryCsv } from "../system/gpu-memory-csv.ts";
import { nvidiaSmiCsv } from "../system/nvidia-smi.ts";
import { mlperfDetail } from "./mlperf-detail.ts";
import { mlperfSummary } from "./mlperf-summary.ts";

/**
 * MLPerf LoadGen logs and GPU memory timelines, in detection priority order. Each detector looks for
 * text only its tool writes (LoadGen's banner, the `mlperf::logging` namespace, nvidia-smi's dotted
 * query names, our `memory_used_mib`), so at most one of them claims a file.
 */
export const LOADGEN_AND_MEMORY_FORMATS: readonly FormatAdapter[] = [
  mlperfSummary,
  mlperfDetail,
  nvidiaSmiCsv,
  gpuMemoryCsv,
];
