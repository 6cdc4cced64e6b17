import type { CollectiveRow, CollectiveTest } from "../../../src/model/collective.ts";
import type { ParsedEvidence } from "../../../src/model/evidence.ts";

/** An nccl-tests all_reduce log of `ranks` ranks on `hosts` hosts, 256 MiB to 4 GiB, busbw by size. */
export function allReduce(ranks: number, busbw: (size: number) => number, hosts = 1): ParsedEvidence {
  const factor = (2 * (ranks - 1)) / ranks;
  const rows: CollectiveRow[] = [];
  for (let size = 2 ** 28; size <= 2 ** 32; size *= 2) {
    const algbw = busbw(size) / factor;
    rows.push({
      sizeBytes: size,
      count: size / 4,
      type: "float",
      redop: "sum",
      placement: "out-of-place",
      timeUs: size / (algbw * 1e3),
      algbw,
      busbw: busbw(size),
      check: "0",
      line: rows.length + 10,
    });
  }
  const test: CollectiveTest = {
    collective: "all_reduce",
    collectiveSource: "header",
    ranks,
    devices: [],
    hosts,
    rows,
    line: 1,
    footerBusbw: { value: rows.reduce((s, r) => s + r.busbw, 0) / rows.length, line: 20 },
  };
  return {
    format: "nccl-tests",
    kind: "collective-bandwidth",
    rows: rows.length,
    collective: { tool: "nccl-tests", path: "ar.log", tests: [test] },
    findings: [],
  };
}
