import type { HardwareCatalog } from "../model/hardware.ts";
import type { Submission } from "../model/manifest.ts";
import type { Chart, RequirementResult } from "../model/report.ts";
import type { Topic } from "../model/topic.ts";
import { computeBarCharts } from "./bar-charts.ts";
import { computeBusbwCharts } from "./collective-charts.ts";
import { computeLatencyCharts } from "./latency-charts.ts";
import { computeMemoryTimelines } from "./memory-charts.ts";
import type { VerifiedInput } from "./verify-submission.ts";

export interface ComputeChartsOptions {
  requirements: RequirementResult[];
  inputs: VerifiedInput[];
  system: Submission["system"];
  hardware?: HardwareCatalog;
  /** The topic, for what the report does not repeat (the collective a busbw requirement reads). */
  topic?: Topic;
}

/**
 * Chart data for a report, computed from the evidence at verify time: latency percentile plots
 * (candidate vs baseline, the judged percentile and the target marked) per latency metric a
 * requirement uses, bars of the relative requirements by verdict with their bounds, GPU memory
 * timelines and busbw by message size with the target and the judged window.
 */
export function computeCharts(options: ComputeChartsOptions): Chart[] {
  return [
    ...computeLatencyCharts(options.requirements, options.inputs),
    ...computeBarCharts(options.requirements),
    ...computeMemoryTimelines(options),
    ...computeBusbwCharts(options),
  ];
}
