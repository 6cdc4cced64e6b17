import {
  agreesWithRow,
  footerMean,
  type RecomputedCell,
  recomputeTest,
  typeBytes,
} from "../measure/collective/collective-bandwidth.ts";
import { type CollectiveTable, type CollectiveTest, sizeMultiplier } from "../model/collective.ts";
import { createFinding } from "../model/create-finding.ts";
import type { Finding } from "../model/finding.ts";

/**
 * Arithmetic checks of a bandwidth log: every printed algbw and busbw against size / time × factor,
 * the size column against count × type size, the footer against the mean of the cells, and time
 * against size. A busbw at twice the recomputed value is the bidirectional convention (FlagPerf
 * doubles busbw to compare with a bidirectional headline) and is reported, then read per direction.
 */
export function checkCollectiveTable(path: string, table: CollectiveTable): Finding[] {
  return table.tests.flatMap((test) => checkTest(path, test));
}

// --- internal ---

function checkTest(path: string, test: CollectiveTest): Finding[] {
  const cells = recomputeTest(test);
  if (cells === undefined)
    return [
      ...checkAlgbw(path, test),
      createFinding(
        "COLLECTIVE_UNKNOWN",
        "warning",
        `The test at line ${test.line} does not say which collective ran${test.ranks === undefined ? " nor on how many ranks" : ""}, so its bandwidth cannot be recomputed; keep the '# Collective test starting' and '#  Rank' lines, or declare the format's collective.`,
        { path, line: test.line },
        {
          variant: "collective_plausibility_1",
          line: test.line,
          ranks: test.ranks === undefined ? " nor on how many ranks" : "",
        },
      ),
    ];
  return [
    ...checkCells(path, cells),
    ...checkSizes(path, test),
    ...checkFooter(path, test),
    ...checkTimes(path, cells),
  ];
}

function checkCells(path: string, cells: RecomputedCell[]): Finding[] {
  // HCCL Test and the canonical CSV may print no busbw or no algbw: only printed numbers are checked.
  const printed = (value: number) => !Number.isNaN(value);
  const doubled = cells.filter(
    (c) =>
      printed(c.row.busbw) &&
      c.busbw >= 1 &&
      !agreesWithRow(c.row.busbw, c.row, c.factor) &&
      agreesWithRow(c.row.busbw, c.row, 2 * c.factor),
  );
  const wrong = cells.filter(
    (c) =>
      !doubled.includes(c) &&
      ((printed(c.row.busbw) && !agreesWithRow(c.row.busbw, c.row, c.factor)) ||
        (printed(c.row.algbw) && !agreesWithRow(c.row.algbw, c.row, 1))),
  );
  const findings: Finding[] = [];
  const first = doubled[0];
  if (first !== undefined)
    findings.push(
      createFinding(
        "BUSBW_DOUBLED",
        "warning",
        `${doubled.length} busbw cell(s) are twice size / time × factor (e.g. ${first.row.busbw} printed, ${round(first.busbw)} GB/s recomputed): the bidirectional convention. claimcheck uses the per-direction value and compares it with per-direction link rates.`,
        { path, line: first.row.line, column: `${first.row.placement} busbw` },
        { doubled_count: doubled.length, busbw: first.row.busbw, value: round(first.busbw) },
      ),
    );
  for (const cell of wrong.slice(0, 20))
    findings.push(
      createFinding(
        "BUSBW_MISMATCH",
        "error",
        `Printed ${Number.isNaN(cell.row.algbw) ? "" : `algbw ${cell.row.algbw} / `}busbw ${cell.row.busbw} GB/s, but size / time gives ${Number.isNaN(cell.row.algbw) ? "" : `${round(cell.algbw)} / `}${round(cell.busbw)} GB/s; the numbers were edited or computed with another rank count or factor.`,
        { path, line: cell.row.line, column: `${cell.row.placement} busbw` },
        {
          variant: "collective_plausibility_1",
          algbw: Number.isNaN(cell.row.algbw) ? "" : `algbw ${cell.row.algbw} / `,
          busbw: cell.row.busbw,
          is_na_n: Number.isNaN(cell.row.algbw) ? "" : `${round(cell.algbw)} / `,
          value: round(cell.busbw),
        },
      ),
    );
  return findings;
}

/** Without the collective or the ranks only algbw = size / time can be checked; it needs neither. */
function checkAlgbw(path: string, test: CollectiveTest): Finding[] {
  const bad = test.rows.find((r) => !Number.isNaN(r.algbw) && !agreesWithRow(r.algbw, r, 1));
  if (bad === undefined) return [];
  return [
    createFinding(
      "BUSBW_MISMATCH",
      "error",
      `Printed algbw ${bad.algbw} GB/s, but size / time gives ${round(bad.sizeBytes / (bad.timeUs * 1e3))} GB/s; the numbers were edited.`,
      { path, line: bad.line, column: `${bad.placement} algbw` },
      {
        variant: "collective_plausibility_2",
        algbw: bad.algbw,
        value: round(bad.sizeBytes / (bad.timeUs * 1e3)),
      },
    ),
  ];
}

