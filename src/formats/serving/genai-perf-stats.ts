import { createFinding } from "../../model/create-finding.ts";
import type { EvidenceFile, ParsedEvidence, ReportedStatistic } from "../../model/evidence.ts";
import { FindingCollector } from "../text/column-spec.ts";
import { parseNumberCell, tokenizeCsv } from "../text/csv.ts";
import { decodeText } from "../text/text.ts";
import { createServingEvidence, createStatistic, NUMPY_METHODS, nothingUsable } from "./serving-summary.ts";

/**
 * A GenAI-Perf metric by definition: `inter_token_latency` is (E2E − TTFT)/(OSL − 1) per request,
 * i.e. vLLM's TPOT, so it maps to `tpot_ms`; AIPerf's `inter_chunk_latency` is vLLM's ITL.
 * `context` metrics are not latencies and go into the run facts as their average.
 */
export const GENAI_PERF_METRICS: Readonly<
  Record<string, { metric: string; kind: "latency" | "rate" | "context" }>
> = {
  time_to_first_token: { metric: "ttft_ms", kind: "latency" },
  request_latency: { metric: "e2e_ms", kind: "latency" },
  inter_token_latency: { metric: "tpot_ms", kind: "latency" },
  inter_chunk_latency: { metric: "itl_ms", kind: "latency" },
  request_throughput: { metric: "request_throughput", kind: "rate" },
  output_token_throughput: { metric: "output_token_throughput", kind: "rate" },
  request_goodput: { metric: "request_goodput", kind: "rate" },
  output_sequence_length: { metric: "mean_output_tokens", kind: "context" },
  input_sequence_length: { metric: "mean_input_tokens", kind: "context" },
  num_output_token: { metric: "mean_output_tokens", kind: "context" },
  num_input_token: { metric: "mean_input_tokens", kind: "context" },
  request_count: { metric: "request_count", kind: "context" },
  error_request_count: { metric: "error_request_count", kind: "context" },
};

/** Milliseconds per unit of a latency row; GenAI-Perf wrote ns before it switched to ms. */
export const MS_PER_UNIT: Readonly<Record<string, number>> = {
  ms: 1,
  ns: 1e-6,
  us: 1e-3,
  s: 1000,
  sec: 1000,
};

/** `avg` → `mean`; the rest (`min`, `max`, `std`, `p99`, …) keep their names. */
export function statisticName(column: string): string {
  return column === "avg" ? "mean" : column;
}

/**
 * `profile_export_genai_perf.csv`: a request-metric table (`Metric,avg,min,max,p99,…`, labels like
 * `Time To First Token (ms)`), an empty row, a `Metric,Value` table, then optional GPU telemetry
 * tables, which are skipped. Numbers are written `f"{v:,.2f}"`, so thousands separators are expected.
 * AIPerf's `profile_export_aiperf.csv` has the same shape (ascending percentile columns, `std`).
 */
export function parseGenaiPerfCsv(file: EvidenceFile, format: string): ParsedEvidence {
  const text = decodeText(file.path, file.bytes);
  const state: TableState = {
    header: undefined,
    reported: [],
    context: {},
    rows: 0,
    collector: new FindingCollector(),
  };
  const result = tokenizeCsv(text, file.path, ",", (cells, line) => visitRow(state, cells, line, file.path));
  const findings = [...result.findings, ...state.collector.finish(file.path)];
  if (state.reported.length === 0) findings.push(nothingUsable(file.path, "GenAI-Perf statistics table"));
  return createServingEvidence(format, {
    reported: state.reported,
    context: state.context,
    findings,
    records: state.rows,
  });
}

/** Splits `Time To First Token (ms)` into the metric key `time_to_first_token` and the unit `ms`. */
export function parseMetricLabel(label: string): { key: string; unit: string | undefined } {
  const match = /^(.*?)\s*(?:\(([^)]*)\))?\s*$/.exec(label.trim());
  const name = (match?.[1] ?? label).trim().toLowerCase().replace(/\s+/g, "_");
  return { key: name, unit: match?.[2]?.trim().toLowerCase() };
}

