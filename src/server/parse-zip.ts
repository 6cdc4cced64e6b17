import { createHash } from "node:crypto";
import { Inflate } from "fflate";
import { HttpError } from "./http-error.ts";
import { formatBytes, type UploadLimits } from "./limits.ts";
import { createLoopSlicer, joinChunks, sha256InSlices } from "./loop-slices.ts";

/** One file of a zipped submission: its bytes and their SHA-256. */
export interface ZipEntry {
  bytes: Uint8Array;
  sha256: string;
}

/** The files of a zipped submission, by path inside the zip (always `/`-separated and relative). */
export type ZipEntries = Map<string, ZipEntry>;

/**
 * Reads a zip from its central directory, checking the entry count and every path before inflating
 * anything, and the inflated size while inflating (a zip bomb stops at the limit, not at the end).
 * Inflating and hashing run in slices of a few milliseconds, so a 60 MiB zip does not hold the event
 * loop (the server answers other requests between slices).
 */
export async function parseZip(
  bytes: Uint8Array,
  limits: Pick<UploadLimits, "maxZipEntries" | "maxUnzippedBytes">,
): Promise<ZipEntries> {
  try {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const directory = readDirectory(view, limits.maxZipEntries);
    const entries: ZipEntries = new Map();
    const budget = { left: limits.maxUnzippedBytes, limit: limits.maxUnzippedBytes };
    const pause = createLoopSlicer();
    for (const entry of directory) {
      if (entry.name.endsWith("/")) continue;
      entries.set(entry.name, await inflateEntry(bytes, view, entry, { budget, pause }));
    }
    return entries;
  } catch (error) {
    // Offsets and lengths come from the upload: one that points past the end is a damaged zip, not a bug.
    if (error instanceof RangeError) throw corrupt();
    throw error;
  }
}

// --- internal ---

interface DirectoryEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const CHUNK = 64 * 1024;

function readDirectory(view: DataView, maxEntries: number): DirectoryEntry[] {
  const end = findEndOfDirectory(view);
  const count = view.getUint16(end + 10, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) {
    throw new HttpError(
      400,
      "The zip uses the ZIP64 format, which is not accepted; zip fewer, smaller files.",
    );
  }
  if (count > maxEntries) {
    throw new HttpError(
      400,
      `The zip has ${count} entries; at most ${maxEntries} are accepted. Zip only the manifest and the evidence files.`,
    );
  }
  const entries: DirectoryEntry[] = [];
  const seen = new Set<string>();
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL) throw corrupt();
    const nameLength = view.getUint16(at + 28, true);
    if (at + 46 + nameLength > view.byteLength) throw corrupt();
    const name = new TextDecoder().decode(new Uint8Array(view.buffer, view.byteOffset + at + 46, nameLength));
    checkEntryName(name, seen);
    entries.push({
      name,
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

function findEndOfDirectory(view: DataView): number {
  // The end record is 22 bytes plus a comment of up to 65,535 bytes, so it starts in the last 65,557.
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 65_557); at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  throw corrupt();
}

function checkEntryName(name: string, seen: Set<string>): void {
  const unsafe =
    name === "" ||
    name.includes("\\") ||
    name.startsWith("/") ||
    /^[A-Za-z]:/.test(name) ||
    name.split("/").includes("..") ||
    [...name].some((c) => c.charCodeAt(0) < 0x20);
  if (unsafe) {
    throw new HttpError(
      400,
      `The zip entry "${name}" has an unsafe path (absolute, "..", a backslash or a control character); zip the files with relative paths.`,
    );
  }
  if (seen.has(name)) throw new HttpError(400, `The zip holds "${name}" twice; keep one copy.`);
  seen.add(name);
}

/** The unzipped-size budget left, and the pause between slices of work. */
interface InflateContext {
  budget: { left: number; limit: number };
  pause: () => Promise<void>;
}

async function inflateEntry(
  bytes: Uint8Array,
  view: DataView,
  entry: DirectoryEntry,
  context: InflateContext,
): Promise<ZipEntry> {
  if (entry.flags & 1)
    throw new HttpError(400, `The zip entry "${entry.name}" is encrypted; zip it without a password.`);
  const at = entry.localOffset;
  if (at + 30 > view.byteLength || view.getUint32(at, true) !== LOCAL) throw corrupt();
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw corrupt();
  const out =
    entry.method === 0
      ? await take(data, entry, context)
      : entry.method === 8
        ? await inflate(data, entry, context)
        : undefined;
  if (out === undefined) {
    throw new HttpError(
      400,
      `The zip entry "${entry.name}" uses compression method ${entry.method}; zip it with the standard deflate method.`,
    );
  }
  if (out.bytes.length !== entry.size) throw corrupt(entry.name);
  return out;
}

/** A stored (uncompressed) entry: a view into the zip's bytes, hashed in slices. */
async function take(data: Uint8Array, entry: DirectoryEntry, context: InflateContext): Promise<ZipEntry> {
  spend(context.budget, data.length, entry.name);
  return { bytes: data, sha256: await sha256InSlices(data, context.pause) };
}

async function inflate(data: Uint8Array, entry: DirectoryEntry, context: InflateContext): Promise<ZipEntry> {
  const chunks: Uint8Array[] = [];
  const hash = createHash("sha256");
  let length = 0;
  const inflater = new Inflate((chunk) => {
    spend(context.budget, chunk.length, entry.name);
    chunks.push(chunk);
    hash.update(chunk);
    length += chunk.length;
  });
  try {
    for (let at = 0; at < data.length; at += CHUNK) {
      inflater.push(data.subarray(at, at + CHUNK), at + CHUNK >= data.length);
      await context.pause();
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    throw error instanceof HttpError ? error : corrupt(entry.name);
  }
  return { bytes: await joinChunks(chunks, length, context.pause), sha256: hash.digest("hex") };
}

function spend(budget: { left: number; limit: number }, bytes: number, name: string): void {
  budget.left -= bytes;
  if (budget.left < 0) {
    throw new HttpError(
      413,
      `The zip inflates to more than ${formatBytes(budget.limit)} (stopped while inflating "${name}"); submit smaller files.`,
    );
  }
}

function corrupt(name?: string): HttpError {
  return new HttpError(
    400,
    name === undefined
      ? "The submission is not a readable zip file; create it again with `zip -r submission.zip .`."
      : `The zip entry "${name}" is damaged; create the zip again.`,
  );
}
