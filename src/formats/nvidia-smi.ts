import { ClaimcheckError } from "../model/errors.ts";
import type { EvidenceFile, GpuMemorySamples, ParsedEvidence } from "../model/evidence.ts";
import { createFinding } from "../model/finding.ts";
import { FindingCollector } from "./column-spec.ts";
import { tokenizeCsv } from "./csv.ts";
import type { DetectInput, FormatAdapter } from "./format.ts";
import { decodeText } from "./text.ts";

/**
 * `nvidia-smi --query-gpu=timestamp,index,memory.used,memory.total,utilization.gpu --format=csv[,nounits]`.
 * Header cells carry units in brackets (`memory.used [MiB]`); without `nounits` every value does too
 * (`1234 MiB`, `45 %`). Columns may come in any order; others are ignored.
 */
export const nvidiaSmiCsv: FormatAdapter = {
  id: "nvidia-smi-csv",
  title: "nvidia-smi --query-gpu CSV",
  kind: "gpu-memory",
  detect: ({ head }: DetectInput) =>
    /^\s*timestamp\s*,.*memory\.used/m.test(head.split("\n", 1)[0] ?? "") ? 0.95 : 0,
  parse: parseNvidiaSmi,
};

/** nvidia-smi prints local time without a zone: read it as UTC, since only differences and order matter. */
export function parseSmiTimestamp(cell: string): number {
  const m = /^\s*(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d+)?\s*$/.exec(cell);
  if (m === null) return Number.NaN;
  const [, y, mo, d, h, mi, s, frac] = m;
  return (
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) / 1000 +
    Number(frac ?? 0)
  );
}

// --- internal ---

const WANTED = ["timestamp", "index", "memory.used", "memory.total", "utilization.gpu"] as const;
const REQUIRED = ["timestamp", "memory.used", "memory.total"] as const;

function parseNvidiaSmi(file: EvidenceFile): ParsedEvidence {
  const text = decodeText(file.path, file.bytes);
  const out = new FindingCollector();
  const rows: Array<{ line: number; cells: string[] }> = [];
  let header: Map<string, number> | undefined;
  const tokenized = tokenizeCsv(text, file.path, ",", (fields, line) => {
    if (header === undefined) header = readHeader(fields);
    else if (!(fields.length === 1 && fields[0]?.trim() === "")) rows.push({ line, cells: [...fields] });
  });
  if (header === undefined)
    throw new ClaimcheckError(
      "E_INPUT",
      `${file.path} is empty; capture the timeline with nvidia-smi --query-gpu=... --format=csv -l 1.`,
    );
  const columns = header;
  const missing = REQUIRED.filter((name) => !columns.has(name));
  for (const name of missing) {
    out.add(
      createFinding(
        "CSV_MISSING_COLUMN",
        "error",
        `Column "${name}" is missing; query it: nvidia-smi --query-gpu=timestamp,index,memory.used,memory.total,utilization.gpu --format=csv -l 1.`,
        { path: file.path, line: 1, column: name },
      ),
    );
  }
  const memory = missing.length > 0 ? emptySamples() : fillSamples(rows, columns, file.path, out);
  return {
    format: nvidiaSmiCsv.id,
    kind: "gpu-memory",
    rows: memory.rows,
    memory,
    findings: [...tokenized.findings, ...out.finish(file.path)],
  };
}

function readHeader(fields: string[]): Map<string, number> {
  const index = new Map<string, number>();
  fields.forEach((cell, i) => {
    const name = cell
      .trim()
      .replace(/\s*\[.*\]$/, "")
      .toLowerCase();
    if ((WANTED as readonly string[]).includes(name)) index.set(name, i);
  });
  return index;
}

function fillSamples(
  rows: Array<{ line: number; cells: string[] }>,
  columns: Map<string, number>,
  path: string,
  out: FindingCollector,
): GpuMemorySamples {
  const n = rows.length;
  const samples: GpuMemorySamples = {
    rows: n,
    timeS: new Float64Array(n),
    gpu: new Int32Array(n),
    usedMiB: new Float64Array(n),
    totalMiB: new Float64Array(n),
    utilizationPct: new Float64Array(n),
    lines: Int32Array.from(rows, (r) => r.line),
  };
  rows.forEach(({ line, cells }, i) => {
    const cell = (name: string) => cells[columns.get(name) ?? -1] ?? "";
    samples.timeS[i] = parseSmiTimestamp(cell("timestamp"));
    if (Number.isNaN(samples.timeS[i] as number))
      out.add(
        createFinding(
          "SMI_BAD_TIMESTAMP",
          "error",
          `Timestamp "${cell("timestamp").trim().slice(0, 40)}" is not nvidia-smi's YYYY/MM/DD HH:MM:SS.mmm; keep the file as nvidia-smi wrote it.`,
          { path, line, column: "timestamp" },
        ),
      );
    samples.gpu[i] = columns.has("index") ? Number.parseInt(cell("index"), 10) || 0 : 0;
    samples.usedMiB[i] = readValue(cell("memory.used"), "MiB", "memory.used", { path, line }, out);
    samples.totalMiB[i] = readValue(cell("memory.total"), "MiB", "memory.total", { path, line }, out);
    samples.utilizationPct[i] = columns.has("utilization.gpu")
      ? readValue(cell("utilization.gpu"), "%", "utilization.gpu", { path, line }, out)
      : Number.NaN;
  });
  return samples;
}

/** `1234 MiB`, `1234` (nounits) or `[N/A]`; anything else is an error finding. */
function readValue(
  cell: string,
  unit: string,
  column: string,
  at: { path: string; line: number },
  out: FindingCollector,
): number {
  const s = cell.trim();
  if (s === "[N/A]" || s === "[Not Supported]" || s === "N/A") {
    out.add(
      createFinding(
        "SMI_NOT_AVAILABLE",
        "warning",
        `${column} is ${s} here; the sample is left out. Check the driver supports this query.`,
        { ...at, column },
      ),
    );
    return Number.NaN;
  }
  const m = new RegExp(`^(-?\\d+(?:\\.\\d+)?)(?:\\s*${unit.replace("%", "%")})?$`).exec(s);
  if (m === null) {
    out.add(
      createFinding(
        "CSV_BAD_NUMBER",
        "error",
        `"${s.slice(0, 40)}" is not a number of ${unit}; keep the file as nvidia-smi wrote it.`,
        { ...at, column },
      ),
    );
    return Number.NaN;
  }
  return Number(m[1]);
}

function emptySamples(): GpuMemorySamples {
  return {
    rows: 0,
    timeS: new Float64Array(),
    gpu: new Int32Array(),
    usedMiB: new Float64Array(),
    totalMiB: new Float64Array(),
    utilizationPct: new Float64Array(),
    lines: new Int32Array(),
  };
}
