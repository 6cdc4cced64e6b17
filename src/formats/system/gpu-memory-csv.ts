import { createFinding } from "../../model/create-finding.ts";
import { ClaimcheckError } from "../../model/errors.ts";
import type { EvidenceFile, ParsedEvidence } from "../../model/evidence.ts";
import type { Finding } from "../../model/finding.ts";
import type { FormatAdapter } from "../format.ts";
import { type ColumnSpec, FindingCollector, resolveColumns } from "../text/column-spec.ts";
import { parseNumberCell, sniffDelimiter, tokenizeCsv } from "../text/csv.ts";
import { decodeText } from "../text/text.ts";
import { parseIsoTimestamp } from "../text/timestamps.ts";
import { estimateRows, GpuMemoryBuilder } from "./gpu-memory-columns.ts";

/**
 * The canonical `gpu-memory` CSV kind: one sample of one GPU per row (DCGM or any exporter can write
 * it). `timestamp` in ISO 8601 may stand in for `timestamp_s`; it is left out here because
 * `claimcheck template` prints every listed name as the header, and a row needs only one of the two.
 */
export const GPU_MEMORY_COLUMNS: readonly ColumnSpec[] = [
  {
    name: "timestamp_s",
    required: true,
    unit: "s",
    description:
      "sample time in seconds (Unix epoch, or since any fixed start); or a `timestamp` column in ISO 8601 instead (UTC when it has no zone)",
  },
  { name: "gpu", required: false, unit: "", description: "GPU index (0, 1, …); 0 when absent" },
  {
    name: "memory_used_mib",
    required: true,
    unit: "MiB",
    description: "device memory in use (nvidia-smi memory.used)",
  },
  {
    name: "memory_total_mib",
    required: true,
    unit: "MiB",
    description: "device memory size (nvidia-smi memory.total)",
  },
  {
    name: "utilization_pct",
    required: false,
    unit: "%",
    description: "GPU utilization (nvidia-smi utilization.gpu)",
  },
];

export const gpuMemoryCsv: FormatAdapter = {
  id: "gpu-memory-csv",
  title: "claimcheck gpu-memory CSV",
  kind: "gpu-memory",
  detect: ({ head }) => {
    const first = (head.split("\n", 1)[0] ?? "").toLowerCase();
    return first.includes("memory_used_mib") && first.includes("timestamp") ? 0.9 : 0;
  },
  parse: parseGpuMemoryCsv,
};

// --- internal ---

/** The listed columns, with the time column's requirement checked by hand (either of two names). */
const SPECS: readonly ColumnSpec[] = GPU_MEMORY_COLUMNS.map((spec) =>
  spec.name === "timestamp_s" ? { ...spec, required: false } : spec,
);

interface CsvState {
  path: string;
  index?: Map<string, number>;
  width: number;
  headerFindings: Finding[];
  builder: GpuMemoryBuilder;
  out: FindingCollector;
}

function parseGpuMemoryCsv(file: EvidenceFile): ParsedEvidence {
  const text = decodeText(file.path, file.bytes);
  const state: CsvState = {
    path: file.path,
    width: 0,
    headerFindings: [],
    builder: new GpuMemoryBuilder(estimateRows(text)),
    out: new FindingCollector(),
  };
  const delimiter = sniffDelimiter(text.slice(0, text.indexOf("\n") >>> 0));
  const tokenized = tokenizeCsv(text, file.path, delimiter, (fields, line) => visit(state, fields, line));
  if (state.index === undefined)
    throw new ClaimcheckError(
      "E_INPUT",
      `${file.path} is empty; \`claimcheck template gpu-memory\` prints the header.`,
    );
  const memory = state.builder.build();
  const findings = [...state.headerFindings, ...tokenized.findings, ...state.out.finish(file.path)];
  if (memory.rows === 0 && findings.length === 0)
    findings.push(
      createFinding(
        "CSV_NO_ROWS",
        "error",
        "The file has a header but no samples; add one row per sample.",
        {
          path: file.path,
          line: 1,
        },
        { variant: "gpu_memory_csv_1" },
      ),
    );
  return { format: gpuMemoryCsv.id, kind: "gpu-memory", rows: memory.rows, memory, findings };
}

