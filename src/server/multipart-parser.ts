/** The headers of one part of a multipart/form-data body that the upload reads. */
export interface PartHeaders {
  name: string;
  /** Set for a file field; `""` for a file input left empty. */
  filename?: string;
  /** The declared media type, `""` when the part has none. */
  type: string;
}

/** Where the parser sends what it finds, in body order: a part's headers, its data, its end. */
export interface PartHandlers {
  part(headers: PartHeaders): void;
  data(chunk: Uint8Array): void;
  end(): void;
}

export interface MultipartParser {
  /** Parses the next chunk of the body; throws `MalformedMultipartError` on a body that breaks the syntax. */
  push(chunk: Uint8Array): void;
  /** Checks that the body ended with its closing delimiter. */
  finish(): void;
}

/** The body is not multipart/form-data as RFC 7578 writes it. */
export class MalformedMultipartError extends Error {
  override readonly name = "MalformedMultipartError";
}

/**
 * Splits a multipart/form-data body into parts as its chunks arrive, so a 64 MiB file is hashed and
 * kept chunk by chunk instead of being parsed in one step at the end. Between chunks it holds at most
 * one delimiter's length of a part's data (or one part's headers, capped at 16 KiB).
 */
export function createMultipartParser(boundary: string, handlers: PartHandlers): MultipartParser {
  const delimiter = Buffer.from(`\r\n--${boundary}`, "latin1");
  // The first delimiter may open the body without a line break before it; one in front makes it like the rest.
  let pending: Buffer = Buffer.from("\r\n", "latin1");
  let state: State = "preamble";
  const step = (): boolean => {
    if (state === "preamble") {
      const at = pending.indexOf(delimiter);
      if (at < 0) {
        pending = pending.subarray(Math.max(0, pending.length - delimiter.length + 1));
        return false;
      }
      pending = pending.subarray(at + delimiter.length);
      state = "delimiter";
      return true;
    }
    if (state === "delimiter") {
      if (pending.length < 2) return false;
      const next = pending.toString("latin1", 0, 2);
      if (next === "--") state = "done";
      else if (next === "\r\n") state = "headers";
      else throw new MalformedMultipartError("a delimiter is followed by neither CRLF nor --");
      pending = pending.subarray(2);
      return state !== "done";
    }
    if (state === "headers") {
      const end = pending.subarray(0, 2).equals(CRLF) ? 0 : pending.indexOf(HEADERS_END);
      if (end < 0) {
        if (pending.length > MAX_HEADER_BYTES) throw new MalformedMultipartError("part headers too long");
        return false;
      }
      handlers.part(parsePartHeaders(pending.toString("utf8", 0, end)));
      pending = pending.subarray(end === 0 ? 2 : end + HEADERS_END.length);
      state = "body";
      return true;
    }
    if (state === "body") {
      const at = pending.indexOf(delimiter);
      // Without a whole delimiter, the last bytes may be the start of one: keep them for the next chunk.
      const emit = at < 0 ? Math.max(0, pending.length - delimiter.length + 1) : at;
      if (emit > 0) handlers.data(pending.subarray(0, emit));
      if (at < 0) {
        pending = pending.subarray(emit);
        return false;
      }
      handlers.end();
      pending = pending.subarray(at + delimiter.length);
      state = "delimiter";
      return true;
    }
    pending = EMPTY; // the epilogue after the closing delimiter is ignored
    return false;
  };
  return {
    push(chunk) {
      const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      pending = pending.length === 0 ? bytes : Buffer.concat([pending, bytes]);
      while (step()) {}
    },
    finish() {
      if (state !== "done") throw new MalformedMultipartError("the body ends before its closing delimiter");
    },
  };
}

/** The name, file name and media type of a part, from its header block (lines without the final CRLF CRLF). */
export function parsePartHeaders(block: string): PartHeaders {
  let disposition: string | undefined;
  let type = "";
  for (const line of block.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === "content-disposition") disposition = value;
    else if (key === "content-type") type = value;
  }
  if (disposition === undefined || !/^form-data\s*(;|$)/i.test(disposition)) {
    throw new MalformedMultipartError("a part without Content-Disposition: form-data");
  }
  const params = dispositionParams(disposition);
  const name = params.get("name");
  if (name === undefined) throw new MalformedMultipartError("a part without a name");
  const filename = params.get("filename");
  return filename === undefined ? { name, type } : { name, filename, type };
}

// --- internal ---

type State = "preamble" | "delimiter" | "headers" | "body" | "done";

const CRLF = Buffer.from("\r\n", "latin1");
const HEADERS_END = Buffer.from("\r\n\r\n", "latin1");
const EMPTY = Buffer.alloc(0);
/** Browsers and curl write two or three header lines; 16 KiB leaves room for long file names. */
const MAX_HEADER_BYTES = 16 * 1024;

/** `name="a"; filename="b.csv"` → name and filename; a quoted value keeps its bytes as sent (browsers escape `"` as %22). */
function dispositionParams(disposition: string): Map<string, string> {
  const params = new Map<string, string>();
  const pattern = /;\s*([^\s=;]+)\s*=\s*(?:"([^"]*)"|([^;]*))/g;
  for (const match of disposition.matchAll(pattern)) {
    const key = (match[1] as string).toLowerCase();
    if (!params.has(key)) params.set(key, match[2] ?? (match[3] ?? "").trim());
  }
  return params;
}
