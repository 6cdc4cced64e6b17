import { parseEvidenceChunks } from "../../formats/parse-evidence.ts";
import { prepareInput, prepareParsedInput } from "../../judge/prepare-input.ts";
import type { VerifiedInput } from "../../judge/verify-submission.ts";
import { readEvidence, readEvidenceChunks } from "../../read/read-evidence.ts";

/** Reads and parses one file the way `verify` does, plus its plausibility findings. */
export async function readVerifiedInput(
  role: string,
  absolutePath: string,
  displayPath: string,
  format?: string,
): Promise<VerifiedInput> {
  // A big file is parsed as it streams in; anything else (or a dialect the fast path hands back) is read whole.
  const streamed = readEvidenceChunks(absolutePath, displayPath, (head, chunks, size) =>
    parseEvidenceChunks(head, chunks, size, format),
  );
  if (streamed !== undefined)
    return prepareParsedInput(role, displayPath, streamed.sha256, streamed.size, streamed.parsed);
  const { file, sha256 } = await readEvidence(absolutePath, displayPath);
  return prepareInput({ role, file, sha256, ...(format === undefined ? {} : { format }) });
}
