import { ClaimcheckError } from "../../model/errors.ts";

const UTF8 = new TextDecoder("utf-8", { fatal: true });
const HEAD_BYTES = 64 * 1024;

/** Decodes a whole file as UTF-8, dropping a BOM; a file in another encoding is an input error. */
export function decodeText(path: string, bytes: Uint8Array): string {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    // A NUL byte never occurs in a tool's text output; it means a damaged copy or a binary file.
    throw new ClaimcheckError(
      "E_INPUT",
      `${path} holds a NUL byte (at byte ${nul}), so it is damaged or not a text file; copy the tool's output again.`,
    );
  }
  try {
    return stripBom(UTF8.decode(bytes));
  } catch (cause) {
    throw new ClaimcheckError(
      "E_INPUT",
      `${path} is not valid UTF-8 text (at byte ${firstInvalidByte(bytes)}). Save it as UTF-8 (e.g. \`iconv -f GBK -t UTF-8\`) and try again.`,
      { cause },
    );
  }
}

/** Decodes the first 64 KiB leniently, for format detection only. */
export function decodeHead(bytes: Uint8Array): string {
  const slice = bytes.subarray(0, HEAD_BYTES);
  return stripBom(new TextDecoder("utf-8", { fatal: false }).decode(slice));
}

/** Splits text into lines, accepting LF and CRLF; line i of the result is line i+1 of the file. */
export function splitLines(text: string): string[] {
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.endsWith("\r")) lines[i] = line.slice(0, -1);
  }
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

// --- internal ---

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function firstInvalidByte(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  // Binary search for the shortest prefix that fails to decode.
  while (low < high) {
    const mid = (low + high) >>> 1;
    try {
      // `stream: true` lets a prefix end inside a valid multi-byte character.
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, mid + 1), { stream: true });
      low = mid + 1;
    } catch {
      high = mid;
    }
  }
  return low;
}
