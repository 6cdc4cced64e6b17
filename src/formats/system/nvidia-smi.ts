import { createFinding } from "../../model/create-finding.ts";
import { ClaimcheckError } from "../../model/errors.ts";
import type { EvidenceFile, ParsedEvidence } from "../../model/evidence.ts";
import type { Finding } from "../../model/finding.ts";
import type { FormatAdapter } from "../format.ts";
import { FindingCollector } from "../text/column-spec.ts";
import { tokenizeCsv } from "../text/csv.ts";
import { decodeText } from "../text/text.ts";
import { estimateRows, GpuMemoryBuilder } from "./gpu-memory-columns.ts";
import { readSmiHeader, readSmiRow, type SmiHeader, smiHeaderFindings } from "./nvidia-smi-cells.ts";

/**
 * `nvidia-smi --query-gpu=timestamp,index,memory.used,memory.total,utilization.gpu --format=csv[,nounits] -l 1`.
 * The header carries units in brackets (`memory.used [MiB]`), and without `nounits` so does every value
 * (`1234 MiB`, `45 %`); fields are separated by ", ". Columns may come in any order, others are
 * ignored, and a header repeated by a loop of separate nvidia-smi calls is skipped.
 */
export const nvidiaSmiCsv: FormatAdapter = {
  id: "nvidia-smi-csv",
  title: "nvidia-smi --query-gpu CSV",
  kind: "gpu-memory",
  detect: ({ head }) => {
    const first = (head.split("\n", 1)[0] ?? "").toLowerCase();
    if (!/(^|,)\s*memory\.used\b/.test(first)) return 0;
    return /(^|,)\s*timestamp\s*(,|$)/.test(first) ? 0.95 : 0.9;
  },
  parse: parseNvidiaSmi,
};

// --- internal ---

interface SmiState {
  path: string;
  header?: SmiHeader;
  headerFindings: Finding[];
  builder: GpuMemoryBuilder;
  out: FindingCollector;
}

function parseNvidiaSmi(file: EvidenceFile): ParsedEvidence {
  const text = decodeText(file.path, file.bytes);
  const state: SmiState = {
    path: file.path,
    headerFindings: [],
    builder: new GpuMemoryBuilder(estimateRows(text)),
    out: new FindingCollector(),
  };
  const tokenized = tokenizeCsv(text, file.path, ",", (fields, line) => visit(state, fields, line));
  if (state.header === undefined)
    throw new ClaimcheckError(
      "E_INPUT",
      `${file.path} is empty; record the timeline with nvidia-smi --query-gpu=timestamp,index,memory.used,memory.total,utilization.gpu --format=csv -l 1.`,
    );
  const memory = state.builder.build();
  const findings = [...state.headerFindings, ...tokenized.findings, ...state.out.finish(file.path)];
  if (memory.rows === 0 && findings.length === 0) findings.push(noRows(file.path));
  return { format: nvidiaSmiCsv.id, kind: "gpu-memory", rows: memory.rows, memory, findings };
}

function visit(state: SmiState, fields: string[], line: number): void {
  if (fields.length === 1 && fields[0]?.trim() === "") return;
  if (state.header === undefined) {
    state.header = readSmiHeader(fields);
    state.headerFindings = smiHeaderFindings(state.header, fields, state.path);
    return;
  }
  if (state.headerFindings.length > 0 || isHeaderAgain(state.header, fields)) return;
  if (fields.length !== state.header.width) {
    state.out.add(
      createFinding(
        "CSV_FIELD_COUNT",
        "error",
        `Row has ${fields.length} fields but the header has ${state.header.width}, so it was left out; nvidia-smi was probably stopped mid-line — remove the cut line.`,
        { path: state.path, line },
        { variant: "nvidia_smi_1", fields_count: fields.length, width: state.header.width },
      ),
    );
    return;
  }
  const row = readSmiRow(state.header, fields, { path: state.path, line }, state.out);
  state.builder.add(row.timeS, row.gpu, row.usedMiB, row.totalMiB, row.utilizationPct, line);
}

/** `while true; do nvidia-smi --query-gpu=… --format=csv; sleep 1; done` prints the header every time. */
function isHeaderAgain(header: SmiHeader, fields: string[]): boolean {
  return fields.length === header.width && fields.every((cell, i) => cell.trim() === header.cells[i]);
}

function noRows(path: string): Finding {
  return createFinding(
    "CSV_NO_ROWS",
    "error",
    "The file has nvidia-smi's header but no samples; record for the whole run with -l 1.",
    { path, line: 1 },
    { variant: "nvidia_smi_1" },
  );
}
