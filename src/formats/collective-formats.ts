import type { FormatAdapter } from "./format.ts";
import { ncclTests } from "./nccl-tests.ts";

/** Collective-bandwidth and training-throughput formats (topics 1.1, 3.2, 4.1, 4.4). */
export const COLLECTIVE_FORMATS: readonly FormatAdapter[] = [ncclTests];
