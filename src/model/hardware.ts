import type { MessageRef } from "./message.ts";

/** One row of the hardware catalog (`hardware/catalog.csv`): data with its source, not code. */
export interface HardwareEntry {
  id: string;
  vendor: string;
  name: string;
  kind: "accelerator" | "nic";
  memoryGb: number;
  memBwGbps: number;
  /** Dense (no sparsity) peaks; NaN when unknown. */
  bf16DenseTflops: number;
  fp8DenseTflops: number;
  /** Line rate per direction of the device's own link (NVLink, xGMI, PCIe, NIC), GB/s; NaN when unknown. */
  linkGbpsPerDirection: number;
  /** `yes`: every number checked against a vendor document; `partial`: those in `verifiedFields`; `no`: none. */
  verified: "yes" | "partial" | "no";
  verifiedFields: string[];
  linkNote: string;
  source: string;
}

export type HardwareCatalog = ReadonlyMap<string, HardwareEntry>;

/** A link rate the verifier divides by, and where it came from (shown in the report). */
export interface LinkRate {
  gbps: number;
  label: string;
  /** `label` as a catalog message, so a report names the link in its own language. */
  labelRef: MessageRef;
  source: "catalog" | "declared";
  verified: boolean;
}

/**
 * The bottleneck link of a claim: a catalog id (a NIC or an accelerator's own link) or a number in
 * GB/s per direction; without one, the link of the system's first accelerator from the catalog.
 * When there is none, a sentence (its English as `text`) says what to declare.
 */
export function resolveLink(
  declared: string | number | undefined,
  catalog: HardwareCatalog,
  accelerators: ReadonlyArray<{ model: string }>,
): LinkRate | (MessageRef & { text: string }) {
  if (typeof declared === "number" || (typeof declared === "string" && /^\d+(\.\d+)?$/.test(declared))) {
    const gbps = Number(declared);
    return {
      gbps,
      label: `${gbps} GB/s per direction, as declared`,
      labelRef: { key: "link.declared", params: { gbps } },
      source: "declared",
      verified: false,
    };
  }
  const id = declared ?? accelerators[0]?.model;
  if (id === undefined)
    return {
      key: "link.undeclared",
      text: "No bottleneck link was declared: give `link` (a hardware catalog id or GB/s per direction), or the accelerators in `system`.",
    };
  const entry = catalog.get(id);
  if (entry === undefined || Number.isNaN(entry.linkGbpsPerDirection))
    return {
      key: "link.not_in_catalog",
      params: { id },
      text: `${id} is not in the hardware catalog with a link rate; declare \`link\` as GB/s per direction (the report will say it is declared).`,
    };
  return {
    gbps: entry.linkGbpsPerDirection,
    label: `${entry.name} link, ${entry.linkGbpsPerDirection} GB/s per direction (catalog ${entry.id})`,
    labelRef: {
      key: "link.catalog",
      params: { name: entry.name, gbps: entry.linkGbpsPerDirection, id: entry.id },
    },
    source: "catalog",
    verified: entry.verified === "yes" || entry.verifiedFields.includes("link_gbps_per_direction"),
  };
}

/** Dense peak TFLOP/s of an accelerator for a precision, with whether the catalog verified it. */
export function densePeak(
  entry: HardwareEntry,
  precision: "bf16" | "fp8",
): { tflops: number; verified: boolean } | undefined {
  const tflops = precision === "fp8" ? entry.fp8DenseTflops : entry.bf16DenseTflops;
  if (Number.isNaN(tflops)) return undefined;
  const field = precision === "fp8" ? "fp8_dense_tflops" : "bf16_dense_tflops";
  return { tflops, verified: entry.verified === "yes" || entry.verifiedFields.includes(field) };
}
