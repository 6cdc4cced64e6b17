import { posix } from "node:path";
import { createFinding } from "../model/create-finding.ts";
import type { Finding } from "../model/finding.ts";
import { type Submission, SubmissionSchema } from "../model/manifest.ts";
import { parseSubmission } from "../model/parse-submission.ts";
import type { StoredInput } from "../store/store.ts";
import type { IncomingInput } from "../store/upload.ts";
import { HttpError, unprocessable } from "./http-error.ts";
import type { UploadLimits } from "./limits.ts";
import { parseZip, type ZipEntries, type ZipEntry } from "./parse-zip.ts";
import type { PartContent } from "./part-spool.ts";
import type { Upload } from "./read-upload.ts";

/** An upload checked and turned into its submission and the files the store keeps. */
export interface PreparedSubmission {
  submission: Submission;
  mode: "manifest" | "quick";
  inputs: IncomingInput[];
}

/** Quick mode: the team comes from the token, the topic from the form, one file per role. */
export function prepareQuickSubmission(
  upload: Extract<Upload, { kind: "files" }>,
  team: string,
): PreparedSubmission {
  const topic = checkTopic(upload.topic);
  for (const role of Object.keys(upload.formats)) {
    if (!upload.files.some((f) => f.field === role)) {
      throw new HttpError(400, `format.${role} is given but there is no file for the role "${role}".`);
    }
  }
  const names = upload.files.map((f) => f.name);
  const inputs = upload.files.map((file) => {
    const path = names.filter((n) => n === file.name).length > 1 ? `${file.field}/${file.name}` : file.name;
    return incomingInput(file.field, path, file, upload.formats[file.field]);
  });
  const evidence = Object.fromEntries(
    inputs.map((i) => [i.role, i.format === undefined ? i.path : { path: i.path, format: i.format }]),
  );
  return {
    submission: SubmissionSchema.parse({ topic, team, evidence }),
    mode: "quick",
    inputs,
  };
}

/** A zipped submission: `claimcheck.yaml` (at the top, or in the zip's one top folder) names the evidence files. */
export async function prepareZipSubmission(
  upload: Extract<Upload, { kind: "zip" }>,
  team: string,
  limits: Pick<UploadLimits, "maxZipEntries" | "maxUnzippedBytes">,
): Promise<PreparedSubmission> {
  const entries = await parseZip(upload.zip.bytes, limits);
  const manifestPath = findManifest(entries);
  const manifest = entries.get(manifestPath) as ZipEntry;
  const text = decodeManifest(manifestPath, manifest.bytes);
  const submission = parseSubmission(text, manifestPath);
  if (submission.team !== team) {
    throw new HttpError(
      403,
      `${manifestPath} is for team "${submission.team}", but this token belongs to team "${team}"; a token submits for its own team only.`,
    );
  }
  if (upload.topic !== undefined && upload.topic !== "" && upload.topic !== submission.topic) {
    throw new HttpError(
      400,
      `The form says topic ${upload.topic} but ${manifestPath} says ${submission.topic}; leave the topic out or make them agree.`,
    );
  }
  const base = posix.dirname(manifestPath);
  const findings: Finding[] = [];
  const inputs: IncomingInput[] = [incomingInput("manifest", manifestPath, manifest, undefined)];
  for (const [role, entry] of Object.entries(submission.evidence)) {
    const { path, format } = typeof entry === "string" ? { path: entry, format: undefined } : entry;
    const resolved = resolveEvidence(base, path, entries);
    if (typeof resolved === "string") {
      findings.push(
        createFinding(
          "ZIP_EVIDENCE_NOT_FOUND",
          "error",
          `evidence.${role}: ${resolved}`,
          {
            path: manifestPath,
            line: lineOf(text, path),
            column: `evidence.${role}`,
          },
          { role, resolved },
        ),
      );
    } else inputs.push(incomingInput(role, path, resolved, format));
  }
  if (findings.length > 0)
    throw unprocessable(`${manifestPath} names evidence the zip does not hold.`, findings);
  return { submission, mode: "manifest", inputs };
}

// --- internal ---

function checkTopic(topic: string | undefined): string {
  if (topic === undefined || topic === "") {
    throw new HttpError(400, "Choose a topic: add the field `topic` (e.g. 1.2); GET /api/topics lists them.");
  }
  if (!/^\d\.\d$/.test(topic)) {
    throw new HttpError(
      400,
      `"${topic}" is not a topic id; topics look like 1.2 (GET /api/topics lists them).`,
    );
  }
  return topic;
}

/**
 * A file as the store takes it: its bytes, or the file they were spooled to. Its SHA-256 was computed
 * while it streamed in or was inflated.
 */
function incomingInput(
  role: string,
  path: string,
  file: { sha256: string } & ({ bytes: Uint8Array } | { content: PartContent }),
  format: string | undefined,
): IncomingInput {
  const content = "content" in file ? file.content : { bytes: file.bytes };
  const input: IncomingInput =
    "bytes" in content
      ? ({ role, path, sha256: file.sha256, bytes: content.bytes } satisfies StoredInput)
      : { role, path, sha256: file.sha256, spooled: { path: content.file, size: content.size } };
  return format === undefined || format === "" ? input : { ...input, format };
}

function findManifest(entries: ZipEntries): string {
  const candidates = [...entries.keys()].filter(
    (name) =>
      posix.basename(name) === "claimcheck.yaml" &&
      name.split("/").length <= 2 &&
      !name.startsWith("__MACOSX/"),
  );
  const top = candidates.filter((name) => !name.includes("/"));
  const chosen = top.length === 1 ? top : candidates;
  if (chosen.length === 1) return chosen[0] as string;
  throw unprocessable(
    chosen.length === 0
      ? "The zip has no claimcheck.yaml at its top level; put the manifest beside the evidence files and zip them."
      : `The zip has ${chosen.length} claimcheck.yaml files (${chosen.join(", ")}); zip one submission at a time.`,
    [],
  );
}

function decodeManifest(path: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw unprocessable(`${path} is not UTF-8 text; save it as UTF-8.`, [
      createFinding(
        "MANIFEST_ENCODING",
        "error",
        "The manifest is not UTF-8; save it as UTF-8.",
        { path },
        {},
      ),
    ]);
  }
}

/** The file at a manifest's evidence path, or why there is none. */
function resolveEvidence(base: string, path: string, entries: ZipEntries): ZipEntry | string {
  if (path.includes("\\") || path.startsWith("/") || /^[A-Za-z]:/.test(path)) {
    return `"${path}" must be a relative path with forward slashes, inside the zip.`;
  }
  const resolved = posix.normalize(posix.join(base, path));
  if (resolved === ".." || resolved.startsWith("../")) {
    return `"${path}" points outside the zip; put the file in the zip and name it relative to claimcheck.yaml.`;
  }
  return (
    entries.get(resolved) ??
    `"${path}" is not in the zip; add it, or fix the path (it is relative to claimcheck.yaml).`
  );
}

function lineOf(text: string, needle: string): number {
  const index = text.split("\n").findIndex((line) => line.includes(needle));
  return index < 0 ? 1 : index + 1;
}
