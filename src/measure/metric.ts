import type { Collective } from "../model/collective.ts";
import type { ParsedEvidence } from "../model/evidence.ts";
import type { Finding } from "../model/finding.ts";
import type { HardwareCatalog } from "../model/hardware.ts";
import type { System } from "../model/manifest.ts";
import type { MessageRef } from "../model/message.ts";
import type { Comparison } from "../model/topic.ts";

/** Everything a metric may look at: the parsed evidence by role and the declared system. */
export interface MeasureInput {
  /** Role → parsed evidence (`candidate`, `baseline`, `memory`, `qrels`, …). */
  evidence: Record<string, ParsedEvidence>;
  system: System;
  /** Two-sided confidence level of every bound. @default 0.95 */
  confidence: number;
  /** Seed of every bootstrap, so reports are reproducible. @default 20240 */
  seed: number;
  percentileMethod: "linear" | "nearest-rank";
  /** The baseline role of the requirement, when it is relative. */
  baselineRole?: string;
  /** The role the requirement reads first when a submission holds several files of one kind. */
  candidateRole?: string;
  /** The collective a bandwidth requirement is about (3.2: all_reduce, all_gather). */
  collective?: Collective;
  /** The hardware catalog, for link rates and peaks. @default empty */
  hardware?: HardwareCatalog;
  comparison: Comparison;
  /** Conditions the team declared with the claim (e.g. `cutoff: 10`). */
  conditions: Record<string, string | number | boolean>;
}

/** A recomputed value with its confidence bound. Relative values are fractions (0.05 = 5 %). */
export interface MetricEstimate {
  value: number;
  low: number | null;
  high: number | null;
  n: number;
  method: string;
  candidate?: number;
  baseline?: number;
  /** `reported` when the value is the tool's own number from a summary-only file. @default "recomputed" */
  source?: "recomputed" | "reported";
  findings?: Finding[];
  /**
   * The n at which the bound would clear `threshold`, given the observed spread; computed by the
   * metric because only it knows its bound (percentile order statistics, Wilson, bootstrap, …).
   */
  nNeeded?: (threshold: number) => number | null;
  /**
   * Set when the evidence covers only part of what the target is defined on (an lm-eval run with
   * `--limit`, a message-size window that misses the target's sizes): the value is shown, but a pass
   * becomes `inconclusive` with this sentence as the reason.
   */
  partial?: string;
  /** `partial` as a catalog message, so the reason renders in another language. */
  partialRef?: MessageRef;
  /** `method` as a catalog message (`render/catalog/reasons.ts`). */
  methodRef?: MessageRef;
  /**
   * When a claim disagrees with the value: a finding that says which other convention the claimed
   * number matches (a doubled busbw, the footer average, a lower denominator), so the report explains
   * the gap instead of only stating it. `claimed` is in the requirement's unit.
   */
  explainClaim?: (claimed: number) => Finding | undefined;
}

/** Why a metric could not be computed: the evidence is absent, or present but unusable. */
export interface MetricUnavailable {
  unavailable: "missing" | "invalid";
  reason: string;
  /** `reason` as a catalog message (`render/catalog/reasons.ts`), so it renders in another language. */
  reasonRef?: MessageRef;
  findings?: Finding[];
}

export interface MetricDefinition {
  /** e.g. `ttft_ms.p99`, `busbw.utilization`, `retrieval.ndcg@10`. */
  id: string;
  /** Unit of the absolute value (`ms`, `GiB`, `fraction`, `GB/s`, …). */
  unit: string;
  better: "lower" | "higher";
  /** Computes the metric for `input.comparison` (absolute, or relative to `input.baselineRole`). */
  evaluate(input: MeasureInput): MetricEstimate | MetricUnavailable;
}

export function isUnavailable(result: MetricEstimate | MetricUnavailable): result is MetricUnavailable {
  return "unavailable" in result;
}
