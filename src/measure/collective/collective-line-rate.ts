import type { CollectiveTest } from "../../model/collective.ts";
import type { HardwareCatalog, LinkRate } from "../../model/hardware.ts";

/** How a link's line rate applies to a run: its own rate, or the aggregate of a node's NICs. */
export interface LineRateOptions {
  /** The declared link: a catalog id or GB/s per direction, as in `system.link`. */
  declared: string | number | undefined;
  nicsPerNode: number | undefined;
  catalog: HardwareCatalog;
}

/**
 * The line rate a multi-node collective's busbw is bounded by. NCCL gives every GPU of a node its own
 * NIC (one ring or tree channel per NIC), so across nodes busbw is bounded by the node's NICs
 * together, not by one: 10 nodes × 8 H100 with one 400 G NIC each reached 364 GB/s all_reduce busbw
 * (91 % of 8 × 50 GB/s; xxrjun/nccl-tests-cluster nccl_N10_G8.log). So when the link is a NIC (a
 * catalog `nic` or a declared number), the log spans more than one host and `nics_per_node` is
 * declared, the rate is multiplied by it. Within one node the NICs carry nothing and the rate stays.
 */
export function computeLineRate(link: LinkRate, test: CollectiveTest, options: LineRateOptions): LinkRate {
  const nics = options.nicsPerNode;
  if (nics === undefined || nics <= 1 || test.hosts <= 1) return link;
  const id = typeof options.declared === "string" ? options.declared : undefined;
  const isNic = link.source === "declared" || (id !== undefined && options.catalog.get(id)?.kind === "nic");
  if (!isNic) return link;
  return {
    ...link,
    gbps: link.gbps * nics,
    label: `${nics} NICs per node × ${link.label} = ${round(link.gbps * nics)} GB/s per direction (a ${test.hosts}-node run)`,
    labelRef: {
      key: "link.nics_aggregate",
      params: { nics, link: link.labelRef, gbps: round(link.gbps * nics), hosts: test.hosts },
    },
  };
}

// --- internal ---

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