function visit(state: CsvState, fields: string[], line: number): void {
  if (fields.length === 1 && fields[0]?.trim() === "") return;
  if (state.index === undefined) {
    const resolved = resolveColumns(fields, SPECS, state.path, ["timestamp"]);
    for (const f of resolved.unknown) state.out.add(f);
    state.index = resolved.index;
    state.width = fields.length;
    state.headerFindings = [...resolved.findings, ...missingTime(resolved.index, state.path)];
    return;
  }
  if (state.headerFindings.length > 0) return;
  const at = { path: state.path, line };
  if (fields.length !== state.width) {
    state.out.add(
      createFinding(
        "CSV_FIELD_COUNT",
        "error",
        `Row has ${fields.length} fields but the header has ${state.width}, so it was left out; fix the delimiters or quoting of this row.`,
        at,
        { variant: "gpu_memory_csv_1", fields_count: fields.length, width: state.width },
      ),
    );
    return;
  }
  const cell = (name: string) => {
    const i = state.index?.get(name);
    return i === undefined ? undefined : (fields[i] ?? "");
  };
  state.builder.add(
    readTime(cell, at, state.out),
    readGpu(cell("gpu"), at, state.out),
    readNumber(cell("memory_used_mib"), "memory_used_mib", true, at, state.out),
    readNumber(cell("memory_total_mib"), "memory_total_mib", true, at, state.out),
    readNumber(cell("utilization_pct"), "utilization_pct", false, at, state.out),
    line,
  );
}

function missingTime(index: Map<string, number>, path: string): Finding[] {
  if (index.has("timestamp_s") || index.has("timestamp")) return [];
  return [
    createFinding(
      "CSV_MISSING_COLUMN",
      "error",
      'Required column "timestamp_s" (seconds) or "timestamp" (ISO 8601) is missing from the header; add one (`claimcheck template gpu-memory` prints the full header).',
      { path, line: 1, column: "timestamp_s" },
    ),
  ];
}

type At = { path: string; line: number };

/** `timestamp_s` wins when a file has both time columns. */
function readTime(cell: (name: string) => string | undefined, at: At, out: FindingCollector): number {
  const seconds = cell("timestamp_s");
  if (seconds !== undefined) return readNumber(seconds, "timestamp_s", true, at, out);
  const text = (cell("timestamp") ?? "").trim();
  const time = parseIsoTimestamp(text);
  if (Number.isNaN(time))
    out.add(
      createFinding(
        "CSV_BAD_TIMESTAMP",
        "error",
        `"${text.slice(0, 40)}" is not an ISO 8601 time; write it like 2026-10-12T08:00:01.250Z, or use a timestamp_s column in seconds.`,
        { ...at, column: "timestamp" },
        { text: text.slice(0, 40) },
      ),
    );
  return time;
}

function readGpu(text: string | undefined, at: At, out: FindingCollector): number {
  const s = (text ?? "").trim();
  if (s === "") return 0;
  if (/^\d{1,4}$/.test(s)) return Number(s);
  out.add(
    createFinding(
      "CSV_BAD_NUMBER",
      "error",
      `"${s.slice(0, 40)}" is not a GPU index; write 0, 1, … .`,
      {
        ...at,
        column: "gpu",
      },
      { variant: "gpu_memory_csv_1", s: s.slice(0, 40) },
    ),
  );
  return -1;
}

function readNumber(
  text: string | undefined,
  name: string,
  required: boolean,
  at: At,
  out: FindingCollector,
): number {
  const value = parseNumberCell(text ?? "");
  if (value !== undefined && (Number.isFinite(value) || (!required && Number.isNaN(value)))) return value;
  const s = (text ?? "").trim();
  const unit = GPU_MEMORY_COLUMNS.find((c) => c.name === name)?.unit ?? "";
  out.add(
    createFinding(
      "CSV_BAD_NUMBER",
      "error",
      value === undefined
        ? `"${s.slice(0, 40)}" is not a plain number; write ${name} in ${unit} as a bare number (1234, not "1234 ${unit}").`
        : `${name} is ${s === "" ? "empty" : `"${s}"`}; every sample needs a value, so fill it in or remove the row.`,
      { ...at, column: name },
    ),
  );
  return Number.NaN;
}
