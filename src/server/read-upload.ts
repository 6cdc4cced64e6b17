import { EVIDENCE_ROLES } from "../model/evidence.ts";
import { detectCompression } from "../read/decompress-evidence.ts";
import { HttpError } from "./http-error.ts";
import type { UploadLimits } from "./limits.ts";
import { readMultipartBody } from "./multipart-guard.ts";

/** One uploaded file field. */
export interface UploadedFile {
  field: string;
  name: string;
  bytes: Uint8Array;
}

/** What a `POST /api/submissions` carries: evidence files by role, or one zipped submission. */
export type Upload =
  | { kind: "files"; topic: string | undefined; files: UploadedFile[]; formats: Record<string, string> }
  | { kind: "zip"; topic: string | undefined; zip: UploadedFile };

/**
 * Reads the multipart body of an upload and checks each part's type. The body is first read by
 * `readMultipartBody`, which counts parts and bytes as they arrive, so a flood of tiny parts is refused
 * before the multipart parser (which holds every part in memory) sees any of it.
 */
export async function readUpload(request: Request, limits: UploadLimits): Promise<Upload> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    throw new HttpError(
      415,
      "Send the upload as multipart/form-data (curl -F topic=1.2 -F candidate=@candidate.csv …).",
    );
  }
  const body = await readMultipartBody(request, limits);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": type } }).formData();
  } catch {
    throw new HttpError(
      400,
      "The multipart body could not be read; send it again with curl -F or a browser form.",
    );
  }
  return sortFields(form);
}

// --- internal ---

const ROLES: ReadonlySet<string> = new Set(EVIDENCE_ROLES);
const TEXT_TYPES =
  /^(text\/.*|application\/(json|x-ndjson|jsonl|x-jsonlines|octet-stream|vnd\.ms-excel|csv))$/;
const ZIP_TYPES = /^(application\/(zip|x-zip|x-zip-compressed|octet-stream)|multipart\/x-zip)$/;

async function sortFields(form: FormData): Promise<Upload> {
  const seen = new Set<string>();
  let topic: string | undefined;
  let zip: UploadedFile | undefined;
  const files: UploadedFile[] = [];
  const formats: Record<string, string> = {};
  for (const [field, value] of form.entries()) {
    if (typeof value !== "string" && value.name === "" && value.size === 0) continue; // an empty file input
    if (seen.has(field)) throw new HttpError(400, `The field "${field}" appears twice; send each role once.`);
    seen.add(field);
    if (field === "topic" && typeof value === "string") topic = value.trim();
    else if (field.startsWith("format.") && typeof value === "string") formats[field.slice(7)] = value.trim();
    else if (typeof value === "string") throw unexpected(field);
    else if (field === "submission") zip = await zipFile(value);
    else if (ROLES.has(field)) files.push(await evidenceFile(field, value));
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

async function evidenceFile(field: string, file: File): Promise<UploadedFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = file.type.split(";")[0]?.trim().toLowerCase() ?? "";
  // gzip/zstd evidence is stored as submitted (its SHA-256 is of those bytes) and inflated by the job.
  if (detectCompression(bytes) !== undefined) return { field, name: safeName(file.name, field), bytes };
  if ((type !== "" && !TEXT_TYPES.test(type)) || bytes.subarray(0, 8192).includes(0)) {
    throw new HttpError(
      415,
      `${field}: "${file.name}" (${type || "binary"}) is not a result file; upload the tool's CSV, JSON, JSONL or log as text, or gzip/zstd-compressed (a zip goes in the field \`submission\`).`,
    );
  }
  return { field, name: safeName(file.name, field), bytes };
}

async function zipFile(file: File): Promise<UploadedFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = file.type.split(";")[0]?.trim().toLowerCase() ?? "";
  const magic = bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
  if ((type !== "" && !ZIP_TYPES.test(type)) || !magic) {
    throw new HttpError(
      415,
      `submission: "${file.name}" is not a zip file; zip claimcheck.yaml with its evidence files (zip -r submission.zip .).`,
    );
  }
  return { field: "submission", name: safeName(file.name, "submission.zip"), bytes };
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
