import { existsSync, readFileSync } from "node:fs";
import type { EvidenceFile } from "../../../src/model/evidence.ts";

/** The shared collective samples sit beside the repository (see SOURCES.md there); tests skip without them. */
export const COLLECTIVE_SAMPLES = new URL("../../../../shared/samples/collective/", import.meta.url);
export const hasCollectiveSamples = existsSync(COLLECTIVE_SAMPLES);
if (!hasCollectiveSamples) {
  console.warn(
    "Collective interoperability tests skipped: the shared samples folder (../shared/samples/collective) is not beside this checkout.",
  );
}

/** A real tool file from the shared collective samples. */
export function readCollectiveSample(name: string): EvidenceFile {
  return { path: name, bytes: readFileSync(new URL(name, COLLECTIVE_SAMPLES)) };
}

/** Several sample files as one, the way the original log held them (argument dump, then training). */
export function joinCollectiveSamples(path: string, names: string[]): EvidenceFile {
  const text = names.map((name) => readFileSync(new URL(name, COLLECTIVE_SAMPLES), "utf8")).join("\n");
  return { path, bytes: new TextEncoder().encode(text) };
}

export function textFile(path: string, text: string): EvidenceFile {
  return { path, bytes: new TextEncoder().encode(text) };
}
