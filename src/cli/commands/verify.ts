import { dirname, resolve } from "node:path";
import { joinCompanion } from "../../judge/companion-input.ts";
import type { DocumentText } from "../../judge/doc-claim-marks.ts";
import { prepareInput, type SubmittedFile } from "../../judge/prepare-input.ts";
import { type VerifiedInput, verifySubmission } from "../../judge/verify-submission.ts";
import { projectionForRequirements } from "../../measure/serving/request-projection.ts";
import { ClaimcheckError } from "../../model/errors.ts";
import { type Submission, SubmissionSchema } from "../../model/manifest.ts";
import type { Report } from "../../model/report.ts";
import type { RequestProjection } from "../../model/request-columns.ts";
import type { Topic } from "../../model/topic.ts";
import { decompressWhole, detectCompression } from "../../read/decompress-evidence.ts";
import { listDocumentPaths, readDocuments } from "../../read/read-doc-claims.ts";
import { readHardwareCatalog } from "../../read/read-hardware.ts";
import { readGeneratedAt, readVersion } from "../../read/read-package.ts";
import { readSubmission } from "../../read/read-submission.ts";
import { readTopic } from "../../read/read-topics.ts";
import { readVerifiedInput, readVerifiedInputs } from "./read-input.ts";

export { readVerifiedInput };

export interface VerifyOptions {
  /** Path of `claimcheck.yaml`; leave out for quick mode. */
  manifest?: string;
  /** Quick mode: the topic id, e.g. `1.2`. */
  topic?: string;
  /** Quick mode: the system facts the CLI takes (`--link`, `--in-network-reduction`). */
  system?: Record<string, string>;
  /** Quick mode: role → file path (`candidate`, `baseline`, `memory`, …). */
  files?: Record<string, string>;
  /** Quick mode: role → declared format id. @default detected */
  formats?: Record<string, string>;
  /** Judge only these requirement ids. @default all */
  only?: string[];
  /** @default 0.95 */
  confidence?: number;
  /** @default 20240 */
  seed?: number;
  /** Deliverable documents whose claim marks are judged too, besides the manifest's `claims_from`. @default none */
  claimsFrom?: string[];
}

/**
 * Verifies a submission end to end and returns the canonical report.
 * @example const report = await verify({ manifest: "fixtures/1.2-pass/claimcheck.yaml" });
 */
export async function verify(options: VerifyOptions): Promise<Report> {
  const { submission, baseDir, mode } = await loadSubmission(options);
  const topic = findTopic(await readTopic(submission.topic), submission.topic);
  checkReferences(submission, topic, options.only);
  const projection = projectionForRequirements(topic.requirements, options.only);
  const documents = await readDocuments(
    listDocumentPaths(submission.claims_from ?? [], baseDir, options.claimsFrom ?? [], process.cwd()),
  );
  const inputs = await readInputs(submission, baseDir, projection);
  return judge(topic, submission, mode, inputs, { ...options, documents });
}

export interface VerifyFilesOptions extends Pick<VerifyOptions, "only" | "confidence" | "seed"> {
  submission: Submission;
  mode: "manifest" | "quick";
  files: SubmittedFile[];
}

/** Verifies files already in memory (the server's uploads): no file system access but the topic catalog. */
export async function verifyFiles(options: VerifyFilesOptions): Promise<Report> {
  const topic = findTopic(await readTopic(options.submission.topic), options.submission.topic);
  checkReferences(options.submission, topic, options.only);
  const inputs = options.files.map((f) => prepareInput(inflated(f)));
  return judge(topic, options.submission, options.mode, inputs, options);
}

// --- internal ---

/** A gzip or zstd upload (told by its first bytes) is read decompressed; its hash stays the submitted file's. */
function inflated(file: SubmittedFile): SubmittedFile {
  const kind = detectCompression(file.file.bytes);
  if (kind === undefined) return file;
  return { ...file, file: { ...file.file, bytes: decompressWhole(kind, file.file.bytes, file.file.path) } };
}

async function judge(
  topic: Topic,
  submission: Submission,
  mode: "manifest" | "quick",
  inputs: VerifiedInput[],
  options: Pick<VerifyOptions, "only" | "confidence" | "seed"> & { documents?: DocumentText[] },
): Promise<Report> {
  return verifySubmission({
    topic,
    submission,
    mode,
    inputs,
    hardware: await readHardwareCatalog(),
    generatedAt: readGeneratedAt(),
    version: readVersion(),
    ...(options.confidence === undefined ? {} : { confidence: options.confidence }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.only === undefined ? {} : { only: options.only }),
    ...(options.documents === undefined || options.documents.length === 0
      ? {}
      : { documents: options.documents }),
  });
}

async function loadSubmission(
  options: VerifyOptions,
): Promise<{ submission: Submission; baseDir: string; mode: "manifest" | "quick" }> {
  if (options.manifest !== undefined) {
    return {
      submission: await readSubmission(options.manifest),
      baseDir: dirname(resolve(options.manifest)),
      mode: "manifest",
    };
  }
  if (options.topic === undefined || options.files?.candidate === undefined) {
    throw new ClaimcheckError(
      "E_USAGE",
      "Give a manifest (claimcheck verify claimcheck.yaml), or quick mode: --topic <id> --candidate <file> [--baseline <file>].",
    );
  }
  const evidence = Object.fromEntries(
    Object.entries(options.files).map(([role, path]) => [
      role,
      options.formats?.[role] === undefined ? path : { path, format: options.formats[role] },
    ]),
  );
  return {
    submission: SubmissionSchema.parse({
      topic: options.topic,
      team: "(quick mode)",
      evidence,
      system: options.system ?? {},
    }),
    baseDir: process.cwd(),
    mode: "quick",
  };
}

function findTopic(topics: Topic[], id: string): Topic {
  const topic = topics.find((t) => t.id === id);
  if (topic === undefined) {
    throw new ClaimcheckError(
      "E_USAGE",
      `Unknown topic "${id}"; \`claimcheck topics\` lists every topic of the fund (1.1 … 5.8).`,
    );
  }
  return topic;
}

function checkReferences(submission: Submission, topic: Topic, only: string[] | undefined): void {
  const ids = new Set(topic.requirements.map((r) => r.id));
  const named = [
    ...submission.claims.map((c) => c.requirement),
    ...submission.deliverables.map((d) => d.requirement),
    ...(only ?? []),
  ];
  const unknown = named.filter((id) => !ids.has(id));
  if (unknown.length > 0) {
    throw new ClaimcheckError(
      "E_INPUT",
      `Topic ${topic.id} has no requirement ${unknown.map((id) => `"${id}"`).join(", ")}; \`claimcheck topics ${topic.id}\` lists its requirement ids.`,
    );
  }
}

async function readInputs(
  submission: Submission,
  baseDir: string,
  projection: RequestProjection | undefined,
): Promise<VerifiedInput[]> {
  const inputs = await readVerifiedInputs(
    Object.entries(submission.evidence).map(([role, entry]) => {
      const { path, format } = typeof entry === "string" ? { path: entry, format: undefined } : entry;
      return {
        role,
        absolutePath: resolve(baseDir, path),
        displayPath: path,
        ...(format === undefined ? {} : { format }),
      };
    }),
    projection,
  );
  return Promise.all(
    Object.values(submission.evidence).map(async (entry, i) => {
      const input = inputs[i] as VerifiedInput;
      if (typeof entry === "string" || entry.companion === undefined) return input;
      const path = entry.companion;
      return joinCompanion(input, await readVerifiedInput(input.role, resolve(baseDir, path), path));
    }),
  );
}
