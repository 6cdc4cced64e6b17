import { HttpError } from "./http-error.ts";
import { formatBytes, type UploadLimits } from "./limits.ts";

/**
 * Reads a multipart body while counting its bytes and its boundary delimiters, and stops at the first
 * chunk that passes `maxUploadBytes` or `maxParts`: a 64 MiB body of a million empty parts is refused
 * after its first few kilobytes instead of being parsed whole (undici's parser holds every part).
 */
export async function readMultipartBody(
  request: Request,
  limits: Pick<UploadLimits, "maxParts" | "maxUploadBytes">,
): Promise<Uint8Array> {
  const boundary = boundaryOf(request.headers.get("content-type") ?? "");
  const reader = request.body?.getReader();
  if (reader === undefined) return new Uint8Array();
  const counter = delimiterCounter(boundary);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    // Every part starts with a delimiter and the body ends with one more: parts = delimiters - 1.
    const parts = counter(value) - 1;
    if (size > limits.maxUploadBytes || parts > limits.maxParts) {
      await reader.cancel().catch(() => {});
      throw size > limits.maxUploadBytes ? tooLarge(limits.maxUploadBytes) : tooManyParts(limits.maxParts);
    }
    chunks.push(value);
  }
  return concat(chunks, size);
}

// --- internal ---

function boundaryOf(contentType: string): string {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^;\s"]{1,70}))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (boundary === undefined) {
    throw new HttpError(400, "The multipart body has no boundary; send it with curl -F or a browser form.");
  }
  return boundary;
}

/**
 * Counts `--boundary` across chunk edges: each call scans the new chunk with the previous chunk's last
 * bytes in front (fewer than the delimiter, so no delimiter is counted twice) and returns the running total.
 */
function delimiterCounter(boundary: string): (chunk: Uint8Array) => number {
  const delimiter = Buffer.from(`--${boundary}`, "latin1");
  let tail = Buffer.alloc(0);
  let count = 0;
  return (chunk) => {
    const window = Buffer.concat([tail, chunk]);
    for (let at = window.indexOf(delimiter); at >= 0; at = window.indexOf(delimiter, at + delimiter.length)) {
      count++;
    }
    tail = window.subarray(Math.max(0, window.length - delimiter.length + 1));
    return count;
  };
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

function tooLarge(max: number): HttpError {
  return new HttpError(413, `The upload is larger than ${formatBytes(max)}; submit smaller files.`);
}

function tooManyParts(max: number): HttpError {
  return new HttpError(
    413,
    `The upload has more than ${max} multipart parts; send the topic, one file per evidence role and its format, or one zipped submission.`,
  );
}
