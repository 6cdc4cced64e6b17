import { readFile } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
import type { DocumentText } from "../judge/doc-claim-marks.ts";
import { ClaimcheckError } from "../model/errors.ts";

/** A deliverable document to read: where it is, and the path reports and annotations show. */
export interface DocumentPath {
  absolutePath: string;
  displayPath: string;
}

/**
 * The documents to gate: the manifest's `claims_from` (relative to the manifest) and `--claims-from`
 * (relative to the working directory), each shown relative to the manifest's folder so annotations
 * land on the file in the repository; a file named twice is read once.
 */
export function listDocumentPaths(
  claimsFrom: readonly string[],
  baseDir: string,
  cliPaths: readonly string[],
  cwd: string,
): DocumentPath[] {
  const all = [
    ...claimsFrom.map((path) => resolve(baseDir, path)),
    ...cliPaths.map((path) => resolve(cwd, path)),
  ];
  return [...new Set(all)].map((absolutePath) => {
    const shown = relative(baseDir, absolutePath);
    const outside = shown.startsWith("..") || isAbsolute(shown);
    return { absolutePath, displayPath: outside ? relative(cwd, absolutePath) : shown };
  });
}

/** Reads each deliverable document as UTF-8 text. */
export async function readDocuments(paths: readonly DocumentPath[]): Promise<DocumentText[]> {
  return Promise.all(
    paths.map(async ({ absolutePath, displayPath }) => {
      try {
        return { path: displayPath, text: await readFile(absolutePath, "utf8") };
      } catch (cause) {
        throw new ClaimcheckError(
          "E_IO",
          `Cannot read the report document ${displayPath} (claims_from / --claims-from); check the path, relative to claimcheck.yaml.`,
          { cause },
        );
      }
    }),
  );
}
