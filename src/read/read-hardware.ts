import { readFile } from "node:fs/promises";
import { tokenizeCsv } from "../formats/text/csv.ts";
import { ClaimcheckError } from "../model/errors.ts";
import type { HardwareCatalog, HardwareEntry } from "../model/hardware.ts";

let cached: Promise<HardwareCatalog> | undefined;

/** Reads the hardware catalog of the package (`hardware/catalog.csv`) once per process. */
export function readHardwareCatalog(
  url: URL = new URL("../../hardware/catalog.csv", import.meta.url),
): Promise<HardwareCatalog> {
  cached ??= readFile(url, "utf8").then(
    (text) => parseHardwareCatalog(text, "hardware/catalog.csv"),
    (cause) => {
      throw new ClaimcheckError(
        "E_INTERNAL",
        "The hardware catalog is missing from the package; reinstall claimcheck.",
        {
          cause,
        },
      );
    },
  );
  return cached;
}

/** Parses the catalog CSV; a malformed catalog is a packaging bug, so it throws E_INTERNAL. */
export function parseHardwareCatalog(text: string, path: string): HardwareCatalog {
  const catalog = new Map<string, HardwareEntry>();
  let header: string[] | undefined;
  tokenizeCsv(text, path, ",", (fields, line) => {
    if (header === undefined) {
      header = [...fields];
      return;
    }
    if (fields.length === 1 && fields[0] === "") return;
    const cell = (name: string) => fields[(header as string[]).indexOf(name)] ?? "";
    const number = (name: string) => (cell(name) === "" ? Number.NaN : Number(cell(name)));
    const verified = cell("verified");
    if (verified !== "yes" && verified !== "partial" && verified !== "no")
      throw new ClaimcheckError("E_INTERNAL", `${path}:${line}: verified must be yes, partial or no.`);
    catalog.set(cell("id"), {
      id: cell("id"),
      vendor: cell("vendor"),
      name: cell("name"),
      kind: cell("kind") === "nic" ? "nic" : "accelerator",
      memoryGb: number("memory_gb"),
      memBwGbps: number("mem_bw_gbps"),
      bf16DenseTflops: number("bf16_dense_tflops"),
      fp8DenseTflops: number("fp8_dense_tflops"),
      linkGbpsPerDirection: number("link_gbps_per_direction"),
      verified,
      verifiedFields: cell("verified_fields").split(/\s+/).filter(Boolean),
      linkNote: cell("link_note"),
      source: cell("source"),
    });
  });
  return catalog;
}
