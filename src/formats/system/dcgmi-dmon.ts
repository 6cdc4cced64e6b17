import { createFinding } from "../../model/create-finding.ts";
import { ClaimcheckError } from "../../model/errors.ts";
import type { EvidenceFile, ParsedEvidence } from "../../model/evidence.ts";
import type { Finding } from "../../model/finding.ts";
import type { FormatAdapter } from "../format.ts";
import { FindingCollector } from "../text/column-spec.ts";
import { decodeText } from "../text/text.ts";
import { estimateRows, GpuMemoryBuilder } from "./gpu-memory-columns.ts";

/**
 * `dcgmi dmon -e 252,250,203 [-d ms]` text output, laid out by DCGM's `dcgmi/DeviceMonitor.cpp`: a
 * header `#Entity` + field short names, a units line starting `ID` (blank for the FB fields), then one
 * row per entity and sweep (`GPU 0`, `GPU-I 1`, …) with `N/A` for a blank value; the two header lines
 * come again every 15 sweeps. Read into the same GPU memory timeline as the nvidia-smi CSV: FBUSD is
 * memory used, FBTTL the total (or FBUSD + FBFRE without it, which leaves out the driver's reserved
 * memory), GPUTL (or GRACT × 100) the utilization; all FB fields are MiB, as NVML reports them.
 *
 * dmon prints no time. Sweep k is given the time k × delay, relative to the start of the capture
 * (so `timeS` is not a Unix time here and `context.time_base` says `relative`): the delay is read from
 * a `dcgmi dmon … -d N` command line kept in the capture, else it is dcgmi's default of 1000 ms and
 * a DMON_DELAY_ASSUMED warning says so.
 */
export const dcgmiDmon: FormatAdapter = {
  id: "dcgmi-dmon",
  title: "DCGM dcgmi dmon output",
  kind: "gpu-memory",
  detect: ({ head }) => (/^#Entity\s+\S/m.test(head) && /^ID\b/m.test(head) ? 0.95 : 0),
  parse: parseDcgmiDmon,
};

// --- internal ---

/** dcgmi's `-d` default (CommandLineParser.cpp: "[default = 1000 msec, Minimum value = 1 msec.]"). */
const DEFAULT_DELAY_MS = 1000;
const COMMAND_DELAY = /\bdcgmi\s+dmon\b.*?(?:-d|--delay)[\s=]+(\d+)/;

interface DmonState {
  path: string;
  names: string[] | undefined;
  /** The header has FBUSD and FBTTL or FBFRE; rows of a capture without them are not read. */
  readable: boolean;
  delayMs: number | undefined;
  sweep: number;
  seen: Set<string>;
  otherEntities: number;
  builder: GpuMemoryBuilder;
  out: FindingCollector;
}

function parseDcgmiDmon(file: EvidenceFile): ParsedEvidence {
  const text = decodeText(file.path, file.bytes);
  const state: DmonState = {
    path: file.path,
    names: undefined,
    readable: false,
    delayMs: undefined,
    sweep: -1,
    seen: new Set(),
    otherEntities: 0,
    builder: new GpuMemoryBuilder(estimateRows(text)),
    out: new FindingCollector(),
  };
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) visit(state, (lines[i] as string).trim(), i + 1);
  if (state.names === undefined)
    throw new ClaimcheckError(
      "E_INPUT",
      `${file.path} has no dcgmi dmon header (#Entity …); record with dcgmi dmon -e 252,250,203 -d 1000 and keep its whole output.`,
    );
  const memory = state.builder.build();
  const findings: Finding[] = [...headerFindings(state.names, file.path), ...state.out.finish(file.path)];
  if (state.delayMs === undefined && memory.rows > 0)
    findings.push(
      createFinding(
        "DMON_DELAY_ASSUMED",
        "warning",
        `dcgmi dmon prints no timestamps and the capture does not show its -d delay, so sweep k is placed at k × ${DEFAULT_DELAY_MS} ms (dcgmi's default). Keep the 'dcgmi dmon … -d N' command line at the top of the capture, or record with nvidia-smi --query-gpu=timestamp,… for real times.`,
        { path: file.path, line: 1 },
        { default_delay_ms: DEFAULT_DELAY_MS },
      ),
    );
  return {
    format: dcgmiDmon.id,
    kind: "gpu-memory",
    rows: memory.rows,
    memory,
    context: {
      tool: "dcgmi-dmon",
      time_base: "relative",
      delay_ms: state.delayMs ?? DEFAULT_DELAY_MS,
      sweeps: state.sweep + 1,
      ...(state.otherEntities > 0 ? { mig_rows_skipped: state.otherEntities } : {}),
    },
    findings,
  };
}

