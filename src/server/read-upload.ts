import { createHash, type Hash } from "node:crypto";
import { EVIDENCE_ROLES } from "../model/evidence.ts";
import { detectCompression } from "../read/decompress-evidence.ts";
import { FILE_INPUT_BYTES } from "../store/input-files.ts";
import { HttpError } from "./http-error.ts";
import type { UploadLimits } from "./limits.ts";
import { multipartBoundary, readMultipartChunks } from "./multipart-guard.ts";
import { createMultipartParser, MalformedMultipartError, type PartHeaders } from "./multipart-parser.ts";
import {
  contentBytes,
  createPartSpool,
  discardContent,
  type PartContent,
  type PartSpool,
} from "./part-spool.ts";

/** One uploaded file field, with the SHA-256 of its bytes (hashed while they arrived). */
export interface UploadedFile {
  field: string;
  name: string;
  bytes: Uint8Array;
  sha256: string;
}

/** An evidence file as received: in memory when small, else spooled to a flushed file. */
export interface ReceivedFile {
  field: string;
  name: string;
  sha256: string;
  content: PartContent;
}

/** What a `POST /api/submissions` carries: evidence files by role, or one zipped submission. */
export type Upload =
  | { kind: "files"; topic: string | undefined; files: ReceivedFile[]; formats: Record<string, string> }
  | { kind: "zip"; topic: string | undefined; zip: UploadedFile };

/**
 * Reads the multipart body of an upload as it streams and checks each part's type. Each chunk is
 * counted by `readMultipartChunks` (a flood of tiny parts is refused before it is parsed), split into
 * parts, and each file is hashed as its chunks arrive and, past FILE_INPUT_BYTES, written to a file in
 * `spoolDir` (the store moves it into place); no step holds the event loop for the whole body, and
 * the reader waits for the disk rather than buffering the body. A refused upload leaves no file; an
 * accepted one's files are the caller's to hand to the store and then `discardUpload`.
 */
export async function readUpload(request: Request, limits: UploadLimits, spoolDir: string): Promise<Upload> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    throw new HttpError(
      415,
      "Send the upload as multipart/form-data (curl -F topic=1.2 -F candidate=@candidate.csv …).",
    );
  }
  const collector = createPartCollector(spoolDir);
  const parser = createMultipartParser(multipartBoundary(type), collector.handlers);
  try {
    await readMultipartChunks(request, limits, async (chunk) => {
      parser.push(chunk);
      await collector.settle();
    });
    parser.finish();
    return await sortFields(await collector.ended());
  } catch (error) {
    await collector.discard();
    if (!(error instanceof MalformedMultipartError)) throw error;
    throw new HttpError(
      400,
      "The multipart body could not be read; send it again with curl -F or a browser form.",
    );
  }
}

/** Removes the files an accepted upload was spooled to (the store has moved or copied them by now). */
export async function discardUpload(upload: Upload): Promise<void> {
  if (upload.kind === "zip") return;
  for (const file of upload.files) await discardContent(file.content);
}

// --- internal ---

const ROLES: ReadonlySet<string> = new Set(EVIDENCE_ROLES);
const TEXT_TYPES =
  /^(text\/.*|application\/(json|x-ndjson|jsonl|x-jsonlines|octet-stream|vnd\.ms-excel|csv))$/;
const ZIP_TYPES = /^(application\/(zip|x-zip|x-zip-compressed|octet-stream)|multipart\/x-zip)$/;

/** Bytes a part may have waiting for the disk before the body is read further. */
const HIGH_WATER_BYTES = 8 * 1024 * 1024;
/** Bytes kept from a file's start to tell its type (compression magic, text or binary). */
const HEAD_BYTES = 8192;

/** One part as received: its headers, where its bytes go, its first bytes and (a file's) running hash. */
interface ReceivedPart {
  headers: PartHeaders;
  spool: PartSpool;
  size: number;
  head: Uint8Array[];
  hash: Hash | undefined;
}

/** A part with its bytes all received: in memory, or written and flushed. */
interface EndedPart extends Omit<ReceivedPart, "spool" | "head"> {
  content: PartContent;
  head: Uint8Array;
}

