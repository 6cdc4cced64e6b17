import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { ClaimcheckError } from "../model/errors.ts";
import type { EvidenceFile } from "../model/evidence.ts";

export interface ReadEvidenceResult {
  file: EvidenceFile;
  sha256: string;
}

/** Reads one evidence file; `displayPath` is what reports and findings show (as the user wrote it). */
export async function readEvidence(absolutePath: string, displayPath: string): Promise<ReadEvidenceResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(absolutePath);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const what =
      code === "ENOENT"
        ? "does not exist"
        : code === "EISDIR"
          ? "is a directory"
          : `cannot be read (${code ?? "unknown error"})`;
    throw new ClaimcheckError(
      "E_IO",
      `Evidence file ${displayPath} ${what}; check the path (paths in claimcheck.yaml are relative to it).`,
      { cause },
    );
  }
  return { file: { path: displayPath, bytes }, sha256: createHash("sha256").update(bytes).digest("hex") };
}
