import { type CollectiveTest, toCollective } from "../../model/collective.ts";
import { createFinding } from "../../model/create-finding.ts";
import type { Finding } from "../../model/finding.ts";
import { type LinkRate, resolveLink } from "../../model/hardware.ts";
import type { MessageRef } from "../../model/message.ts";
import { findEvidence } from "../find-evidence.ts";
import type { MeasureInput, MetricDefinition, MetricEstimate, MetricUnavailable } from "../metric.ts";
import { nested, roleRef, type Sentence } from "../sentence.ts";
import {
  DEFAULT_WINDOW_BYTES,
  footerMean,
  medianBusbw,
  type RecomputedCell,
  recomputeTest,
  windowCells,
} from "./collective-bandwidth.ts";
import { computeLineRate } from "./collective-line-rate.ts";
import { aboveLineRateAdvice, systemMismatch } from "./collective-system.ts";

/**
 * `busbw.utilization` (3.2): the recomputed busbw of the requirement's collective over the large-message
 * window (median of its cells; default messages ≥ 1 GiB, claim condition `min_bytes`) divided by the
 * bottleneck link's line rate per direction (claim condition or `system.link`: a catalog id or GB/s;
 * else the first accelerator's own link from the catalog). An exact reading of the log: the printed
 * times are already averages, so no sampling bound.
 */
export const busbwUtilization: MetricDefinition = {
  id: "busbw.utilization",
  unit: "fraction",
  better: "higher",
  evaluate(input) {
    const side = readWindow(input, "candidate");
    if ("unavailable" in side) return side;
    const catalog = input.hardware ?? new Map();
    const ownLink = resolveLink(declaredLink(input), catalog, input.system.accelerators);
    if ("text" in ownLink)
      return { unavailable: "missing", reason: ownLink.text, reasonRef: nested(ownLink) };
    const link = computeLineRate(ownLink, side.test, {
      declared: declaredLink(input),
      nicsPerNode: input.system.nics_per_node,
      catalog,
    });
    const value = side.busbw / link.gbps;
    const peak = Math.max(...side.cells.map((c) => c.busbw));
    const inNetwork = input.system.in_network_reduction;
    const findings = [...side.findings, ...linkFindings(link)];
    const estimate: MetricEstimate = {
      value,
      low: value,
      high: value,
      n: side.cells.length,
      method: `median recomputed busbw ${round(side.busbw)} GB/s of ${side.test.collective} over ${side.cells.length} cells ≥ ${bytes(side.minBytes)} (peak ${round(peak)}) on ${side.test.ranks} ranks ÷ ${link.label}`,
      methodRef: {
        key: "method.busbw_utilization",
        params: { ...windowParams(side), peak: round(peak), link: link.labelRef },
      },
      candidate: side.busbw,
      findings,
      explainClaim: (claimed) => explainUtilizationClaim(claimed, side, link, value),
    };
    if (peak > link.gbps * 1.001) {
      if (inNetwork === undefined || inNetwork === "none")
        return aboveLineRate(side, link, peak, input.system.nics_per_node, findings);
      estimate.partial = `busbw exceeds the line rate through in-network reduction (${inNetwork}), so ${round(value * 100)} % is not a wire utilization; the officer judges this requirement.`;
      estimate.partialRef = {
        key: "partial.busbw_in_network",
        params: { reduction: inNetwork, percent: round(value * 100) },
      };
    }
    return estimate;
  },
};

/**
 * `collective.busbw` (3.2 heterogeneous loss): window busbw of the candidate (mixed accelerators)
 * against the baseline (the homogeneous run on the slower accelerator: a ring runs at its slowest
 * link's pace), as `loss` = 1 − cand / base.
 */
export const collectiveBusbw: MetricDefinition = {
  id: "collective.busbw",
  unit: "GB/s",
  better: "higher",
  evaluate(input) {
    const candidate = readWindow(input, "candidate");
    if ("unavailable" in candidate) return candidate;
    const method = (s: Window) =>
      `median busbw ${round(s.busbw)} GB/s of ${s.test.collective} over ${s.cells.length} cells ≥ ${bytes(s.minBytes)} on ${s.test.ranks} ranks`;
    const methodRef = (s: Window): MessageRef => ({ key: "method.busbw_window", params: windowParams(s) });
    if (input.comparison === "none")
      return {
        value: candidate.busbw,
        low: candidate.busbw,
        high: candidate.busbw,
        n: candidate.cells.length,
        method: method(candidate),
        methodRef: methodRef(candidate),
        findings: candidate.findings,
      };
    const baseline = readWindow(input, "baseline");
    if ("unavailable" in baseline) return baseline;
    const value = 1 - candidate.busbw / baseline.busbw;
    return {
      value,
      low: value,
      high: value,
      n: Math.min(candidate.cells.length, baseline.cells.length),
      method: `1 − candidate / ${input.baselineRole ?? "baseline"}: ${method(candidate)} vs ${method(baseline)}`,
      methodRef: {
        key: "method.busbw_loss",
        params: {
          role: roleRef(input.baselineRole ?? "baseline"),
          c: methodRef(candidate),
          b: methodRef(baseline),
        },
      },
      candidate: candidate.busbw,
      baseline: baseline.busbw,
      findings: [...candidate.findings, ...baseline.findings, ...rankMismatch(candidate, baseline)],
    };
  },
};

