import type { Report, Verdict } from "../model/report.ts";
import type { NewUpload, UploadOutcome, UploadRecord, UploadWork } from "./upload.ts";

/** One input file of a submission: its role, the name it was uploaded under, and its content. */
export interface StoredInput {
  role: string;
  path: string;
  sha256: string;
  bytes: Uint8Array;
  /** The declared format id; absent when it was detected. */
  format?: string;
}

/** What the server hands the store for an accepted upload. */
export interface NewSubmission {
  topic: string;
  team: string;
  /** ISO 8601 time the upload was accepted. */
  createdAt: string;
  mode: "manifest" | "quick";
  /** The canonical report as `verifyFiles` returned it, before any waiver. */
  report: Report;
  inputs: StoredInput[];
}

/** One row of a submission list. `verdict` already counts the waivers. */
export interface SubmissionSummary {
  id: string;
  topic: string;
  team: string;
  createdAt: string;
  verdict: Verdict;
}

/** A requirement an officer waived, with the reason shown in every re-rendered report. */
export interface Waiver {
  requirement: string;
  reason: string;
  officer: string;
  createdAt: string;
}

/** An input file as listed with its submission (the bytes are read with `readInput`). */
export type InputRef = Omit<StoredInput, "bytes"> & { size: number };

export interface SubmissionRecord extends SubmissionSummary {
  mode: "manifest" | "quick";
  /** The report as verified; the waivers are applied when it is rendered. */
  report: Report;
  inputs: InputRef[];
  /** Oldest first; a later waiver of the same requirement replaces an earlier one. */
  waivers: Waiver[];
}

export type TokenGrant = { role: "team"; team: string } | { role: "officer"; name: string };

export type TokenRecord = TokenGrant & { createdAt: string };

/**
 * An officer's decision that a topic's results are public: which submissions (resolved when published,
 * so a later upload changes nothing until the next publication) and how much of them.
 */
export interface Publication {
  topic: string;
  /** `chosen`: each team's chosen submission; `latest`: each team's latest, at `deadline` when given. */
  select: "chosen" | "latest";
  /** ISO 8601; with `latest`, submissions accepted after it are not considered. */
  deadline?: string;
  /** Whole reports (file names, evidence, reasons, series) rather than verdicts and measured values only. */
  full: boolean;
  submissionIds: string[];
  officer: string;
  publishedAt: string;
}

/** The submission a team puts forward for a topic's publication. */
export interface Choice {
  topic: string;
  team: string;
  submissionId: string;
}

/**
 * The answer of `Store.takeQuota`: the upload start was counted, or refused (and not counted) with the
 * oldest start still in the window, from which the caller says when to try again.
 */
export type QuotaTake = { taken: true } | { taken: false; oldestStart: string };

export interface ListFilter {
  topic?: string;
  team?: string;
}

/**
 * Where the server keeps submissions, their inputs, waivers and tokens.
 * Every method that writes is atomic: after a crash a submission is there whole or not at all.
 */
export interface Store {
  /**
   * A folder for uploads being received (see `SpooledInput`): beside the store's own input files when
   * it keeps them as files, so a spooled file is moved into place, not copied.
   */
  readonly spoolDir: string;
  /** Stores a submission with all its inputs in one transaction; inputs are deduplicated by SHA-256. */
  saveSubmission(submission: NewSubmission): Promise<SubmissionSummary>;
  getSubmission(id: string): Promise<SubmissionRecord | undefined>;
  /** Submissions in the order they were accepted, oldest first. */
  listSubmissions(filter?: ListFilter): Promise<SubmissionSummary[]>;
  /** The bytes of a stored input, by SHA-256. */
  readInput(sha256: string): Promise<Uint8Array | undefined>;
  /** Records a waiver and the submission verdict that results from it; false when there is no such submission. */
  addWaiver(submissionId: string, waiver: Waiver, verdict: Verdict): Promise<boolean>;
  /** Creates a token and returns it; only its SHA-256 is stored, so this is the one time it is seen. */
  createToken(grant: TokenGrant, createdAt: string): Promise<string>;
  findToken(token: string): Promise<TokenRecord | undefined>;
  /** Records a topic's publication, replacing any earlier one of the same topic. */
  savePublication(publication: Publication): Promise<void>;
  getPublication(topic: string): Promise<Publication | undefined>;
  /** Makes a topic's results private again; false when it was not published. */
  deletePublication(topic: string): Promise<boolean>;
  /** Records the team's chosen submission for its topic, replacing an earlier choice; false for an unknown id. */
  saveChoice(submissionId: string): Promise<boolean>;
  /** Each team's chosen submission of a topic, in team order. */
  listChoices(topic: string): Promise<Choice[]>;
  /**
   * Counts an upload `team` starts at `at` if fewer than `limit` of its starts are later than `since`
   * (ISO 8601), atomically: every process sharing the store keeps one count, and of concurrent takes at
   * the limit only one passes. A refused start is not counted. Starts at or before `since` are deleted.
   */
  takeQuota(team: string, at: string, since: string, limit: number): Promise<QuotaTake>;
  /**
   * Opens a browser session for a valid token and returns its id (32 random bytes; only its SHA-256 is
   * stored); undefined when the token is unknown. Sessions expired by `createdAt` are deleted.
   */
  createSession(token: string, createdAt: string, expiresAt: string): Promise<string | undefined>;
  /** Who a session belongs to; undefined when it is unknown or expired at `at` (ISO 8601). */
  findSession(sessionId: string, at: string): Promise<TokenRecord | undefined>;
  deleteSession(sessionId: string): Promise<void>;
  /** Stores an upload and its inputs as `queued` in one transaction; its id is the future submission's. */
  saveUpload(upload: NewUpload, id: string): Promise<UploadRecord>;
  getUpload(id: string): Promise<UploadRecord | undefined>;
  /** Marks a queued or running upload `running` and counts the attempt; undefined once it has ended. */
  startUpload(id: string, startedAt: string): Promise<UploadWork | undefined>;
  /**
   * Ends an upload once: `verified` stores the submission (same id) in the same transaction. False when
   * it had already ended (another worker finished the same job first), and nothing changes.
   */
  finishUpload(id: string, outcome: UploadOutcome, finishedAt: string): Promise<boolean>;
  /** Ids of uploads not yet ended that were accepted before `before` (ISO 8601), oldest first. */
  listUnfinishedUploads(before: string): Promise<string[]>;
  close(): Promise<void>;
}
