import { createHash, type Hash } from "node:crypto";
import { EVIDENCE_ROLES } from "../model/evidence.ts";
import { detectCompression } from "../read/decompress-evidence.ts";
import { HttpError } from "./http-error.ts";
import type { UploadLimits } from "./limits.ts";
import { createLoopSlicer, joinChunks } from "./loop-slices.ts";
import { multipartBoundary, readMultipartChunks } from "./multipart-guard.ts";
import { createMultipartParser, MalformedMultipartError, type PartHeaders } from "./multipart-parser.ts";

/** One uploaded file field, with the SHA-256 of its bytes (hashed while they arrived). */
export interface UploadedFile {
  field: string;
  name: string;
  bytes: Uint8Array;
  sha256: string;
}

/** What a `POST /api/submissions` carries: evidence files by role, or one zipped submission. */
export type Upload =
  | { kind: "files"; topic: string | undefined; files: UploadedFile[]; formats: Record<string, string> }
  | { kind: "zip"; topic: string | undefined; zip: UploadedFile };

/**
 * Reads the multipart body of an upload as it streams and checks each part's type. Each chunk is
 * counted by `readMultipartChunks` (a flood of tiny parts is refused before it is parsed), split into
 * parts, and each file is hashed as its chunks arrive; no step holds the event loop for the whole body.
 */
export async function readUpload(request: Request, limits: UploadLimits): Promise<Upload> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    throw new HttpError(
      415,
      "Send the upload as multipart/form-data (curl -F topic=1.2 -F candidate=@candidate.csv …).",
    );
  }
  const collector = createPartCollector();
  const parser = createMultipartParser(multipartBoundary(type), collector.handlers);
  try {
    await readMultipartChunks(request, limits, (chunk) => parser.push(chunk));
    parser.finish();
  } catch (error) {
    if (!(error instanceof MalformedMultipartError)) throw error;
    throw new HttpError(
      400,
      "The multipart body could not be read; send it again with curl -F or a browser form.",
    );
  }
  return sortFields(collector.parts);
}

// --- internal ---

const ROLES: ReadonlySet<string> = new Set(EVIDENCE_ROLES);
const TEXT_TYPES =
  /^(text\/.*|application\/(json|x-ndjson|jsonl|x-jsonlines|octet-stream|vnd\.ms-excel|csv))$/;
const ZIP_TYPES = /^(application\/(zip|x-zip|x-zip-compressed|octet-stream)|multipart\/x-zip)$/;

/** One part as received: its headers, its data in the chunks it came in, and (a file's) running hash. */
interface ReceivedPart {
  headers: PartHeaders;
  chunks: Uint8Array[];
  size: number;
  hash: Hash | undefined;
}

function createPartCollector() {
  const parts: ReceivedPart[] = [];
  let current: ReceivedPart | undefined;
  return {
    parts,
    handlers: {
      part(headers: PartHeaders) {
        const hash = headers.filename === undefined ? undefined : createHash("sha256");
        current = { headers, chunks: [], size: 0, hash };
        parts.push(current);
      },
      data(chunk: Uint8Array) {
        if (current === undefined) return;
        current.chunks.push(chunk);
        current.size += chunk.length;
        current.hash?.update(chunk);
      },
      end() {
        current = undefined;
      },
    },
  };
}

async function sortFields(parts: readonly ReceivedPart[]): Promise<Upload> {
  const seen = new Set<string>();
  let topic: string | undefined;
  let zip: UploadedFile | undefined;
  const files: UploadedFile[] = [];
  const formats: Record<string, string> = {};
  const pause = createLoopSlicer();
  for (const part of parts) {
    const { name: field, filename } = part.headers;
    if (filename === "" && part.size === 0) continue; // an empty file input
    if (seen.has(field)) throw new HttpError(400, `The field "${field}" appears twice; send each role once.`);
    seen.add(field);
    const text = filename === undefined ? textOf(part) : undefined;
    if (field === "topic" && text !== undefined) topic = text.trim();
    else if (field.startsWith("format.") && text !== undefined) formats[field.slice(7)] = text.trim();
    else if (text !== undefined) throw unexpected(field);
    else if (field === "submission") zip = zipFile(part, await fileOf(part, pause));
    else if (ROLES.has(field)) files.push(evidenceFile(part, await fileOf(part, pause)));
    else throw unexpected(field);
  }
  if (zip !== undefined && files.length > 0) {
    throw new HttpError(400, "Send either one zipped submission or evidence files by role, not both.");
  }
  if (zip !== undefined) return { kind: "zip", topic, zip };
  if (files.length === 0) {
    throw new HttpError(
      400,
      "The upload holds no file; add one field per evidence role (candidate, baseline, …) or a zip in the field `submission`.",
    );
  }
  return { kind: "files", topic, files, formats };
}

function textOf(part: ReceivedPart): string {
  return Buffer.concat(part.chunks).toString("utf8");
}

async function fileOf(part: ReceivedPart, pause: () => Promise<void>): Promise<UploadedFile> {
  const { name: field, filename = "" } = part.headers;
  return {
    field,
    name: filename,
    bytes: await joinChunks(part.chunks, part.size, pause),
    sha256: part.hash?.digest("hex") ?? "",
  };
}

function mediaType(part: ReceivedPart): string {
  return part.headers.type.split(";")[0]?.trim().toLowerCase() ?? "";
}

function evidenceFile(part: ReceivedPart, file: UploadedFile): UploadedFile {
  const type = mediaType(part);
  const named = { ...file, name: safeName(file.name, file.field) };
  // gzip/zstd evidence is stored as submitted (its SHA-256 is of those bytes) and inflated by the job.
  if (detectCompression(file.bytes) !== undefined) return named;
  if ((type !== "" && !TEXT_TYPES.test(type)) || file.bytes.subarray(0, 8192).includes(0)) {
    throw new HttpError(
      415,
      `${file.field}: "${file.name}" (${type || "binary"}) is not a result file; upload the tool's CSV, JSON, JSONL or log as text, or gzip/zstd-compressed (a zip goes in the field \`submission\`).`,
    );
  }
  return named;
}

function zipFile(part: ReceivedPart, file: UploadedFile): UploadedFile {
  const type = mediaType(part);
  const { bytes } = file;
  const magic = bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
  if ((type !== "" && !ZIP_TYPES.test(type)) || !magic) {
    throw new HttpError(
      415,
      `submission: "${file.name}" is not a zip file; zip claimcheck.yaml with its evidence files (zip -r submission.zip .).`,
    );
  }
  return { ...file, name: safeName(file.name, "submission.zip") };
}

/** The base name a browser or curl sent, without folders, for display in reports. */
function safeName(name: string, fallback: string): string {
  const base = name.split(/[\\/]/).pop()?.trim() ?? "";
  return base === "" || base === "." || base === ".." ? fallback : base;
}

function unexpected(field: string): HttpError {
  return new HttpError(
    400,
    `Unexpected field "${field}"; send \`topic\`, one file per evidence role (${EVIDENCE_ROLES.join(", ")}), \`format.<role>\`, or \`submission\` (a zip).`,
  );
}