function createPartCollector(spoolDir: string) {
  const parts: ReceivedPart[] = [];
  let current: ReceivedPart | undefined;
  return {
    handlers: {
      part(headers: PartHeaders) {
        const file = headers.filename !== undefined;
        // A form field (topic, format) stays in memory; a file past FILE_INPUT_BYTES goes to disk.
        const spool = createPartSpool(spoolDir, file ? FILE_INPUT_BYTES : Number.POSITIVE_INFINITY);
        current = { headers, spool, size: 0, head: [], hash: file ? createHash("sha256") : undefined };
        parts.push(current);
      },
      data(chunk: Uint8Array) {
        if (current === undefined) return;
        if (current.size < HEAD_BYTES) current.head.push(chunk.subarray(0, HEAD_BYTES - current.size));
        current.spool.write(chunk);
        current.size += chunk.length;
        current.hash?.update(chunk);
      },
      end() {
        current = undefined;
      },
    },
    /** Waits for the disk when a part has more than HIGH_WATER_BYTES still to write. */
    async settle() {
      for (const part of parts) if (part.spool.pending > HIGH_WATER_BYTES) await part.spool.settle();
    },
    async ended(): Promise<EndedPart[]> {
      const ended: EndedPart[] = [];
      for (const { spool, head, ...part } of parts) {
        ended.push({ ...part, head: Buffer.concat(head), content: await spool.end() });
      }
      return ended;
    },
    async discard() {
      for (const part of parts) await part.spool.discard();
    },
  };
}

async function sortFields(parts: readonly EndedPart[]): Promise<Upload> {
  const seen = new Set<string>();
  let topic: string | undefined;
  let zip: UploadedFile | undefined;
  const files: ReceivedFile[] = [];
  const formats: Record<string, string> = {};
  for (const part of parts) {
    const { name: field, filename } = part.headers;
    if (filename === "" && part.size === 0) continue; // an empty file input
    if (seen.has(field)) throw new HttpError(400, `The field "${field}" appears twice; send each role once.`);
    seen.add(field);
    const text = filename === undefined ? textOf(part) : undefined;
    if (field === "topic" && text !== undefined) topic = text.trim();
    else if (field.startsWith("format.") && text !== undefined) formats[field.slice(7)] = text.trim();
    else if (text !== undefined) throw unexpected(field);
    else if (field === "submission") zip = await zipFile(part);
    else if (ROLES.has(field)) files.push(evidenceFile(part));
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

/** A form field's value; a field is never spooled (its spool keeps everything in memory). */
function textOf(part: EndedPart): string {
  return "bytes" in part.content ? Buffer.from(part.content.bytes).toString("utf8") : "";
}

function mediaType(part: EndedPart): string {
  return part.headers.type.split(";")[0]?.trim().toLowerCase() ?? "";
}

function evidenceFile(part: EndedPart): ReceivedFile {
  const { name: field, filename = "" } = part.headers;
  const file = { field, name: safeName(filename, field), sha256: hexOf(part), content: part.content };
  // gzip/zstd evidence is stored as submitted (its SHA-256 is of those bytes) and inflated by the job.
  if (detectCompression(part.head) !== undefined) return file;
  const type = mediaType(part);
  if ((type !== "" && !TEXT_TYPES.test(type)) || part.head.includes(0)) {
    throw new HttpError(
      415,
      `${field}: "${filename}" (${type || "binary"}) is not a result file; upload the tool's CSV, JSON, JSONL or log as text, or gzip/zstd-compressed (a zip goes in the field \`submission\`).`,
    );
  }
  return file;
}

/** A zipped submission, read back into memory: the request path inflates it to read its manifest. */
async function zipFile(part: EndedPart): Promise<UploadedFile> {
  const { filename = "" } = part.headers;
  const type = mediaType(part);
  const { head } = part;
  const magic = head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5);
  if ((type !== "" && !ZIP_TYPES.test(type)) || !magic) {
    throw new HttpError(
      415,
      `submission: "${filename}" is not a zip file; zip claimcheck.yaml with its evidence files (zip -r submission.zip .).`,
    );
  }
  const bytes = await contentBytes(part.content);
  await discardContent(part.content);
  return { field: "submission", name: safeName(filename, "submission.zip"), bytes, sha256: hexOf(part) };
}

function hexOf(part: EndedPart): string {
  return part.hash?.digest("hex") ?? "";
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
