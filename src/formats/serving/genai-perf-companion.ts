import { createFinding } from "../../model/create-finding.ts";
import type { ParsedEvidence, ServingRequests } from "../../model/evidence.ts";
import type { Finding } from "../../model/finding.ts";

/** The formats GenAI-Perf writes its statistics in, beside the profile export of the same run. */
export const GENAI_PERF_SUMMARY_FORMATS: ReadonlySet<string> = new Set(["genai-perf-json", "genai-perf-csv"]);

/**
 * Joins GenAI-Perf's `profile_export.json` (request timestamps, no tokens) with the summary GenAI-Perf
 * wrote from it (`profile_export_genai_perf.json`/`.csv`, declared as the evidence's `companion`): the
 * rows keep TTFT, E2E and ITL as recomputed here; the summary adds what needs the tool's tokenizer
 * (TPOT = its inter_token_latency, token throughput, sequence lengths). Its TTFT and E2E statistics
 * are kept too, so the summary check compares them with the rows. A summary of another run is refused.
 */
export function mergeGenaiPerfCompanion(
  main: ParsedEvidence,
  companion: ParsedEvidence,
  companionPath: string,
): ParsedEvidence {
  const wrong = companionProblem(main, companion, companionPath);
  if (wrong !== undefined) return { ...main, findings: [...main.findings, wrong] };
  const tokenContext: Record<string, string | number | boolean> = {};
  for (const key of ["mean_output_tokens", "mean_input_tokens"]) {
    const value = companion.context?.[key];
    if (value !== undefined) tokenContext[key] = value;
  }
  return {
    ...main,
    reported: [...(main.reported ?? []), ...(companion.reported ?? [])],
    context: { ...main.context, ...tokenContext, companion: companionPath },
    findings: [...main.findings, ...companion.findings],
  };
}

/** The note on a profile export without server token counts: where TPOT and token throughput come from. */
export function noTokenCounts(path: string): Finding {
  return createFinding(
    "GENAI_PERF_NO_TOKEN_COUNTS",
    "info",
    `The responses carry no server token counts (GenAI-Perf counts tokens with its own tokenizer), so TPOT and token throughput come only from the tool's summary; ${SUBMIT_COMPANION}`,
    { path },
    { submit_companion: SUBMIT_COMPANION },
  );
}

const SUBMIT_COMPANION =
  "declare GenAI-Perf's profile_export_genai_perf.json (or .csv) of the same run as the evidence's `companion`.";

/** What the export cannot hold: token counts, and TPOT, which needs them (GenAI-Perf's ITL). */
export const CLIENT_COUNTED: NonNullable<ServingRequests["unrecorded"]> = {
  inputTokens: `GenAI-Perf counts tokens with its client tokenizer and writes them only to its summary; ${SUBMIT_COMPANION}`,
  outputTokens: `GenAI-Perf counts tokens with its client tokenizer and writes them only to its summary; ${SUBMIT_COMPANION}`,
  tpotMs: `TPOT (GenAI-Perf's inter_token_latency) needs GenAI-Perf's token counts; ${SUBMIT_COMPANION}`,
};

// --- internal ---

function companionProblem(
  main: ParsedEvidence,
  companion: ParsedEvidence,
  path: string,
): Finding | undefined {
  if (main.format !== "genai-perf-export" || !GENAI_PERF_SUMMARY_FORMATS.has(companion.format))
    return createFinding(
      "COMPANION_FORMAT",
      "error",
      `A companion joins GenAI-Perf's profile_export.json with its profile_export_genai_perf.json or .csv; here a ${main.format} file was given a ${companion.format} companion. Remove the companion or submit that pair.`,
      { path },
      { format: main.format, format2: companion.format },
    );
  // GenAI-Perf counts the experiment's requests: all of them or the answered ones, depending on the
  // release, so a summary that matches neither is another run's. Several experiments are not compared.
  const count = companion.context?.request_count;
  const rows = main.context?.requests;
  const answered = main.context?.completed;
  const several = main.findings.some((f) => f.code === "GENAI_PERF_SEVERAL_EXPERIMENTS");
  if (
    typeof count === "number" &&
    typeof rows === "number" &&
    !several &&
    count !== rows &&
    count !== answered
  )
    return createFinding(
      "COMPANION_OTHER_RUN",
      "error",
      `The companion summary counts ${count} requests but the profile export holds ${rows}; they are not from the same run. Submit the profile_export_genai_perf file GenAI-Perf wrote beside this profile_export.json.`,
      { path, line: 1 },
      { count, rows },
    );
  return undefined;
}
