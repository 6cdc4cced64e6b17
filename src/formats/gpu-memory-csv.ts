import { ClaimcheckError } from "../model/errors.ts";
import type { EvidenceFile, GpuMemorySamples, ParsedEvidence } from "../model/evidence.ts";
import { createFinding } from "../model/finding.ts";
import { type ColumnSpec, FindingCollector, resolveColumns } from "./column-spec.ts";
import { parseNumberCell, sniffDelimiter, tokenizeCsv } from "./csv.ts";
import type { FormatAdapter } from "./format.ts";
import { decodeText } from "./text.ts";

/** The canonical `gpu-memory` CSV kind: one sample of one GPU per row (DCGM or any exporter can write it). */
export const GPU_MEMORY_COLUMNS: readonly ColumnSpec[] = [
  {
    name: "timestamp_s",
    required: true,
    unit: "s",
    description: "sample time, seconds (Unix epoch or relative)",
  },
  { name: "gpu", required: false, unit: "", description: "GPU index; 0 when absent" },
  { name: "memory_used_mib", required: true, unit: "MiB", description: "device memory in use" },
  { name: "memory_total_mib", required: true, unit: "MiB", description: "device memory size" },
  { name: "utilization_pct", required: false, unit: "%", description: "GPU (SM) utilization" },
];

export const gpuMemoryCsv: FormatAdapter = {
  id: "gpu-memory-csv",
  title: "claimcheck gpu-memory CSV",
  kind: "gpu-memory",
  detect: ({ head }) => {
    const first = (head.split("\n", 1)[0] ?? "").toLowerCase();
    return first.includes("memory_used_mib") && first.includes("timestamp_s") ? 0.9 : 0;
  },
  parse: parseGpuMemoryCsv,
};

// --- internal ---

const NUMERIC = ["timestamp_s", "gpu", "memory_used_mib", "memory_total_mib", "utilization_pct"] as const;

function parseGpuMemoryCsv(file: EvidenceFile): ParsedEvidence {
  const text = decodeText(file.path, file.bytes);
  const out = new FindingCollector();
  const rows: Array<{ line: number; values: number[] }> = [];
  let index: Map<string, number> | undefined;
  let broken = false;
  const tokenized = tokenizeCsv(
    text,
    file.path,
    sniffDelimiter(text.slice(0, text.indexOf("\n") >>> 0)),
    (fields, line) => {
      if (index === undefined) {
        const resolved = resolveColumns(fields, GPU_MEMORY_COLUMNS, file.path);
        index = resolved.index;
        broken = resolved.findings.length > 0;
        for (const f of resolved.findings) out.add(f);
        return;
      }
      if (broken || (fields.length === 1 && fields[0]?.trim() === "")) return;
      rows.push({
        line,
        values: NUMERIC.map((name) =>
          readCell(fields, index as Map<string, number>, name, line, file.path, out),
        ),
      });
    },
  );
  if (index === undefined)
    throw new ClaimcheckError(
      "E_INPUT",
      `${file.path} is empty; \`claimcheck template gpu-memory\` prints the header.`,
    );
  const memory = toSamples(rows);
  return {
    format: gpuMemoryCsv.id,
    kind: "gpu-memory",
    rows: memory.rows,
    memory,
    findings: [...tokenized.findings, ...out.finish(file.path)],
  };
}

function readCell(
  fields: string[],
  index: Map<string, number>,
  name: string,
  line: number,
  path: string,
  out: FindingCollector,
): number {
  const i = index.get(name);
  const cell = i === undefined ? "" : (fields[i] ?? "");
  const value = parseNumberCell(cell);
  if (value !== undefined) return value;
  out.add(
    createFinding(
      "CSV_BAD_NUMBER",
      "error",
      `"${cell.slice(0, 40)}" is not a plain number; write ${name} without units.`,
      { path, line, column: name },
    ),
  );
  return Number.NaN;
}

function toSamples(rows: Array<{ line: number; values: number[] }>): GpuMemorySamples {
  const column = (k: number) => Float64Array.from(rows, (r) => r.values[k] as number);
  return {
    rows: rows.length,
    timeS: column(0),
    gpu: Int32Array.from(rows, (r) => (Number.isNaN(r.values[1] as number) ? 0 : (r.values[1] as number))),
    usedMiB: column(2),
    totalMiB: column(3),
    utilizationPct: column(4),
    lines: Int32Array.from(rows, (r) => r.line),
  };
}
