import { mergeGenaiPerfCompanion } from "../formats/serving/genai-perf-companion.ts";
import { checkSummaryAgainstRows } from "./summary-check.ts";
import type { VerifiedInput } from "./verify-submission.ts";

/**
 * One evidence file completed by its companion (manifest `companion:`): the companion's statistics
 * join the main file's evidence, and the ones the rows can reproduce (TTFT, E2E) are checked against
 * them, as for a file that holds both itself.
 */
export function joinCompanion(main: VerifiedInput, companion: VerifiedInput): VerifiedInput {
  const merged = mergeGenaiPerfCompanion(main.parsed, companion.parsed, companion.path);
  const added = merged.reported?.length !== main.parsed.reported?.length;
  const checks = added
    ? checkSummaryAgainstRows(companion.path, { ...merged, reported: companion.parsed.reported ?? [] })
    : [];
  return { ...main, parsed: { ...merged, findings: [...merged.findings, ...checks] } };
}