function checkSizes(path: string, test: CollectiveTest): Finding[] {
  if (test.collective === undefined || test.ranks === undefined) return [];
  const multiplier = sizeMultiplier(test.collective, test.ranks);
  const bad = test.rows.find((r) => {
    const bytes = typeBytes(r.type);
    return bytes !== undefined && !Number.isNaN(r.count) && r.count * bytes * multiplier !== r.sizeBytes;
  });
  if (bad === undefined) return [];
  return [
    createFinding(
      "COLLECTIVE_SIZE_MISMATCH",
      "error",
      `size ${bad.sizeBytes} B is not count ${bad.count} × ${bad.type} × ${multiplier} for ${test.collective} on ${test.ranks} ranks: the rank count or the collective is not what ran.`,
      { path, line: bad.line, column: "size" },
      {
        size_bytes: bad.sizeBytes,
        count: bad.count,
        type: bad.type,
        multiplier,
        collective: test.collective,
        ranks: test.ranks,
      },
    ),
  ];
}

/**
 * The footer is printed with `%g` (6 significant digits) from the unrounded cells, so it may differ
 * from the mean of the 2-decimal cells by their rounding: 0.01 % or 0.006 GB/s. Over the 1,285 tests
 * of the 626 genuine logs of the time-drop calibration below none differed by more.
 */
function checkFooter(path: string, test: CollectiveTest): Finding[] {
  if (test.footerBusbw === undefined) return [];
  const mean = footerMean(test);
  if (Math.abs(mean - test.footerBusbw.value) <= Math.max(1e-4 * mean, 0.006)) return [];
  return [
    createFinding(
      "FOOTER_MISMATCH",
      "error",
      `'# Avg bus bandwidth' says ${test.footerBusbw.value} but the mean of the ${test.rows.length} busbw cells above it is ${round(mean)}; the table or the footer was edited.`,
      { path, line: test.footerBusbw.line },
      { value: test.footerBusbw.value, rows_count: test.rows.length, value2: round(mean) },
    ),
  ];
}

/**
 * From 1 MiB and 1 GB/s up (past the latency-bound sizes) a bigger message should take longer, but
 * real runs do not always: NCCL/RCCL switch protocol and algorithm with the size, the in-place and
 * out-of-place columns are timed separately, and a shared fabric adds noise. Calibration: 626 genuine
 * logs (the 613 nccl-tests logs of github.com/xxrjun/nccl-tests-cluster at commit 455de4f8, the files
 * of tests/corpus/collective/ and the shared samples; 1,285 tests, 18,017 pairs of consecutive
 * sizes). time(bigger) / time(smaller) was below 1 in 6 pairs: 0.757 and 0.768 (rccl-tests, 2 × 8
 * MI300X, 1 → 2 MiB, in-place and out-of-place: a protocol switch), 0.875 twice and 0.976 twice
 * (nccl-tests, 10 × 8 H100, all_gather in-place at 64 MiB); all others ≥ 1.005. So a drop is only a
 * warning, and only below 0.5 (a message twice as big done in under half the time, i.e. algbw more
 * than quadrupled, twice the largest drop seen): rows mixed from different runs or hand-edited times
 * look like that, but nothing here proves an edit, so the officer looks.
 */
export const TIME_DROP_TOLERANCE = 0.5;

function checkTimes(path: string, cells: RecomputedCell[]): Finding[] {
  for (const placement of ["out-of-place", "in-place"] as const) {
    const rows = cells
      .filter((c) => c.row.placement === placement && c.row.sizeBytes >= 2 ** 20 && c.algbw >= 1)
      .sort((a, b) => a.row.sizeBytes - b.row.sizeBytes);
    for (let i = 1; i < rows.length; i++) {
      const [prev, cur] = [rows[i - 1] as RecomputedCell, rows[i] as RecomputedCell];
      if (cur.row.sizeBytes > prev.row.sizeBytes && cur.row.timeUs < TIME_DROP_TOLERANCE * prev.row.timeUs)
        return [
          createFinding(
            "COLLECTIVE_TIME_NOT_INCREASING",
            "warning",
            `${cur.row.sizeBytes} B took ${cur.row.timeUs} us, ${round((1 - cur.row.timeUs / prev.row.timeUs) * 100)} % less than ${prev.row.sizeBytes} B (${prev.row.timeUs} us); genuine runs drop by at most about 25 % (a protocol switch or noise), so check that the rows come from one run and submit the unedited stdout.`,
            { path, line: cur.row.line, column: `${placement} time` },
            {
              size_bytes: cur.row.sizeBytes,
              time_us: cur.row.timeUs,
              value: round((1 - cur.row.timeUs / prev.row.timeUs) * 100),
              size_bytes2: prev.row.sizeBytes,
              time_us2: prev.row.timeUs,
            },
          ),
        ];
    }
  }
  return [];
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
