import type { Hono } from "hono";
import type { Lang } from "../render/i18n.ts";
import type { UploadRecord } from "../store/upload.ts";
import { type AppContext, type AppEnv, jsonResponse } from "./app-context.ts";
import type { Caller } from "./auth.ts";
import { HttpError } from "./http-error.ts";
import { askedLang, localizedTexts } from "./localized-texts.ts";

/** `GET /api/submissions/:id/status`: where an upload is (queued, running, done, failed), for its team and officers. */
export function addStatusRoutes(app: Hono<AppEnv>, context: AppContext): void {
  app.get("/api/submissions/:id/status", async (c) => {
    const upload = await readableUpload(context, c.get("caller"), c.req.param("id"));
    return jsonResponse(statusBody(upload, askedLang(c.req.url)));
  });
}

/**
 * The answer to `GET /api/submissions/:id` while an upload has no verdict yet (202: still queued or
 * running; its team and officers only), or undefined when it is not a pending upload the caller may see.
 */
export async function pendingAnswer(
  context: AppContext,
  caller: Caller,
  id: string,
  lang?: Lang,
): Promise<Response | undefined> {
  const upload = await context.store.getUpload(id);
  if (upload === undefined || upload.status === "done" || !mayRead(caller, upload)) return undefined;
  return jsonResponse(statusBody(upload, lang), upload.status === "failed" ? 422 : 202);
}

/**
 * The status JSON: `status`, attempts, times, the error of a failed upload, and where to look next;
 * with `lang`, also the reasons and findings in that language (`texts`).
 */
export function statusBody(upload: UploadRecord, lang?: Lang) {
  return {
    id: upload.id,
    topic: upload.topic,
    team: upload.team,
    status: upload.status,
    attempts: upload.attempts,
    created_at: upload.createdAt,
    ...(upload.finishedAt === undefined ? {} : { finished_at: upload.finishedAt }),
    ...(upload.error === undefined ? {} : { error: upload.error.message, findings: upload.error.findings }),
    links: {
      status: `/api/submissions/${upload.id}/status`,
      self: `/api/submissions/${upload.id}`,
      report_html: `/api/submissions/${upload.id}/report.html`,
    },
    // The files by role, so the upload page can show each finding in the row of the file it chose.
    ...(upload.report === undefined
      ? {}
      : { inputs: upload.report.inputs.map(({ role, path }) => ({ role, path })), report: upload.report }),
    ...(lang === undefined ? {} : localizedTexts(lang, upload.report, upload.error?.findings)),
  };
}

// --- internal ---

async function readableUpload(context: AppContext, caller: Caller, id: string): Promise<UploadRecord> {
  const upload = await context.store.getUpload(id);
  if (upload === undefined || !mayRead(caller, upload)) {
    throw new HttpError(
      404,
      `No upload "${id}" that you may read; an upload's status is shown to its team and to officers.`,
    );
  }
  return upload;
}

function mayRead(caller: Caller, upload: UploadRecord): boolean {
  return caller.role === "officer" || (caller.role === "team" && caller.team === upload.team);
}
