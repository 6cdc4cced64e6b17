import type { Report, Verdict } from "../model/report.ts";
import type { Publication, SubmissionSummary, TokenRecord } from "./store.ts";
import type { UploadRecord, UploadStatus } from "./upload.ts";

/**
 * The rows both stores read, and how a row becomes a record: the SQLite and PostgreSQL schemas keep the
 * same columns, so one mapping serves both (the contract suite runs on each).
 */
export interface SubmissionRow {
  id: string;
  topic: string;
  team: string;
  created_at: string;
  mode: "manifest" | "quick";
  verdict: Verdict;
  report: string;
}

export interface TokenRow {
  role: "team" | "officer";
  team: string | null;
  name: string | null;
  created_at: string;
}

export interface UploadRow {
  id: string;
  topic: string;
  team: string;
  created_at: string;
  mode: "manifest" | "quick";
  status: UploadStatus;
  attempts: number;
  finished_at: string | null;
  error: string | null;
  report: string | null;
}

export interface PublicationRow {
  topic: string;
  selection: "chosen" | "latest";
  deadline: string | null;
  /** SQLite stores 0/1, PostgreSQL a boolean. */
  full_reports: number | boolean;
  submission_ids: string;
  officer: string;
  published_at: string;
}

export function summaryOfRow(row: SubmissionRow): SubmissionSummary {
  return { id: row.id, topic: row.topic, team: row.team, createdAt: row.created_at, verdict: row.verdict };
}

export function tokenOf(row: TokenRow): TokenRecord {
  return row.role === "team"
    ? { role: "team", team: row.team ?? "", createdAt: row.created_at }
    : { role: "officer", name: row.name ?? "officer", createdAt: row.created_at };
}

export function uploadOf(row: UploadRow): UploadRecord {
  return {
    id: row.id,
    topic: row.topic,
    team: row.team,
    createdAt: row.created_at,
    status: row.status,
    attempts: row.attempts,
    ...(row.finished_at === null ? {} : { finishedAt: row.finished_at }),
    ...(row.error === null ? {} : { error: JSON.parse(row.error) }),
    ...(row.report === null ? {} : { report: JSON.parse(row.report) as Report }),
  };
}

export function publicationOf(row: PublicationRow): Publication {
  return {
    topic: row.topic,
    select: row.selection,
    ...(row.deadline === null ? {} : { deadline: row.deadline }),
    full: row.full_reports === true || row.full_reports === 1,
    submissionIds: JSON.parse(row.submission_ids) as string[],
    officer: row.officer,
    publishedAt: row.published_at,
  };
}
