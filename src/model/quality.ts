import type { NumericColumn, ParsedEvidence } from "./evidence.ts";

/**
 * One topic of a TREC run, in file order: `scores[i]` is the `sim` of `docnos[i]` (the rank column is
 * ignored, as trec_eval ignores it) and `lines[i]` its line in the file.
 */
export interface RunTopic {
  qid: string;
  docnos: string[];
  scores: NumericColumn;
  lines: Int32Array;
}

/** A TREC run (`qid Q0 docno rank sim run_id`), topics in order of first appearance. */
export interface RetrievalRun {
  /** The run tag of the last line, as trec_eval reports it. */
  runId: string;
  topics: RunTopic[];
}

/** TREC qrels (`qid iter docno rel`): qid → docno → relevance; negative levels mean "unjudged". */
export interface RetrievalQrels {
  topics: Map<string, Map<string, number>>;
}

/** One task/metric score (`accuracy` kind): a fraction in [0, 1], its n and standard error (NaN if unknown). */
export interface AccuracyScore {
  task: string;
  metric: string;
  /** lm-eval filter (`none`, `strict-match`, …); absent for formats without filters. */
  filter?: string;
  /** The model column of a multi-model table (OpenCompass). */
  model?: string;
  value: number;
  n: number;
  stderr: number;
  /** True for a group row (e.g. `mmlu`) whose value claimcheck recomputed from its leaf subtasks. */
  group?: boolean;
  /** Few-shot count and task version the harness recorded, compared between baseline and candidate. */
  nShot?: number;
  version?: string;
  line?: number;
}

/** Per-item scores of one task/metric/filter (lm-eval samples JSONL), one entry per unique doc id. */
export interface AccuracyItems {
  task: string;
  metric: string;
  filter: string;
  docIds: string[];
  values: NumericColumn;
}

export interface AccuracyTable {
  scores: AccuracyScore[];
  /** Top-level tasks (not a subtask of any group), in file order, when the format knows its groups. */
  topLevel?: string[];
  items?: AccuracyItems[];
}

/** Reference/prediction pairs (`generation-pairs` kind), one per item. */
export interface GenerationPairs {
  rows: number;
  itemId: string[];
  reference: string[];
  prediction: string[];
  lines: Int32Array;
}

/** One device model of the app's device list (`devices` kind). */
export interface DeviceRow {
  device: string;
  /** Market share as a fraction (NaN when not given). */
  share: number;
  passed: boolean;
  /** Tokens/s or the team's declared speed unit (NaN when not given). */
  speed: number;
  line: number;
}

/** The quality tables a parsed file may carry, beside the serving ones of `ParsedEvidence`. */
export interface QualityTables {
  retrievalRun?: RetrievalRun;
  qrels?: RetrievalQrels;
  accuracy?: AccuracyTable;
  generation?: GenerationPairs;
  devices?: DeviceRow[];
}

/** Parsed evidence with the quality tables (until `ParsedEvidence` declares them itself). */
export type QualityEvidence = ParsedEvidence & QualityTables;
