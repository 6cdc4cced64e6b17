import { ClaimcheckError } from "../model/errors.ts";
import type { EvidenceFile, ParsedEvidence } from "../model/evidence.ts";
import type { FormatAdapter } from "./format.ts";
import { FORMATS } from "./registry.ts";
import { decodeHead } from "./text/text.ts";

export interface DetectedFormat {
  adapter: FormatAdapter;
  source: "declared" | "detected";
  confidence: number;
}

/** Picks the adapter for a file: the declared format when given, else the most confident detector. */
export function detectFormat(file: EvidenceFile, declared?: string, formats = FORMATS): DetectedFormat {
  if (declared !== undefined) {
    const adapter = formats.find((f) => f.id === declared);
    if (adapter === undefined) {
      throw new ClaimcheckError(
        "E_USAGE",
        `Unknown format "${declared}" for ${file.path}. Known formats: ${formats.map((f) => f.id).join(", ")}.`,
      );
    }
    return { adapter, source: "declared", confidence: 1 };
  }
  if (file.bytes.length === 0) {
    throw new ClaimcheckError(
      "E_INPUT",
      `${file.path} is empty; submit the tool's result file, not a placeholder.`,
    );
  }
  const head = { path: file.path, head: decodeHead(file.bytes) };
  let best: DetectedFormat | undefined;
  for (const adapter of formats) {
    const confidence = safeDetect(adapter, head);
    if (confidence > 0 && (best === undefined || confidence > best.confidence)) {
      best = { adapter, source: "detected", confidence };
    }
  }
  if (best === undefined) {
    throw new ClaimcheckError(
      "E_INPUT",
      `Could not tell which tool wrote ${file.path}. Name its format (\`format:\` in claimcheck.yaml or --format); known formats: ${formats.map((f) => f.id).join(", ")}.`,
    );
  }
  return best;
}

/** Detects (or takes) the format and parses the file into columnar evidence. */
export function parseEvidence(
  file: EvidenceFile,
  declared?: string,
  formats = FORMATS,
): ParsedEvidence & { detected: DetectedFormat } {
  const detected = detectFormat(file, declared, formats);
  return { ...detected.adapter.parse(file), detected };
}

/**
 * Parses a big file as it streams in, when its adapter can (`parseChunks`): `head` is the file's
 * first bytes (for detection), `chunks` yields the whole file. Undefined when the file must be read
 * whole after all (no streaming parser for its format, or a dialect the fast path hands back).
 */
export function parseEvidenceChunks(
  head: EvidenceFile,
  chunks: () => Iterable<Uint8Array>,
  size: number,
  declared?: string,
  formats = FORMATS,
): (ParsedEvidence & { detected: DetectedFormat }) | undefined {
  const detected = detectFormat(head, declared, formats);
  if (detected.adapter.parseChunks === undefined) return undefined;
  const parsed = detected.adapter.parseChunks(head.path, chunks(), size);
  return parsed === undefined ? undefined : { ...parsed, detected };
}

// --- internal ---

function safeDetect(adapter: FormatAdapter, head: { path: string; head: string }): number {
  // A detector only looks; one that throws on odd bytes must not stop the others from trying.
  try {
    return adapter.detect(head);
  } catch {
    return 0;
  }
}
