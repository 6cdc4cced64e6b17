import {
  type CollectiveRow,
  type CollectiveTable,
  type CollectiveTest,
  toCollective,
} from "../../model/collective.ts";
import { createFinding } from "../../model/create-finding.ts";
import type { EvidenceFile, ParsedEvidence } from "../../model/evidence.ts";
import type { Finding } from "../../model/finding.ts";
import type { FormatAdapter } from "../format.ts";
import { decodeText } from "../text/text.ts";
import { inferCollective } from "./collective-infer.ts";
import { splitCollectiveLines } from "./collective-lines.ts";

/**
 * nccl-tests and rccl-tests stdout: one or more tests per file, each a `#` header (program, sweep,
 * one `#  Rank` line per rank), a table of sizes with out-of-place and in-place time/algbw/busbw,
 * and a footer with `# Avg bus bandwidth`. Both column layouts are read (since 2022: `root` and an
 * integer `#wrong`; before: no `root` and a float `error`), Open MPI `--tag-output` tags are undone
 * wherever they fall (`collective-lines.ts`), and interleaved `NCCL INFO` lines are skipped.
 * Every number is kept as printed; `measure/collective/collective-bandwidth.ts` recomputes them.
 */
export const ncclTests: FormatAdapter = {
  id: "nccl-tests",
  title: "nccl-tests / rccl-tests output",
  kind: "collective-bandwidth",
  detect: ({ head }) => {
    const text = splitCollectiveLines(head)
      .map((l) => l.text)
      .join("\n");
    if (/^# nThread \d+ nGpus \d+/m.test(text)) return /busbw/.test(text) ? 0.95 : 0.9;
    return /^#\s+size\s+count\s+type\s+redop/m.test(text) ? 0.8 : 0;
  },
  parse: parseNcclTests,
};

// --- internal ---

// The GPU name after the bus id is missing in some rccl-tests builds (`… device  0 [0000:75:00]`).
const RANK =
  /^#\s+Rank\s+\d+\s+(?:Group\s+\d+\s+)?Pid\s+\d+\s+on\s+(\S+)\s+device\s+\d+\s+\[[^\]]*\](?:\s+(.+?))?\s*$/;
const ROW_START = /^\s*\d+\s+\d+\s+\S+\s/;

/**
 * The columns before `time`, named by the header: `size count type redop root` since 2022,
 * `size count type redop` before, and in 2018-era builds whatever the test had (`size count type`
 * for all_gather, `size count type root` for broadcast).
 */
interface Layout {
  head: string[];
}

const DEFAULT_LAYOUT: Layout = { head: ["size", "count", "type", "redop", "root"] };

interface Builder {
  test: CollectiveTest;
  hosts: Set<string>;
  ranks: number;
  layout: Layout;
}

function parseNcclTests(file: EvidenceFile): ParsedEvidence {
  const lines = splitCollectiveLines(decodeText(file.path, file.bytes));
  const findings: Finding[] = [];
  const tests: CollectiveTest[] = [];
  let rccl = false;
  let current: Builder | undefined;
  const begin = (line: number): Builder => {
    if (current !== undefined) tests.push(finish(current));
    current = {
      test: {
        collective: undefined,
        collectiveSource: "unknown",
        ranks: undefined,
        devices: [],
        hosts: 0,
        rows: [],
        line,
      },
      hosts: new Set(),
      ranks: 0,
      layout: DEFAULT_LAYOUT,
    };
    return current;
  };
  for (const { text, line: lineNo } of lines) {
    if (text.startsWith("rccl-tests:")) rccl = true;
    if (!text.startsWith("#")) {
      if (ROW_START.test(text)) {
        const builder = current ?? begin(lineNo);
        readRow(text, lineNo, builder, file.path, findings);
      }
      continue;
    }
    const started = /^# Collective test starting:\s*(\S+)/.exec(text);
    const boundary = started !== null || /^# (nccl-tests version|nThread \d+)/.test(text);
    if (
      boundary &&
      (current === undefined || current.test.rows.length > 0 || current.test.footerBusbw !== undefined)
    )
      begin(lineNo);
    if (started !== null && current !== undefined) {
      current.test.collective = toCollective((started[1] as string).replace(/_perf(_mpi)?$/, ""));
      current.test.collectiveSource = current.test.collective === undefined ? "unknown" : "header";
      continue;
    }
    const rank = RANK.exec(text);
    if (rank !== null) {
      const builder: Builder = current ?? begin(lineNo);
      builder.ranks++;
      builder.hosts.add(rank[1] as string);
      const device = rank[2];
      if (device !== undefined && !builder.test.devices.includes(device)) builder.test.devices.push(device);
      continue;
    }
    if (/^#\s+size\s+count\s+type/.test(text) && current !== undefined) current.layout = readLayout(text);
    const oob = /^# Out of bounds values\s*:\s*(\d+)\s+(OK|FAILED)/.exec(text);
    if (oob !== null && current !== undefined)
      current.test.outOfBounds = { count: Number(oob[1]), ok: oob[2] === "OK", line: lineNo };
    const avg = /^# Avg bus bandwidth\s*:\s*([-+0-9.eE]+|nan|inf)/.exec(text);
    if (avg !== null && current !== undefined)
      current.test.footerBusbw = { value: Number(avg[1]), line: lineNo };
  }
  if (current !== undefined) tests.push(finish(current));
  const withRows = tests.filter((t) => t.rows.length > 0);
  if (withRows.length === 0)
    findings.push(
      createFinding(
        "COLLECTIVE_NO_DATA",
        "error",
        "No result rows (size, count, type, redop, time, algbw, busbw) were found; submit the whole stdout of the test.",
        { path: file.path, line: 1 },
        { variant: "nccl_tests_1" },
      ),
    );
  for (const test of withRows) findings.push(...checkTest(test, file.path));
  const table: CollectiveTable = {
    tool: rccl ? "rccl-tests" : "nccl-tests",
    path: file.path,
    tests: withRows,
  };
  return {
    format: ncclTests.id,
    kind: "collective-bandwidth",
    rows: withRows.reduce((sum, t) => sum + t.rows.length, 0),
    collective: table,
    context: { tool: table.tool, tests: withRows.length },
    findings,
  };
}

function finish(builder: Builder): CollectiveTest {
  const test = builder.test;
  test.ranks = builder.ranks === 0 ? undefined : builder.ranks;
  test.hosts = builder.hosts.size;
  if (test.collective === undefined) {
    const inferred = inferCollective(test);
    if (inferred !== undefined) {
      test.collective = inferred;
      test.collectiveSource = "inferred";
    }
  }
  return test;
}

function readRow(text: string, line: number, builder: Builder, path: string, findings: Finding[]): void {
  const fields = text.trim().split(/\s+/);
  const head = builder.layout.head.length;
  if (fields.length < head + 8) {
    findings.push(
      createFinding(
        "COLLECTIVE_ROW_MALFORMED",
        "error",
        `The row has ${fields.length} fields where ${head + 8} are expected (${builder.layout.head.join(", ")}, then time, algbw, busbw and #wrong twice); the log was cut or edited.`,
        { path, line },
        {
          variant: "nccl_tests_1",
          fields_count: fields.length,
          head: head + 8,
          head2: builder.layout.head.join(", "),
        },
      ),
    );
    return;
  }
  const [size, count, type] = fields as [string, string, string];
  const redopAt = builder.layout.head.indexOf("redop");
  const redop = redopAt < 0 ? "" : (fields[redopAt] as string);
  for (const [placement, at] of [
    ["out-of-place", head],
    ["in-place", head + 4],
  ] as const) {
    const row: CollectiveRow = {
      sizeBytes: Number(size),
      count: Number(count),
      type,
      redop,
      placement,
      timeUs: Number(fields[at]),
      timeUlp: printedUlp(fields[at] as string),
      algbw: Number(fields[at + 1]),
      busbw: Number(fields[at + 2]),
      check: fields[at + 3] as string,
      line,
    };
    if ([row.timeUs, row.algbw, row.busbw].some((v) => !Number.isFinite(v))) {
      findings.push(
        createFinding(
          "COLLECTIVE_ROW_MALFORMED",
          "error",
          `The ${placement} time, algbw or busbw is not a number; the log was cut or edited.`,
          { path, line, column: placement },
          { variant: "nccl_tests_2", placement },
        ),
      );
      continue;
    }
    builder.test.rows.push(row);
  }
}

/** The unit of a printed number's last digit: `41542.0` → 0.1, `105854` → 1, `1.8e+07` → 1e6. */
function printedUlp(text: string): number {
  const [mantissa = "", exponent = "0"] = text.toLowerCase().split("e");
  const decimals = mantissa.includes(".") ? mantissa.length - mantissa.indexOf(".") - 1 : 0;
  return 10 ** (Number(exponent) - decimals);
}

function readLayout(header: string): Layout {
  const names = header.replace(/^#/, "").trim().split(/\s+/);
  const time = names.findIndex((n) => n === "time" || n === "cputime");
  return time >= 3 ? { head: names.slice(0, time) } : DEFAULT_LAYOUT;
}

/** What the tool itself reports as wrong: data errors and out-of-bounds values. */
function checkTest(test: CollectiveTest, path: string): Finding[] {
  const findings: Finding[] = [];
  const wrong = test.rows.filter((r) => r.check !== "N/A" && Number(r.check) !== 0 && r.check !== "0e+00");
  if (wrong.length > 0) {
    const first = wrong[0] as CollectiveRow;
    findings.push(
      createFinding(
        "COLLECTIVE_DATA_ERRORS",
        "error",
        `${wrong.length} result cell(s) report wrong data (#wrong/error ${first.check}); a run that corrupts data proves no bandwidth.`,
        { path, line: first.line, column: first.placement },
        { variant: "nccl_tests_1", wrong_count: wrong.length, check: first.check },
      ),
    );
  }
  if (test.outOfBounds !== undefined && !test.outOfBounds.ok)
    findings.push(
      createFinding(
        "COLLECTIVE_DATA_ERRORS",
        "error",
        `The test reports ${test.outOfBounds.count} out-of-bounds value(s).`,
        { path, line: test.outOfBounds.line },
        { variant: "nccl_tests_2", count: test.outOfBounds.count },
      ),
    );
  return findings;
}
