import { readFile } from "node:fs/promises";
import { ClaimcheckError } from "../model/errors.ts";
import type { Submission } from "../model/manifest.ts";
import { parseSubmission } from "../model/parse-submission.ts";

/** Reads and validates `claimcheck.yaml`. */
export async function readSubmission(path: string): Promise<Submission> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    throw new ClaimcheckError(
      "E_IO",
      `Cannot read the manifest ${path}; pass the path of claimcheck.yaml, or use quick mode (--topic with --candidate).`,
      { cause },
    );
  }
  return parseSubmission(text, path);
}
