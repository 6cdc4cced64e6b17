import type { CollectiveRow, CollectiveTest } from "../../model/collective.ts";
import { COLLECTIVES } from "../../model/collective.ts";
import { createFinding } from "../../model/create-finding.ts";
import type { EvidenceFile, ParsedEvidence } from "../../model/evidence.ts";
import type { FormatAdapter } from "../format.ts";
import { readCanonicalCsv } from "../text/canonical-rows.ts";
import type { ColumnSpec } from "../text/column-spec.ts";
import { detectColumns } from "../text/header-detect.ts";

/** The canonical `collective-bandwidth` CSV kind: one row per message size and placement of a test. */
export const COLLECTIVE_COLUMNS: readonly ColumnSpec[] = [
  {
    name: "collective",
    required: true,
    unit: "",
    description: "all_reduce, all_gather, reduce_scatter, alltoall, broadcast, …",
  },
  { name: "ranks", required: true, unit: "", description: "ranks (GPUs) taking part" },
  {
    name: "size_bytes",
    required: true,
    unit: "B",
    description: "message size as nccl-tests prints it (size column)",
  },
  { name: "time_us", required: true, unit: "us", description: "average time of one operation" },
  {
    name: "algbw_gbps",
    required: false,
    unit: "GB/s",
    description: "algorithm bandwidth as the tool printed it (1e9 B/s)",
  },
  {
    name: "busbw_gbps",
    required: false,
    unit: "GB/s",
    description: "bus bandwidth as the tool printed it; recomputed anyway",
  },
  { name: "placement", required: false, unit: "", description: "out-of-place (default) or in-place" },
];

export const collectiveCsv: FormatAdapter = {
  id: "collective-bandwidth-csv",
  title: "claimcheck collective-bandwidth CSV",
  kind: "collective-bandwidth",
  detect: detectColumns("collective", "size_bytes", "time_us"),
  parse: parseCollectiveCsv,
};

// --- internal ---

function parseCollectiveCsv(file: EvidenceFile): ParsedEvidence {
  const tests = new Map<string, CollectiveTest>();
  let rows = 0;
  const read = readCanonicalCsv(file.path, file.bytes, "collective-bandwidth", COLLECTIVE_COLUMNS, (row) => {
    const name = row.text("collective").toLowerCase();
    const collective = (COLLECTIVES as readonly string[]).includes(name)
      ? (name as CollectiveTest["collective"])
      : undefined;
    if (collective === undefined) {
      row.add(
        createFinding(
          "COLLECTIVE_UNKNOWN",
          "error",
          `"${name}" is not a collective; use one of ${COLLECTIVES.join(", ")}.`,
          {
            path: file.path,
            line: row.line,
            column: "collective",
          },
          { variant: "collective_csv_1", name, collectives: COLLECTIVES.join(", ") },
        ),
      );
      return;
    }
    const ranks = row.number("ranks", "ranks");
    const key = `${collective}/${ranks}`;
    let test = tests.get(key);
    if (test === undefined) {
      test = {
        collective,
        collectiveSource: "declared",
        ranks: Number.isNaN(ranks) ? undefined : ranks,
        devices: [],
        hosts: 0,
        rows: [],
        line: row.line,
      };
      tests.set(key, test);
    }
    const placement = row.text("placement") === "in-place" ? "in-place" : "out-of-place";
    const cell: CollectiveRow = {
      sizeBytes: row.number("size_bytes", "bytes"),
      count: Number.NaN,
      type: "",
      redop: "",
      placement,
      timeUs: row.number("time_us", "us"),
      algbw: row.number("algbw_gbps", "GB/s"),
      busbw: row.number("busbw_gbps", "GB/s"),
      check: "N/A",
      line: row.line,
    };
    if (Number.isNaN(cell.sizeBytes) || Number.isNaN(cell.timeUs) || cell.timeUs <= 0) {
      row.add(
        createFinding(
          "COLLECTIVE_ROW_MALFORMED",
          "error",
          "size_bytes and a positive time_us are required on every row.",
          {
            path: file.path,
            line: row.line,
            column: "time_us",
          },
          { variant: "collective_csv_1" },
        ),
      );
      return;
    }
    test.rows.push(cell);
    rows++;
  });
  const list = [...tests.values()];
  return {
    format: collectiveCsv.id,
    kind: "collective-bandwidth",
    rows,
    collective: { tool: "canonical", path: file.path, tests: list },
    findings: read.findings,
  };
}
