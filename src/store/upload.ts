import { readFile } from "node:fs/promises";
import type { Finding } from "../model/finding.ts";
import type { Report } from "../model/report.ts";
import type { StoredInput } from "./store.ts";

/** Where an upload is on its way to a verdict. */
export type UploadStatus = "queued" | "running" | "done" | "failed";

/** What the server hands the store for an accepted upload, before anything was verified. */
export interface NewUpload {
  topic: string;
  team: string;
  /** ISO 8601 time the upload was accepted. */
  createdAt: string;
  mode: "manifest" | "quick";
  /** The manifest (manifest mode) first, then the evidence files; deduplicated by SHA-256 when stored. */
  inputs: IncomingInput[];
}

/**
 * An input as the server received it: its bytes, or (a large file) the file in the store's `spoolDir`
 * they were written and flushed to while they streamed in. The store moves or copies a spooled file;
 * removing what is left afterwards is the caller's.
 */
export type IncomingInput = StoredInput | SpooledInput;

export type SpooledInput = Omit<StoredInput, "bytes"> & { spooled: { path: string; size: number } };

/** The bytes of an incoming input, read back from its spool file (on libuv's thread pool) when spooled. */
export async function incomingBytes(input: IncomingInput): Promise<Uint8Array> {
  if (!("spooled" in input)) return input.bytes;
  const bytes = await readFile(input.spooled.path);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The size of an incoming input's bytes. */
export function incomingSize(input: IncomingInput): number {
  return "spooled" in input ? input.spooled.size : input.bytes.length;
}

/** Why an upload ended without a verdict, as the team sees it. */
export interface UploadError {
  message: string;
  /** The error findings of evidence that could not be judged (file, line, column). */
  findings: Finding[];
  /** A bug rather than the team's input (logged with its stack; a 500 for a waiting client). */
  internal?: true;
}

/** An upload's state, as the status endpoint shows it. */
export interface UploadRecord {
  id: string;
  topic: string;
  team: string;
  createdAt: string;
  status: UploadStatus;
  /** How many times verification started; more than one means a worker died and the job was retried. */
  attempts: number;
  /** ISO 8601 time it reached `done` or `failed`. */
  finishedAt?: string;
  /** Set when `failed`. */
  error?: UploadError;
  /** The report of a `failed` upload whose evidence was judged invalid (its findings say why). */
  report?: Report;
}

/** What a worker needs to verify an upload: everything stored, bytes included. */
export interface UploadWork {
  id: string;
  topic: string;
  team: string;
  createdAt: string;
  mode: "manifest" | "quick";
  attempts: number;
  inputs: StoredInput[];
}

/**
 * How a verification ended: a verdict (`done`, the submission is stored), evidence that could not be
 * judged (`rejected`, like a 422), or an error that would happen again on a retry (`error`).
 */
export type UploadOutcome =
  | { kind: "verified"; report: Report }
  | { kind: "rejected"; report: Report; error: UploadError }
  | { kind: "error"; error: UploadError };
