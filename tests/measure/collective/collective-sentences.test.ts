import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeLineRate } from "../../../src/measure/collective/collective-line-rate.ts";
import { busbwUtilization } from "../../../src/measure/collective/collective-metrics.ts";
import { aboveLineRateAdvice, systemMismatch } from "../../../src/measure/collective/collective-system.ts";
import type { MeasureInput, MetricEstimate, MetricUnavailable } from "../../../src/measure/metric.ts";
import type { CollectiveTest } from "../../../src/model/collective.ts";
import type { ParsedEvidence } from "../../../src/model/evidence.ts";
import type { Finding } from "../../../src/model/finding.ts";
import { resolveLink } from "../../../src/model/hardware.ts";
import type { MessageRef } from "../../../src/model/message.ts";
import { parseHardwareCatalog } from "../../../src/read/read-hardware.ts";
import { renderMessage } from "../../../src/render/catalog/index.ts";
import { allReduce } from "./all-reduce-log.ts";

/**
 * Every sentence the collective metrics store is also a catalog key with params: rendered in English
 * it is the stored sentence byte for byte (so English reports do not change), and in Chinese it is
 * another sentence. The branches no example of `fixtures/` reaches are built here.
 */
const catalog = parseHardwareCatalog(
  readFileSync(new URL("../../../hardware/catalog.csv", import.meta.url), "utf8"),
  "hardware/catalog.csv",
);

describe("the sentences of collective bandwidth, rendered from their catalog keys", () => {
  it("say in English what the metric stored, for each convention a mismatching claim used", () => {
    const evidence = sweep(8, 1, 380);
    const result = utilization(evidence) as MetricEstimate;
    const rows = evidence.collective?.tests[0]?.rows ?? [];
    const footer = rows.reduce((s, r) => s + r.busbw, 0) / rows.length;
    const best = Math.max(...rows.map((r) => r.busbw));
    // 450 GB/s per direction: the H100's NVLink in the catalog.
    const claims = [result.value * 200, footer / 4.5, best / 4.5, result.value * 110, result.value * 50];
    const findings = claims.flatMap((c) => result.explainClaim?.(c) ?? []);
    expect(findings.map((f) => (f.params?.why as MessageRef | undefined)?.key)).toEqual([
      "denominator.doubled",
      "denominator.footer",
      "denominator.best_cell",
      "denominator.below_line_rate",
      "denominator.link_rate",
    ]);
    expect(drift([...findings, ...(result.findings ?? [])], [method(result)])).toEqual([]);
  });

  it("say what to declare when busbw is above the line rate, on one node and across nodes", () => {
    const oneNode = utilization(sweep(8, 1, 600)) as MetricUnavailable;
    const fourNodes = utilization(sweep(32, 4, 600)) as MetricUnavailable;
    const sentences = [oneNode, fourNodes].flatMap((r) => [
      [r.reasonRef, r.reason] as const,
      ...(r.findings ?? []).map((f) => [{ key: f.code, params: f.params }, f.message] as const),
    ]);
    expect(sentences.filter(([ref, text]) => renderMessage(ref ?? {}, "", "en") !== text)).toEqual([]);
    expect(renderMessage(nestedAdvice(fourNodes), "", "zh")).toBe(
      "该运行跨 4 个节点，若每个节点有多块网卡，请声明 `system.nics_per_node`（线速即为各网卡之和）；若由 NVLink SHARP、SHARP 或 CollNet 在网络内完成归约，请声明 `system.in_network_reduction`（`nvls`、`sharp`、`collnet`）；否则是 rank 数、busbw 系数或所声明的链路有误。",
    );
  });

  it("name a NIC aggregate, a declared rate and the ranks against the declared system", () => {
    const declared = resolveLink(50, catalog, []);
    const nic = resolveLink("nvidia-connectx-7", catalog, []);
    if ("text" in declared || "text" in nic) throw new Error("no link");
    const aggregate = computeLineRate(nic, sweep(32, 4, 40).collective?.tests[0] as CollectiveTest, {
      declared: "nvidia-connectx-7",
      nicsPerNode: 8,
      catalog,
    });
    const links = [declared, nic, aggregate].map((l) => [l.labelRef, l.label] as const);
    const test = sweep(32, 4, 40).collective?.tests[0] as CollectiveTest;
    const ranks = [
      systemMismatch(input(sweep(32, 4, 40)), test, "a.log"),
      systemMismatch(input(sweep(32, 4, 40), { nodes: 2 }), test, "a.log"),
    ].flat();
    const missing = [resolveLink(undefined, catalog, []), resolveLink("no-such-nic", catalog, [])];
    expect([
      ...links.filter(([ref, text]) => renderMessage(ref, "", "en") !== text),
      ...drift(ranks, []),
      ...missing.filter((m) => "text" in m && renderMessage(m, "", "en") !== m.text),
    ]).toEqual([]);
    expect(renderMessage(aggregate.labelRef, "", "zh")).toBe(
      "每节点 8 块网卡 × ConnectX-7 (NDR IB / 400GbE) NIC 链路，单向 50 GB/s（硬件目录 nvidia-connectx-7） = 单向 400 GB/s（4 节点运行）",
    );
    expect(aboveLineRateAdvice(test, 8).params).toEqual({ hosts: "none" });
  });
});

// --- internal ---

/** Findings and methods whose catalog English is not the stored sentence. */
function drift(findings: Finding[], methods: Array<[MessageRef | undefined, string]>): string[] {
  return [
    ...findings.map((f) => [renderMessage({ key: f.code, params: f.params }, "", "en"), f.message]),
    ...methods.map(([ref, text]) => [renderMessage(ref ?? {}, "", "en"), text]),
  ].flatMap(([rendered, stored]) => (rendered === stored ? [] : [`${stored} → ${rendered}`]));
}

function method(result: MetricEstimate): [MessageRef | undefined, string] {
  return [result.methodRef, result.method];
}

function nestedAdvice(result: MetricUnavailable): MessageRef {
  return result.reasonRef?.params?.advice as MessageRef;
}

function utilization(candidate: ParsedEvidence): MetricEstimate | MetricUnavailable {
  return busbwUtilization.evaluate(input(candidate));
}

function input(candidate: ParsedEvidence, system: { nodes?: number } = {}): MeasureInput {
  return {
    evidence: { candidate },
    system: { accelerators: [{ model: "nvidia-h100-sxm", count: 8 }], software: {}, ...system },
    confidence: 0.95,
    seed: 1,
    percentileMethod: "linear",
    comparison: "none",
    conditions: {},
    collective: "all_reduce",
    hardware: catalog,
  };
}

/** An all_reduce sweep from 256 MiB to 4 GiB whose busbw rises towards `peak` GB/s. */
function sweep(ranks: number, hosts: number, peak: number): ParsedEvidence {
  return allReduce(ranks, (size) => (peak * size) / (size + 2 ** 26), hosts);
}
