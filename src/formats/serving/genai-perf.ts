import type { DetectInput, FormatAdapter } from "../format.ts";
import { parseGenaiPerfExportChunks } from "./genai-perf-bytes.ts";
import { parseGenaiPerfExport } from "./genai-perf-requests.ts";
import { parseGenaiPerfCsv } from "./genai-perf-stats.ts";
import { parseGenaiPerfSummary } from "./genai-perf-summary.ts";

/** perf_analyzer's `profile_export.json`: raw per-request timestamps in ns (see genai-perf-requests.ts). */
export const genaiPerfExport: FormatAdapter = {
  id: "genai-perf-export",
  title: "GenAI-Perf / perf_analyzer profile_export.json (per-request timestamps)",
  kind: "serving-requests",
  detect: ({ head }: DetectInput) =>
    startsWith(head, "{") &&
    head.includes('"experiments"') &&
    /"(response_timestamps|service_kind)"/.test(head)
      ? 0.95
      : 0,
  parse: (file) => parseGenaiPerfExport(file, "genai-perf-export"),
  parseChunks: (path, chunks) => parseGenaiPerfExportChunks(path, chunks, "genai-perf-export"),
};

/** `profile_export_genai_perf.csv`: the tool's statistics table (AIPerf's has its own id, aiperf-summary.ts). */
export const genaiPerfCsv: FormatAdapter = {
  id: "genai-perf-csv",
  title: "GenAI-Perf profile_export_genai_perf.csv (statistics table)",
  kind: "serving-requests",
  detect: ({ head }: DetectInput) => (/^Metric,avg,min,max,/.test(head) ? 0.95 : 0),
  parse: (file) => parseGenaiPerfCsv(file, "genai-perf-csv"),
};

/** `profile_export_genai_perf.json`: statistics per metric (AIPerf's has its own id, aiperf-summary.ts). */
export const genaiPerfJson: FormatAdapter = {
  id: "genai-perf-json",
  title: "GenAI-Perf profile_export_genai_perf.json (statistics per metric)",
  kind: "serving-requests",
  detect: ({ head }: DetectInput) => (startsWith(head, "{") && STATS_OBJECT.test(head) ? 0.9 : 0),
  parse: (file) => parseGenaiPerfSummary(file, "genai-perf-json"),
};

// --- internal ---

/** A latency metric whose value is an object with an `avg` (AIPerf's per-request JSONL has `value`). */
const STATS_OBJECT =
  /"(time_to_first_token|request_latency|inter_token_latency|request_throughput)"\s*:\s*\{[^{}]*"avg"\s*:/;

function startsWith(head: string, char: string): boolean {
  return head.trimStart().startsWith(char);
}