// --- internal ---

interface TableState {
  header: string[] | undefined;
  reported: ReportedStatistic[];
  context: Record<string, string | number | boolean>;
  rows: number;
  collector: FindingCollector;
}

function visitRow(state: TableState, cells: string[], line: number, path: string): void {
  if (cells.every((c) => c.trim() === "")) {
    state.header = undefined;
    return;
  }
  if (state.header === undefined) {
    state.header = cells.map((c) => c.trim());
    // Every GenAI-Perf table starts with a `Metric,…` header; a table without one lost its first line.
    if (state.header[0]?.toLowerCase() !== "metric") {
      state.collector.add(
        createFinding(
          "CSV_MISSING_COLUMN",
          "error",
          `This table starts with "${state.header[0]?.slice(0, 40)}" where GenAI-Perf writes its "Metric,…" header; submit the CSV as GenAI-Perf wrote it.`,
          { path, line, column: "Metric" },
          { variant: "genai_perf_stats_1", header: String(state.header[0]?.slice(0, 40)) },
        ),
      );
    }
    return;
  }
  // GPU telemetry tables (`Metric,GPU,…`) describe the client machine, not the served model.
  if (state.header[1] === "GPU") return;
  state.rows++;
  if (cells.length !== state.header.length) {
    state.collector.add(
      createFinding(
        "CSV_FIELD_COUNT",
        "error",
        `Row has ${cells.length} fields but its table's header has ${state.header.length}; submit the CSV as GenAI-Perf wrote it.`,
        { path, line },
        { variant: "genai_perf_stats_1", cells_count: cells.length, header_count: state.header.length },
      ),
    );
    return;
  }
  const { key, unit } = parseMetricLabel(cells[0] ?? "");
  const known = GENAI_PERF_METRICS[key];
  if (known === undefined) return;
  const scale = known.kind === "latency" ? MS_PER_UNIT[unit ?? ""] : 1;
  if (scale === undefined) {
    state.collector.add(
      createFinding(
        "GENAI_PERF_UNKNOWN_UNIT",
        "error",
        `Unit "${unit ?? ""}" of "${cells[0]}" is not a time unit claimcheck knows (ms, ns, us, s); submit the CSV as GenAI-Perf wrote it.`,
        { path, line, column: "Metric" },
        { unit: unit ?? "", cells: String(cells[0]) },
      ),
    );
    return;
  }
  for (let i = 1; i < cells.length; i++)
    readCell(state, known, cells[i] as string, state.header[i] ?? "", scale, line, path);
}

function readCell(
  state: TableState,
  known: { metric: string; kind: string },
  cell: string,
  column: string,
  scale: number,
  line: number,
  path: string,
): void {
  const trimmed = cell.trim();
  if (trimmed === "" || trimmed === "N/A") return;
  const value = parseNumberCell(trimmed.replaceAll(",", ""));
  if (value === undefined || Number.isNaN(value)) {
    state.collector.add(
      createFinding(
        "CSV_BAD_NUMBER",
        "error",
        `"${trimmed.slice(0, 40)}" is not a number; submit the CSV as GenAI-Perf wrote it.`,
        { path, line, column },
        { variant: "genai_perf_stats_1", trimmed: trimmed.slice(0, 40) },
      ),
    );
    return;
  }
  const statistic = column === "Value" ? "value" : statisticName(column);
  if (known.kind === "context") {
    if (statistic === "mean" || statistic === "value") state.context[known.metric] = value;
    return;
  }
  if (known.kind === "rate" && statistic !== "value" && statistic !== "mean") return;
  const name = known.kind === "rate" ? "value" : statistic;
  state.reported.push(
    createStatistic(
      { key: column, metric: known.metric, statistic: name },
      value * scale,
      NUMPY_METHODS,
      line,
    ),
  );
}
