import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeLineRate } from "../../../src/measure/collective/collective-line-rate.ts";
import type { CollectiveTest } from "../../../src/model/collective.ts";
import { resolveLink } from "../../../src/model/hardware.ts";
import { parseHardwareCatalog } from "../../../src/read/read-hardware.ts";

const catalog = parseHardwareCatalog(
  readFileSync(new URL("../../../hardware/catalog.csv", import.meta.url), "utf8"),
  "hardware/catalog.csv",
);
const test = (hosts: number): CollectiveTest => ({
  collective: "all_reduce",
  collectiveSource: "header",
  ranks: 8 * hosts,
  devices: [],
  hosts,
  rows: [],
  line: 1,
});
const rate = (declared: string | number, hosts: number, nicsPerNode: number | undefined) => {
  const link = resolveLink(declared, catalog, []);
  if ("text" in link) return link.text;
  return computeLineRate(link, test(hosts), { declared, nicsPerNode, catalog }).gbps;
};

describe("line rate of a collective run", () => {
  it("is the node's NICs together across nodes, one NIC's rate within a node or without nics_per_node", () => {
    expect([
      rate("nvidia-connectx-7", 10, 8),
      rate("nvidia-connectx-7", 1, 8),
      rate("nvidia-connectx-7", 10, undefined),
      rate(25, 2, 4),
      // An accelerator's own link (NVLink) is not a NIC: nics_per_node does not multiply it.
      rate("nvidia-h100-sxm", 10, 8),
    ]).toEqual([400, 50, 50, 100, 450]);
  });
});
