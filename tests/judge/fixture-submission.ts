import { readFileSync } from "node:fs";
import type { SubmittedFile } from "../../src/judge/prepare-input.ts";
import type { Submission } from "../../src/model/manifest.ts";
import { parseSubmission } from "../../src/model/parse-submission.ts";

const FIXTURES = new URL("../../fixtures/", import.meta.url);

/** A fixture's manifest and its files in memory, in the manifest's order of roles. */
export function loadFixture(name: string): { submission: Submission; files: SubmittedFile[] } {
  const text = readFileSync(new URL(`${name}/claimcheck.yaml`, FIXTURES), "utf8");
  const submission = parseSubmission(text, `${name}/claimcheck.yaml`);
  const files = Object.entries(submission.evidence).map(([role, entry]) => {
    const { path, format } = typeof entry === "string" ? { path: entry, format: undefined } : entry;
    const bytes = new Uint8Array(readFileSync(new URL(`${name}/${path}`, FIXTURES)));
    const file: SubmittedFile = { role, file: { path, bytes }, sha256: "0".repeat(64) };
    if (format !== undefined) file.format = format;
    return file;
  });
  return { submission, files };
}