export const COLLECTIVE_METRICS: MetricDefinition[] = [busbwUtilization, collectiveBusbw];

// --- internal ---

/**
 * A test whose log does not name its collective or ranks (HCCL Test prints neither) takes them from
 * the claim's conditions `collective` and `ranks`; what the log says always wins.
 */
function withDeclarations(test: CollectiveTest, input: MeasureInput): CollectiveTest {
  const ranks = Number(input.conditions.ranks);
  const collective = toCollective(String(input.conditions.collective ?? ""));
  if (
    (test.collective !== undefined || collective === undefined) &&
    (test.ranks !== undefined || !(ranks > 1))
  )
    return test;
  return {
    ...test,
    ...(test.collective === undefined && collective !== undefined
      ? { collective, collectiveSource: "declared" as const }
      : {}),
    ...(test.ranks === undefined && ranks > 1 ? { ranks } : {}),
  };
}

function declaredLink(input: MeasureInput): string | number | undefined {
  const link = input.conditions.link ?? input.system.link;
  return typeof link === "boolean" ? undefined : link;
}

interface Window {
  test: CollectiveTest;
  cells: RecomputedCell[];
  busbw: number;
  minBytes: number;
  findings: Finding[];
  location: { path: string; line: number };
}

function readWindow(input: MeasureInput, side: "candidate" | "baseline"): Window | MetricUnavailable {
  const evidence = findEvidence(input, "collective-bandwidth", side);
  const role = side === "candidate" ? "candidate" : (input.baselineRole ?? "baseline");
  if (evidence?.collective === undefined)
    return {
      unavailable: "missing",
      reason: `No ${role} collective benchmark (nccl-tests / rccl-tests output or the collective-bandwidth CSV) was submitted.`,
      reasonRef: { key: "missing.collective_log", params: { role: roleRef(role) } },
    };
  const wanted = input.collective;
  const tests = evidence.collective.tests
    .map((t) => withDeclarations(t, input))
    .filter((t) => wanted === undefined || t.collective === wanted);
  const test = tests.at(-1);
  if (test === undefined)
    return {
      unavailable: "missing",
      reason: `The ${role} log holds no ${wanted ?? "identified"} test (it has ${evidence.collective.tests.map((t) => t.collective ?? "unidentified").join(", ")}); submit the ${wanted}_perf output.`,
      // Without a wanted collective the sentence names no test to submit; it stays English.
      ...(wanted === undefined
        ? {}
        : {
            reasonRef: {
              key: "missing.collective_test",
              params: {
                role: roleRef(role),
                wanted,
                has: evidence.collective.tests.map((t) => t.collective ?? "unidentified").join(", "),
              },
            },
          }),
    };
  const cells = recomputeTest(test);
  const path = evidence.collective.path;
  if (cells === undefined)
    return {
      unavailable: "invalid",
      reason: "The log lists no ranks, so busbw cannot be recomputed; keep the '#  Rank' lines.",
      reasonRef: { key: "invalid.collective_no_ranks" },
    };
  const minBytes = Number(input.conditions.min_bytes ?? DEFAULT_WINDOW_BYTES);
  const window = windowCells(cells, minBytes);
  const largest = Math.max(...test.rows.map((r) => r.sizeBytes));
  if (window.length === 0)
    return {
      unavailable: "invalid",
      reason: `The sweep stops at ${bytes(largest)}, below the ${bytes(minBytes)} window where links, not latency, set the bandwidth; rerun with -e 8G (or declare min_bytes).`,
      reasonRef: {
        key: "invalid.collective_sweep_short",
        params: { largest: bytes(largest), min_bytes: bytes(minBytes) },
      },
    };
  const findings: Finding[] = systemMismatch(input, test, path);
  if (tests.length > 1)
    findings.push(
      createFinding(
        "COLLECTIVE_SEVERAL_TESTS",
        "info",
        `The log holds ${tests.length} ${wanted} tests; the last one (line ${test.line}) is judged.`,
        { path, line: test.line },
        { tests_count: tests.length, wanted: String(wanted), line: test.line },
      ),
    );
  return {
    test,
    cells: window,
    busbw: medianBusbw(window),
    minBytes,
    findings,
    location: { path, line: test.line },
  };
}

/**
 * Which denominator or statistic a mismatching utilization claim used, so the report can say why it
 * differs: the footer average, the peak cell, a doubled busbw, or a rate below the line rate.
 */
