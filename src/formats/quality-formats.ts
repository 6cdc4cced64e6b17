import type { FormatAdapter } from "./format.ts";
import { trecQrels } from "./trec-qrels.ts";
import { trecRun } from "./trec-run.ts";

/** The quality-claim formats (retrieval, accuracy, generation, devices), for the format registry. */
export const QUALITY_FORMATS: readonly FormatAdapter[] = [trecRun, trecQrels];
