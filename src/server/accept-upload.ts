import { randomUUID } from "node:crypto";
import type { UploadRecord } from "../store/upload.ts";
import type { AppContext } from "./app-context.ts";
import { type Caller, requireTeam } from "./auth.ts";
import { prepareQuickSubmission, prepareZipSubmission } from "./build-submission.ts";
import { HttpError, unprocessable } from "./http-error.ts";
import { discardUpload, readUpload, type Upload } from "./read-upload.ts";
import { decideQuota, quotaWindowStart } from "./upload-quota.ts";
import { statusBody } from "./upload-status.ts";

/**
 * `POST /api/submissions`: reads the form (and a zip's manifest), stores the upload with its job in
 * one transaction, sends the job, and answers 202 with the status URL. No evidence is parsed here;
 * the worker threads do that. With `?wait=true` (CI clients) it answers when the job has ended, as
 * before: 201 with the report, or 422 with the findings; a job still running at the time limit
 * leaves it a 202.
 */
export async function acceptUpload(
  context: AppContext,
  caller: Caller,
  request: Request,
  answer: (id: string) => Promise<Response>,
): Promise<Response> {
  const team = requireTeam(caller);
  // One clock read: the upload is counted against the quota and dated at the same instant.
  const acceptedAt = context.now();
  await takeQuota(context, team, acceptedAt);
  const upload = await readUpload(request, context.limits, context.store.spoolDir);
  const id = randomUUID();
  let queued: UploadRecord;
  try {
    queued = await storeUpload(context, upload, team, acceptedAt, id);
  } finally {
    await discardUpload(upload);
  }
  try {
    await context.queue.send(id);
  } catch (error) {
    // Stored, so not lost: the runners send unfinished uploads again after a minute.
    context.log(
      `claimcheck serve: could not send the job of upload ${id} (${(error as Error).message}); it will be sent again`,
    );
  }
  const wait = new URL(request.url).searchParams.get("wait");
  if (wait !== "true" && wait !== "1") return accepted(queued);
  const ended = await waitForEnd(context, id, request.signal);
  if (ended === undefined || ended.status === "queued" || ended.status === "running")
    return accepted(ended ?? queued);
  if (ended.status === "done") return answer(id);
  const error = ended.error ?? { message: "Verification failed.", findings: [] };
  if (ended.report === undefined && error.internal === true) throw new HttpError(500, error.message);
  throw unprocessable(error.message, error.findings, {
    ...(ended.report === undefined
      ? {}
      : { inputs: ended.report.inputs.map(({ role, path }) => ({ role, path })), report: ended.report }),
  });
}

// --- internal ---

/** Checks the upload (a zip's manifest too) and stores it with its job, as `queued`. */
async function storeUpload(
  context: AppContext,
  upload: Upload,
  team: string,
  acceptedAt: Date,
  id: string,
): Promise<UploadRecord> {
  const prepared =
    upload.kind === "zip"
      ? await prepareZipSubmission(upload, team, context.limits)
      : prepareQuickSubmission(upload, team);
  const topic = prepared.submission.topic;
  if (!(await context.readTopics()).some((t) => t.id === topic)) {
    throw new HttpError(400, `There is no topic "${topic}"; GET /api/topics lists them.`);
  }
  return context.store.saveUpload(
    { topic, team, createdAt: acceptedAt.toISOString(), mode: prepared.mode, inputs: prepared.inputs },
    id,
  );
}

/**
 * Counts the upload against the team's hourly quota, kept in the store so every server process shares
 * it, or answers 429 with when to try again.
 */
async function takeQuota(context: AppContext, team: string, at: Date): Promise<void> {
  const limit = context.limits.maxUploadsPerHour;
  const take = await context.store.takeQuota(team, at.toISOString(), quotaWindowStart(at), limit);
  const quota = decideQuota(take, at);
  if (quota.allowed) return;
  throw new HttpError(
    429,
    `Team "${team}" has started ${context.limits.maxUploadsPerHour} uploads in the last hour, the server's limit; try again in ${quota.retryAfterSeconds} s.`,
    {},
    { "retry-after": String(quota.retryAfterSeconds) },
  );
}

function accepted(upload: UploadRecord): Response {
  return new Response(`${JSON.stringify(statusBody(upload), null, 2)}\n`, {
    status: 202,
    headers: {
      "content-type": "application/json; charset=utf-8",
      location: `/api/submissions/${upload.id}/status`,
    },
  });
}

/** Polls the store until the upload has ended, the wait limit passes or the client goes away. */
async function waitForEnd(
  context: AppContext,
  id: string,
  signal: AbortSignal,
): Promise<UploadRecord | undefined> {
  const deadline = Date.now() + context.waitTimeoutMs;
  let pause = 20;
  for (;;) {
    const upload = await context.store.getUpload(id);
    if (upload === undefined || upload.status === "done" || upload.status === "failed") return upload;
    if (Date.now() + pause > deadline || signal.aborted) return upload;
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(250, pause * 2);
  }
}