function explainUtilizationClaim(
  claimedPercent: number,
  side: Window,
  link: LinkRate,
  value: number,
): Finding | undefined {
  const claimed = claimedPercent / 100;
  if (claimed <= 0) return undefined;
  const near = (a: number, b: number) => Math.abs(a - b) <= 0.01 * Math.max(Math.abs(b), 1e-9);
  const implied = side.busbw / claimed;
  const peak = Math.max(...side.cells.map((c) => c.busbw));
  const why: Sentence = near(claimed, 2 * value)
    ? {
        key: "denominator.doubled",
        text: "busbw doubled (the bidirectional convention) against a per-direction rate",
      }
    : near(claimed, footerMean(side.test) / link.gbps)
      ? {
          key: "denominator.footer",
          text: "the footer's '# Avg bus bandwidth', which averages every message size, not the large-message window",
        }
      : near(claimed, peak / link.gbps)
        ? {
            key: "denominator.best_cell",
            params: { peak: round(peak) },
            text: `the single best cell (${round(peak)} GB/s), not the window's median`,
          }
        : implied < link.gbps
          ? {
              key: "denominator.below_line_rate",
              params: { implied: round(implied), gbps: link.gbps },
              text: `a link rate of ${round(implied)} GB/s per direction, below the ${link.gbps} GB/s line rate (an "effective" rate after protocol overhead is not the line rate)`,
            }
          : {
              key: "denominator.link_rate",
              params: { implied: round(implied) },
              text: `a link rate of ${round(implied)} GB/s per direction`,
            };
  return createFinding(
    "UTILIZATION_DENOMINATOR",
    "error",
    `The claimed ${claimedPercent} % matches ${why.text}; the requirement divides the window's median busbw ${round(side.busbw)} GB/s by the line rate per direction (${link.label}), which gives ${round(value * 100)} %.`,
    side.location,
    {
      claimed_percent: claimedPercent,
      why: nested(why),
      value: round(side.busbw),
      label: link.labelRef,
      value2: round(value * 100),
    },
  );
}

function linkFindings(link: LinkRate): Finding[] {
  if (link.verified) return [];
  return [
    createFinding(
      "LINK_RATE_UNVERIFIED",
      "warning",
      link.source === "declared"
        ? `The link rate (${link.label}) is the team's own number, not a catalog entry; the officer checks it against the hardware.`
        : `The catalog's link rate (${link.label}) is not verified against a vendor document; the officer checks it.`,
      undefined,
      { variant: link.source === "declared" ? "declared" : "catalog", label: link.labelRef },
    ),
  ];
}

function rankMismatch(candidate: Window, baseline: Window): Finding[] {
  if (candidate.test.ranks === baseline.test.ranks) return [];
  return [
    createFinding(
      "COLLECTIVE_RANKS_DIFFER",
      "warning",
      `The candidate ran on ${candidate.test.ranks} ranks and the baseline on ${baseline.test.ranks}; busbw is comparable across rank counts, but topology changes with them.`,
      candidate.location,
      { ranks: String(candidate.test.ranks), ranks2: String(baseline.test.ranks) },
    ),
  ];
}

/** busbw above the line rate: the log, the rank count or the declared link is wrong, or something is undeclared. */
function aboveLineRate(
  side: Window,
  link: LinkRate,
  peak: number,
  nicsPerNode: number | undefined,
  findings: Finding[],
): MetricUnavailable {
  const advice = aboveLineRateAdvice(side.test, nicsPerNode);
  return {
    unavailable: "invalid",
    reason: `busbw reaches ${round(peak)} GB/s, above the ${round(link.gbps)} GB/s line rate (${link.label}); ${advice.text}`,
    reasonRef: {
      key: "invalid.busbw_above_line_rate",
      params: { peak: round(peak), gbps: round(link.gbps), link: link.labelRef, advice: nested(advice) },
    },
    findings: [
      ...findings,
      createFinding(
        "BUSBW_ABOVE_LINE_RATE",
        "error",
        `busbw ${round(peak)} GB/s exceeds the ${round(link.gbps)} GB/s line rate per direction (${link.label}); ${advice.text}`,
        side.location,
        {
          value: round(peak),
          value2: round(link.gbps),
          label: link.labelRef,
          above_line_rate_advice: nested(advice),
        },
      ),
    ],
  };
}

/** The numbers that say which cells of a log the busbw is the median of. */
function windowParams(side: Window): Record<string, string | number> {
  return {
    busbw: round(side.busbw),
    collective: side.test.collective ?? "",
    cells: side.cells.length,
    min_bytes: bytes(side.minBytes),
    ranks: side.test.ranks ?? "",
  };
}

function bytes(value: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let v = value;
  let u = 0;
  while (v >= 1024 && u < units.length - 1 && Number.isInteger(v / 1024)) {
    v /= 1024;
    u++;
  }
  return `${v} ${units[u]}`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
