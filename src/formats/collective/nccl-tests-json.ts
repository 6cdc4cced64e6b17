import { type CollectiveRow, type CollectiveTest, toCollective } from "../../model/collective.ts";
import { createFinding } from "../../model/create-finding.ts";
import type { EvidenceFile, ParsedEvidence } from "../../model/evidence.ts";
import type { Finding } from "../../model/finding.ts";
import type { FormatAdapter } from "../format.ts";
import { isJsonObject, type JsonDocument, type JsonObject, parseJsonDocument } from "../text/json-input.ts";
import { decodeText } from "../text/text.ts";
import { inferCollective } from "./collective-infer.ts";

/**
 * nccl-tests' JSON report (`-J file.json`, since 2025-10; src/util.cu): `args` (the command line, whose
 * program names the collective), `config.devices[]` (one per rank), `results[]` with `size`, `count`,
 * `type`, `redop`, `root` and `out_of_place` / `in_place` `{time, alg_bw, bus_bw, nwrong}`, and the
 * footer as `average_bus_bandwidth.bandwidth`. Same recomputation as the text form.
 */
export const ncclTestsJson: FormatAdapter = {
  id: "nccl-tests-json",
  title: "nccl-tests JSON report (-J)",
  kind: "collective-bandwidth",
  detect: ({ head }) =>
    head.trimStart().startsWith("{") && /"nccl_version"/.test(head) && /"(results|config)"\s*:/.test(head)
      ? 0.95
      : 0,
  parse: parseNcclTestsJson,
};

// --- internal ---

function parseNcclTestsJson(file: EvidenceFile): ParsedEvidence {
  const doc = parseJsonDocument(file.path, decodeText(file.path, file.bytes));
  const root = doc.records[0]?.value;
  const findings: Finding[] = [...doc.findings];
  const at = (line: number | undefined, column?: string) => ({
    path: file.path,
    line: line ?? 1,
    ...(column === undefined ? {} : { column }),
  });
  if (!isJsonObject(root) || !Array.isArray(root.results)) {
    findings.push(
      createFinding(
        "COLLECTIVE_NO_DATA",
        "error",
        "The JSON has no results list; submit the file nccl-tests wrote with -J.",
        at(1),
        { variant: "nccl_tests_json_1" },
      ),
    );
    return empty(file.path, findings);
  }
  const program = Array.isArray(root.args) && typeof root.args[0] === "string" ? root.args[0] : "";
  const collective = toCollective((program.split("/").at(-1) ?? "").replace(/_perf(_mpi)?$/, ""));
  const config = isJsonObject(root.config) ? root.config : {};
  const devices = Array.isArray(config.devices) ? config.devices.filter(isJsonObject) : [];
  const rows = readResults(root.results, doc, file.path, findings);
  const average = isJsonObject(root.average_bus_bandwidth) ? root.average_bus_bandwidth : undefined;
  const test: CollectiveTest = {
    collective,
    collectiveSource: collective === undefined ? "unknown" : "header",
    ranks: devices.length === 0 ? undefined : devices.length,
    devices: [...new Set(devices.map((d) => String(d.device_info ?? "")))].filter(Boolean),
    hosts: new Set(devices.map((d) => String(d.hostname ?? ""))).size,
    rows,
    line: doc.lineOfKey(root, "results") ?? 1,
  };
  if (average !== undefined && typeof average.bandwidth === "number")
    test.footerBusbw = { value: average.bandwidth, line: doc.lineOfKey(average, "bandwidth") ?? 1 };
  if (test.collective === undefined) {
    test.collective = inferCollective(test);
    if (test.collective !== undefined) test.collectiveSource = "inferred";
  }
  if (rows.length === 0)
    findings.push(
      createFinding("COLLECTIVE_NO_DATA", "error", "The results list is empty.", at(test.line), {
        variant: "nccl_tests_json_2",
      }),
    );
  return {
    format: ncclTestsJson.id,
    kind: "collective-bandwidth",
    rows: rows.length,
    collective: { tool: "nccl-tests", path: file.path, tests: rows.length === 0 ? [] : [test] },
    context: {
      tool: "nccl-tests",
      nccl_version: typeof root.nccl_version === "number" ? root.nccl_version : 0,
    },
    findings,
  };
}

function readResults(
  results: unknown[],
  doc: JsonDocument,
  path: string,
  findings: Finding[],
): CollectiveRow[] {
  const rows: CollectiveRow[] = [];
  const lines = doc.elementLines(results);
  results.forEach((result, i) => {
    const line = lines[i] ?? 1;
    if (!isJsonObject(result)) return;
    for (const [key, placement] of [
      ["out_of_place", "out-of-place"],
      ["in_place", "in-place"],
    ] as const) {
      const cell = result[key];
      if (cell === null || cell === undefined) continue;
      const row = isJsonObject(cell) ? toRow(result, cell, placement, line) : undefined;
      if (row === undefined) {
        findings.push(
          createFinding(
            "COLLECTIVE_ROW_MALFORMED",
            "error",
            `results[${i}].${key} lacks a numeric time, alg_bw or bus_bw.`,
            {
              path,
              line,
              column: key,
            },
            { variant: "nccl_tests_json_1", i, key },
          ),
        );
        continue;
      }
      rows.push(row);
    }
  });
  return rows;
}

function toRow(
  result: JsonObject,
  cell: JsonObject,
  placement: CollectiveRow["placement"],
  line: number,
): CollectiveRow | undefined {
  const time = cell.time ?? cell.cpu_time;
  if (typeof time !== "number" || typeof cell.alg_bw !== "number" || typeof cell.bus_bw !== "number")
    return undefined;
  return {
    sizeBytes: Number(result.size),
    count: Number(result.count),
    type: String(result.type ?? ""),
    redop: String(result.redop ?? ""),
    placement,
    timeUs: time,
    algbw: cell.alg_bw,
    busbw: cell.bus_bw,
    check: cell.nwrong === null || cell.nwrong === undefined ? "N/A" : String(cell.nwrong),
    line,
  };
}

function empty(path: string, findings: Finding[]): ParsedEvidence {
  return {
    format: ncclTestsJson.id,
    kind: "collective-bandwidth",
    rows: 0,
    collective: { tool: "nccl-tests", path, tests: [] },
    findings,
  };
}
