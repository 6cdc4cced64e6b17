// The public library API: everything the CLI does, as functions. Anything not exported here is internal.
export { template } from "./cli/commands/template.ts";
export { topics } from "./cli/commands/topics.ts";
export { type ValidateOptions, type ValidateResult, validate } from "./cli/commands/validate.ts";
export { type VerifyOptions, verify } from "./cli/commands/verify.ts";
export type { FormatAdapter } from "./formats/format.ts";
export { detectFormat, parseEvidence } from "./formats/parse-evidence.ts";
export { FORMATS } from "./formats/registry.ts";
export type { JobQueue } from "./jobs/job-queue.ts";
export { type JobRunner, startJobRunner } from "./jobs/job-runner.ts";
export { createPgBossQueue } from "./jobs/pg-boss-queue.ts";
export { createVerifyPool, type VerifyPool } from "./jobs/verify-pool.ts";
export { checkPlausibility } from "./judge/plausibility.ts";
export { type VerifySubmissionOptions, verifySubmission } from "./judge/verify-submission.ts";
export type { MetricDefinition, MetricEstimate } from "./measure/metric.ts";
export { METRICS } from "./measure/registry.ts";
export { ClaimcheckError, type ErrorCode } from "./model/errors.ts";
export type { EvidenceKind, ParsedEvidence, RequestColumnKey, ServingRequests } from "./model/evidence.ts";
export { type Finding, FindingSchema } from "./model/finding.ts";
export { type Submission, SubmissionSchema } from "./model/manifest.ts";
export { parseSubmission } from "./model/parse-submission.ts";
export { type Report, ReportSchema, type Verdict } from "./model/report.ts";
export { requireColumn } from "./model/request-columns.ts";
export { type Requirement, type Topic, TopicSchema } from "./model/topic.ts";
export { REPORT_FORMATS, REPORTERS, type ReportFormat } from "./render/reporters.ts";
export { type AppOptions, createApp, type FetchHandler } from "./server/app.ts";
export { DEFAULT_LIMITS, type UploadLimits } from "./server/limits.ts";
export { type RunningServer, type StartServerOptions, startServer } from "./server/start-server.ts";
export { createPostgresStore } from "./store/postgres-store.ts";
export { createSqliteStore, type SqliteStore } from "./store/sqlite-store.ts";
export type {
  NewSubmission,
  Store,
  SubmissionRecord,
  SubmissionSummary,
  TokenGrant,
  Waiver,
} from "./store/store.ts";
export type { NewUpload, UploadOutcome, UploadRecord, UploadStatus } from "./store/upload.ts";
