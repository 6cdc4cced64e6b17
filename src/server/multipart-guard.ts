import { HttpError } from "./http-error.ts";
import { formatBytes, type UploadLimits } from "./limits.ts";

/**
 * Reads a multipart body chunk by chunk while counting its bytes and its boundary delimiters, hands
 * each chunk to `take`, and stops at the first chunk that passes `maxUploadBytes` or `maxParts`: a
 * 64 MiB body of a million empty parts is refused after its first few kilobytes, before `take` has
 * seen the chunk that crossed the limit. The body is never held here; the event loop is free between
 * chunks, and the next chunk is read once `take` has settled (so a slow disk slows the reading).
 */
export async function readMultipartChunks(
  request: Request,
  limits: Pick<UploadLimits, "maxParts" | "maxUploadBytes">,
  take: (chunk: Uint8Array) => void | Promise<void>,
): Promise<void> {
  const boundary = multipartBoundary(request.headers.get("content-type") ?? "");
  const reader = request.body?.getReader();
  if (reader === undefined) return;
  const counter = delimiterCounter(boundary);
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    // Every part starts with a delimiter and the body ends with one more: parts = delimiters - 1.
    const parts = counter(value) - 1;
    try {
      if (size > limits.maxUploadBytes) throw tooLarge(limits.maxUploadBytes);
      if (parts > limits.maxParts) throw tooManyParts(limits.maxParts);
      await take(value);
    } catch (error) {
      await reader.cancel().catch(() => {});
      throw error;
    }
  }
}

/** The boundary of a multipart/form-data content type, or a 400 when it has none. */
export function multipartBoundary(contentType: string): string {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^;\s"]{1,70}))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (boundary === undefined) {
    throw new HttpError(400, "The multipart body has no boundary; send it with curl -F or a browser form.");
  }
  return boundary;
}

// --- internal ---

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

function tooLarge(max: number): HttpError {
  return new HttpError(413, `The upload is larger than ${formatBytes(max)}; submit smaller files.`);
}

function tooManyParts(max: number): HttpError {
  return new HttpError(
    413,
    `The upload has more than ${max} multipart parts; send the topic, one file per evidence role and its format, or one zipped submission.`,
  );
}
