import { existsSync, readFileSync } from "node:fs";
import type { EvidenceFile } from "../../../src/model/evidence.ts";

/** The shared quality samples sit beside the repository (see SOURCES.md there); tests skip without them. */
export const QUALITY_SAMPLES = new URL("../../../../shared/samples/quality/", import.meta.url);
export const hasQualitySamples = existsSync(QUALITY_SAMPLES);
if (!hasQualitySamples) {
  console.warn(
    "Quality interoperability tests skipped: the shared samples folder (../shared/samples/quality) is not beside this checkout.",
  );
}

/** A real tool file from the shared quality samples, under its path relative to that folder. */
export function readQualitySample(name: string): EvidenceFile {
  return { path: name, bytes: readFileSync(new URL(name, QUALITY_SAMPLES)) };
}

export function readQualityText(name: string): string {
  return readFileSync(new URL(name, QUALITY_SAMPLES), "utf8");
}

export function textFile(path: string, text: string): EvidenceFile {
  return { path, bytes: new TextEncoder().encode(text) };
}

/**
 * The `measure qid value` lines trec_eval printed (`-q` output), as a map `measure → qid → value
 * string`, so tests compare against the tool's own 4-decimal text.
 */
export function readTrecEvalOutput(name: string): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const line of readQualityText(name).split("\n")) {
    const [measure, qid, value] = line.trim().split(/\s+/);
    if (measure === undefined || qid === undefined || value === undefined) continue;
    let byQid = out.get(measure);
    if (byQid === undefined) {
      byQid = new Map();
      out.set(measure, byQid);
    }
    byQid.set(qid, value);
  }
  return out;
}
