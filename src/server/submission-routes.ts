import type { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import type { Report } from "../model/report.ts";
import type { SubmissionRecord } from "../store/store.ts";
import { acceptUpload } from "./accept-upload.ts";
import { type AppContext, type AppEnv, htmlResponse, jsonResponse } from "./app-context.ts";
import { applyWaivers } from "./apply-waivers.ts";
import { type Caller, requireOfficer } from "./auth.ts";
import { HttpError } from "./http-error.ts";
import { formatBytes } from "./limits.ts";
import { askedLang, localizedTexts } from "./localized-texts.ts";
import { renderReportHtml } from "./pages/report-page.ts";
import { summarizeReport, type View, viewOf } from "./publication.ts";
import { readPublicSet } from "./publication-routes.ts";
import { pendingAnswer } from "./upload-status.ts";

/** `POST /api/submissions`, `GET /api/submissions/:id[/report.html]`, `POST /api/submissions/:id/waivers`. */
export function addSubmissionRoutes(app: Hono<AppEnv>, context: AppContext): void {
  const limit = bodyLimit({
    maxSize: context.limits.maxUploadBytes,
    onError: () => {
      throw new HttpError(
        413,
        `The upload is larger than ${formatBytes(context.limits.maxUploadBytes)}; submit smaller files.`,
      );
    },
  });
  app.post("/api/submissions", limit, async (c) =>
    acceptUpload(context, c.get("caller"), c.req.raw, async (id) => {
      const { record, published } = await readable(context, c.get("caller"), id);
      return jsonResponse(envelope(record, record.report, published), 201, {
        location: `/api/submissions/${id}`,
      });
    }),
  );
  app.get("/api/submissions/:id", async (c) => {
    const pending = await pendingAnswer(context, c.get("caller"), c.req.param("id"), askedLang(c.req.url));
    if (pending !== undefined) return pending;
    const { record, view, published } = await readable(context, c.get("caller"), c.req.param("id"));
    const report = applyWaivers(record.report, record.waivers);
    if (view === "summary") return jsonResponse(publicSummary(record, report));
    const lang = askedLang(c.req.url);
    return jsonResponse({
      ...envelope(record, report, published),
      ...(lang === undefined ? {} : localizedTexts(lang, report)),
    });
  });
  app.get("/api/submissions/:id/report.html", async (c) => {
    const { record, view } = await readable(context, c.get("caller"), c.req.param("id"));
    if (view === "summary") {
      throw new HttpError(
        404,
        `Only the verdicts and measured values of submission ${record.id} are published; GET /api/submissions/${record.id} shows them.`,
      );
    }
    // The report route's CSP (no script, no framing) is set by the security-headers middleware.
    return htmlResponse(await renderReportHtml(applyWaivers(record.report, record.waivers)));
  });
  const smallBody = bodyLimit({
    maxSize: 64 * 1024,
    onError: () => {
      throw new HttpError(413, "A waiver is a small JSON object; send at most 64 KiB.");
    },
  });
  app.post("/api/submissions/:id/waivers", smallBody, async (c) =>
    waive(context, c.get("caller"), c.req.param("id"), c.req.raw),
  );
}

// --- internal ---

const WaiverSchema = z.object({
  requirement: z.string().min(1),
  reason: z.string().trim().min(3, "give a reason of at least 3 characters").max(2000),
});

async function waive(context: AppContext, caller: Caller, id: string, request: Request): Promise<Response> {
  const officer = requireOfficer(caller);
  const body = WaiverSchema.safeParse(await request.json().catch(() => undefined));
  if (!body.success) {
    const issue = body.error.issues[0];
    throw new HttpError(
      400,
      `Send JSON {"requirement": "<id>", "reason": "<why>"} (${issue?.path.join(".") || "body"}: ${issue?.message}).`,
    );
  }
  const { record, published } = await readable(context, caller, id);
  if (!record.report.requirements.some((r) => r.id === body.data.requirement)) {
    throw new HttpError(
      404,
      `Submission ${id} has no requirement "${body.data.requirement}"; its report lists the ids.`,
    );
  }
  const waiver = { ...body.data, officer, createdAt: context.now().toISOString() };
  const waivers = [...record.waivers, waiver];
  const report = applyWaivers(record.report, waivers);
  await context.store.addWaiver(id, waiver, report.verdict);
  return jsonResponse(envelope({ ...record, waivers }, report, published), 201);
}

async function readable(
  context: AppContext,
  caller: Caller,
  id: string,
): Promise<{ record: SubmissionRecord; view: View; published: boolean }> {
  const record = await context.store.getSubmission(id);
  const open = record === undefined ? undefined : await readPublicSet(context, record.topic);
  const view = record === undefined || open === undefined ? "none" : viewOf(caller, record, open);
  if (record === undefined || view === "none") {
    throw new HttpError(
      404,
      `No submission "${id}" that you may read; a submission is visible to its team and to officers until an officer publishes its topic.`,
    );
  }
  return { record, view, published: open?.ids.has(id) ?? false };
}

/** What anyone reads of a submission whose topic was published without full reports. */
function publicSummary(record: Omit<SubmissionRecord, "verdict" | "inputs">, report: Report) {
  const summary = summarizeReport(report);
  return {
    id: record.id,
    topic: record.topic,
    team: record.team,
    verdict: summary.verdict,
    published: true,
    requirements: summary.requirements.map((r) => ({
      id: r.id,
      kind: r.kind,
      metric: r.metric,
      verdict: r.verdict,
      target: r.target,
      measured: r.measured,
    })),
    links: { self: `/api/submissions/${record.id}`, dashboard: `/topics/${record.topic}` },
  };
}

/** The JSON of one submission: who, when, the verdict and report with waivers applied, and its links. */
function envelope(record: Omit<SubmissionRecord, "verdict" | "inputs">, report: Report, published: boolean) {
  return {
    id: record.id,
    topic: record.topic,
    team: record.team,
    created_at: record.createdAt,
    verdict: report.verdict,
    published,
    waivers: record.waivers.map((w) => ({
      requirement: w.requirement,
      reason: w.reason,
      officer: w.officer,
      created_at: w.createdAt,
    })),
    links: {
      self: `/api/submissions/${record.id}`,
      report_html: `/api/submissions/${record.id}/report.html`,
      dashboard: `/topics/${record.topic}`,
    },
    report,
  };
}
