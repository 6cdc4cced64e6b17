import { createFinding } from "../../model/create-finding.ts";
import type { Finding } from "../../model/finding.ts";
import type { FindingCollector } from "../text/column-spec.ts";
import { parseNumberCell } from "../text/csv.ts";
import { parseSmiTimestamp } from "../text/timestamps.ts";

/** nvidia-smi's header: query names in file order, with the unit each one prints in brackets. */
export interface SmiHeader {
  /** The header cells as printed, trimmed, to recognise a repeated header. */
  cells: string[];
  width: number;
  index: Map<string, number>;
  units: Map<string, string>;
}

/** One sample as read; NaN for a value that is missing or unreadable (a finding says which). */
export interface SmiRow {
  timeS: number;
  gpu: number;
  usedMiB: number;
  totalMiB: number;
  utilizationPct: number;
}

export function readSmiHeader(fields: string[]): SmiHeader {
  const header: SmiHeader = { cells: [], width: fields.length, index: new Map(), units: new Map() };
  fields.forEach((cell, i) => {
    const text = cell.trim();
    const m = /^(.*?)\s*\[(.*)\]$/.exec(text);
    const name = (m === null ? text : (m[1] as string)).toLowerCase();
    header.cells.push(text);
    if (!header.index.has(name)) header.index.set(name, i);
    if (m !== null) header.units.set(name, m[2] as string);
  });
  return header;
}

/** Missing required columns, and units other than the ones claimcheck reads (MiB, %). */
export function smiHeaderFindings(header: SmiHeader, fields: string[], path: string): Finding[] {
  const first = (fields[0] ?? "").trim();
  const noHeader = Number.isFinite(parseSmiTimestamp(first)) || /^\d+$/.test(first);
  const fix = noHeader
    ? "the first line is a sample, not nvidia-smi's header (was --format=csv,noheader used?); record without noheader"
    : "record it";
  const findings = REQUIRED.filter((name) => !header.index.has(name)).map((name) =>
    createFinding(
      "CSV_MISSING_COLUMN",
      "error",
      `Column "${name}" is missing from the header; ${fix}: ${SMI_COMMAND}.`,
      { path, line: 1, column: name },
      { variant: "nvidia_smi_cells_1", name, fix, smi_command: SMI_COMMAND },
    ),
  );
  for (const [name, unit] of Object.entries(UNITS)) {
    const printed = header.units.get(name);
    if (printed !== undefined && printed !== unit)
      findings.push(
        createFinding(
          "SMI_BAD_UNIT",
          "error",
          `Column "${name}" is in [${printed}], but nvidia-smi prints [${unit}]; submit the file as nvidia-smi wrote it.`,
          { path, line: 1, column: name },
          { name, printed, unit },
        ),
      );
  }
  return findings;
}

/** Reads one sample; bad and unavailable cells become NaN with a finding at their line and column. */
export function readSmiRow(
  header: SmiHeader,
  fields: string[],
  at: { path: string; line: number },
  out: FindingCollector,
): SmiRow {
  const cell = (name: string) => {
    const i = header.index.get(name);
    return i === undefined ? undefined : (fields[i] ?? "");
  };
  return {
    timeS: readTime(cell("timestamp") ?? "", at, out),
    gpu: readIndex(cell("index"), at, out),
    usedMiB: readValue(cell("memory.used") ?? "", "memory.used", at, out),
    totalMiB: readValue(cell("memory.total") ?? "", "memory.total", at, out),
    utilizationPct: readValue(cell("utilization.gpu"), "utilization.gpu", at, out),
  };
}

// --- internal ---

const SMI_COMMAND =
  "nvidia-smi --query-gpu=timestamp,index,memory.used,memory.total,utilization.gpu --format=csv -l 1";
const REQUIRED = ["timestamp", "memory.used", "memory.total"] as const;
const UNITS: Readonly<Record<string, string>> = {
  "memory.used": "MiB",
  "memory.total": "MiB",
  "utilization.gpu": "%",
};

function readTime(text: string, at: { path: string; line: number }, out: FindingCollector): number {
  const time = parseSmiTimestamp(text);
  if (Number.isNaN(time))
    out.add(
      createFinding(
        "SMI_BAD_TIMESTAMP",
        "error",
        `Timestamp "${text.trim().slice(0, 40)}" is not nvidia-smi's YYYY/MM/DD HH:MM:SS.mmm; keep the file as nvidia-smi wrote it.`,
        { ...at, column: "timestamp" },
        { text: text.trim().slice(0, 40) },
      ),
    );
  return time;
}

/** The GPU index; a timeline without the index column is one GPU, number 0. */
function readIndex(
  text: string | undefined,
  at: { path: string; line: number },
  out: FindingCollector,
): number {
  if (text === undefined) return 0;
  const s = text.trim();
  if (/^\d{1,4}$/.test(s)) return Number(s);
  out.add(
    createFinding(
      "CSV_BAD_NUMBER",
      "error",
      `"${s.slice(0, 40)}" is not a GPU index (0, 1, …); keep the file as nvidia-smi wrote it.`,
      { ...at, column: "index" },
      { variant: "nvidia_smi_cells_1", s: s.slice(0, 40) },
    ),
  );
  return -1;
}

/**
 * `1234 MiB`, `45 %`, or the bare number with `nounits`. nvidia-smi writes `[N/A]`, `[Not Supported]`,
 * `[Unknown Error]`… in brackets when the driver cannot read a value: NaN with a warning. An absent
 * optional column is NaN without one.
 */
function readValue(
  text: string | undefined,
  column: string,
  at: { path: string; line: number },
  out: FindingCollector,
): number {
  if (text === undefined) return Number.NaN;
  const s = text.trim();
  const unit = UNITS[column] as string;
  const bare = s.endsWith(` ${unit}`) ? s.slice(0, -unit.length - 1) : s;
  const value = bare === "" ? undefined : parseNumberCell(bare);
  if (value !== undefined && Number.isFinite(value)) return value;
  const unavailable = /^\[.*\]$/.test(s);
  out.add(
    createFinding(
      unavailable ? "SMI_NOT_AVAILABLE" : "CSV_BAD_NUMBER",
      unavailable ? "warning" : "error",
      unavailable
        ? `${column} is ${s} here (the driver could not read it), so this value is missing; check the GPU and driver if it repeats.`
        : `"${s.slice(0, 40)}" is not a number of ${unit}; keep the file as nvidia-smi wrote it ("1234 ${unit}", or a bare number with nounits).`,
      { ...at, column },
    ),
  );
  return Number.NaN;
}