function visit(state: DmonState, line: string, number: number): void {
  if (line === "") return;
  if (state.names === undefined) {
    const command = COMMAND_DELAY.exec(line);
    if (command !== null) state.delayMs = Number(command[1]);
  }
  if (line.startsWith("#Entity")) {
    const names = line.split(/\s+/).slice(1);
    // A repeated header starts no new sweep by itself; a changed one is another capture.
    if (state.names !== undefined && names.join(" ") !== state.names.join(" "))
      state.out.add(
        rowFinding(
          "DMON_HEADER_CHANGED",
          "The field list changed mid-file: two captures were joined; submit one capture per file.",
          state.path,
          number,
        ),
      );
    if (state.names === undefined) {
      state.names = names;
      state.readable = headerFindings(names, state.path).length === 0;
    }
    return;
  }
  const match = /^(GPU|GPU-I|GPU-CI|vGPU|Switch)\s+(\d+)\s+(.*)$/.exec(line);
  if (match === null || state.names === undefined) return; // units line, dcgmi messages
  const key = `${match[1]} ${match[2]}`;
  if (state.sweep < 0 || state.seen.has(key)) {
    state.sweep++;
    state.seen.clear();
  }
  state.seen.add(key);
  if (match[1] !== "GPU") {
    state.otherEntities++;
    return;
  }
  if (!state.readable) return;
  const values = (match[3] as string).split(/\s+/);
  if (values.length !== state.names.length) {
    state.out.add(
      rowFinding(
        "DMON_ROW_MALFORMED",
        `The row has ${values.length} values but the header names ${state.names.length} fields, so it was left out; dcgmi was probably stopped mid-line — remove the cut line.`,
        state.path,
        number,
      ),
    );
    return;
  }
  const read = (name: string) => readCell(state, values, name, number);
  const used = read("FBUSD");
  const total = state.names.includes("FBTTL") ? read("FBTTL") : used + read("FBFRE");
  const utilization = state.names.includes("GPUTL") ? read("GPUTL") : read("GRACT") * 100;
  const timeS = (state.sweep * (state.delayMs ?? DEFAULT_DELAY_MS)) / 1000;
  state.builder.add(timeS, Number(match[2]), used, total, utilization, number);
}

/** A value of the named field; NaN when the field was not recorded or DCGM printed N/A (with a warning). */
function readCell(state: DmonState, values: string[], name: string, line: number): number {
  const i = state.names?.indexOf(name) ?? -1;
  if (i < 0) return Number.NaN;
  const text = values[i] as string;
  const value = Number(text);
  if (text !== "" && Number.isFinite(value)) return value;
  state.out.add(
    text === "N/A"
      ? createFinding(
          "DMON_NOT_AVAILABLE",
          "warning",
          `${name} is N/A here (DCGM had no value for it), so this sample is missing; check the GPU and the host engine if it repeats.`,
          { path: state.path, line, column: name },
          { name },
        )
      : createFinding(
          "CSV_BAD_NUMBER",
          "error",
          `"${text.slice(0, 40)}" is not a number; keep the file as dcgmi dmon wrote it.`,
          { path: state.path, line, column: name },
          { variant: "dcgmi_dmon_1", text: text.slice(0, 40) },
        ),
  );
  return Number.NaN;
}

/** The fields the memory timeline needs: FBUSD (field 252), and FBTTL (250) or FBFRE (251). */
function headerFindings(names: string[], path: string): Finding[] {
  const missing = [
    ...(names.includes("FBUSD") ? [] : ["FBUSD (field 252)"]),
    ...(names.includes("FBTTL") || names.includes("FBFRE") ? [] : ["FBTTL (field 250)"]),
  ];
  return missing.map((field) =>
    createFinding(
      "CSV_MISSING_COLUMN",
      "error",
      `The capture has no ${field} column, so memory cannot be read from it; record with dcgmi dmon -e 252,250,203 -d 1000.`,
      { path, line: 1, column: field.split(" ")[0] as string },
      { variant: "dcgmi_dmon_1", field },
    ),
  );
}

function rowFinding(code: string, message: string, path: string, line: number): Finding {
  return createFinding(code, "error", message, { path, line });
}
