import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppContext, AppEnv } from "./app-context.ts";
import { applyWaivers } from "./apply-waivers.ts";
import { renderErrorPage } from "./pages/error-page.ts";
import { PAGE_CSP, type PageContext } from "./pages/layout.ts";
import { pageText, pickLang, withLang } from "./pages/page-text.ts";
import { renderReportPage } from "./pages/report-page.ts";
import { renderSigninPage, SIGNIN_SCRIPT } from "./pages/signin-page.ts";
import { renderTopicIndex } from "./pages/topic-index-page.ts";
import { renderUploadPage } from "./pages/upload-page.ts";
import { UPLOAD_SCRIPT } from "./pages/upload-script.ts";
import { viewOf } from "./publication.ts";
import { readPublicSet } from "./publication-routes.ts";
import { readSession } from "./session.ts";

/**
 * The pages people open in a browser: `/` (upload), `/topics` (index), `/submissions/:id` (report page
 * with the officer's waiver form), `/signin`, their scripts, and HTML error pages for page URLs.
 */
export function addPageRoutes(app: Hono<AppEnv>, context: AppContext): void {
  app.use("*", htmlErrors);
  app.get("/", async (c) => pageResponse(renderUploadPage(pageContext(c), await context.readTopics())));
  app.get("/topics", async (c) =>
    pageResponse(
      renderTopicIndex(pageContext(c), await context.readTopics(), await publishedSubmissions(context)),
    ),
  );
  app.get("/submissions/:id", async (c) => reportPage(context, c));
  const smallForm = bodyLimit({
    maxSize: 64 * 1024,
    onError: (c) => c.text("A waiver form is at most 64 KiB.", 413),
  });
  app.post("/submissions/:id/waivers", smallForm, async (c) => waiveFromForm(context, c));
  app.get("/signin", (c) => pageResponse(renderSigninPage(pageContext(c), c.req.query("next") ?? "/topics")));
  app.get("/assets/upload.js", () => scriptResponse(UPLOAD_SCRIPT));
  app.get("/assets/signin.js", () => scriptResponse(SIGNIN_SCRIPT));
}

/** The language, address and signed-in role of a page request. */
export function pageContext(c: Context<AppEnv>): PageContext {
  const lang = pickLang(c.req.url, c.req.header("accept-language") ?? null);
  const t = pageText(lang);
  const url = new URL(c.req.url);
  const session = readSession(c);
  const who =
    session === null
      ? undefined
      : session.role === "officer"
        ? t("page.role.officer")
        : t("page.role.team", { team: session.team });
  return { lang, t, url: `${url.pathname}${url.search}`, ...(who === undefined ? {} : { who }) };
}

// --- internal ---

/**
 * The report page runs no script at all; it may post its own waiver form. Its referrer policy keeps the
 * form's `Origin` header (under `no-referrer` a browser sends `Origin: null`), which the waiver checks.
 */
const REPORT_PAGE_CSP =
  "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

function pageResponse(body: string, status = 200, csp = PAGE_CSP): Response {
  return new Response(body, {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": csp,
      "x-content-type-options": "nosniff",
      "referrer-policy": "same-origin",
    },
  });
}

function scriptResponse(script: string): Response {
  return new Response(script, {
    headers: { "content-type": "text/javascript; charset=utf-8", "x-content-type-options": "nosniff" },
  });
}

/** A page URL that failed (404, 403, …) answers a page in the reader's language; `/api/*` keeps its JSON. */
async function htmlErrors(c: Context<AppEnv>, next: () => Promise<void>): Promise<void> {
  await next();
  const path = c.req.path;
  const isPage =
    (c.req.method === "GET" || c.req.method === "HEAD") &&
    !/^\/(api|assets)\//.test(path) &&
    !/\.(json|csv|js)$/.test(path);
  if (!isPage || c.res.status < 400 || !c.res.headers.get("content-type")?.startsWith("application/json"))
    return;
  const status = c.res.status;
  c.res = pageResponse(renderErrorPage(pageContext(c), status, path), status);
}

/** The submissions anyone may see: per topic, what the officer published (or each team's latest with `--public latest`). */
async function publishedSubmissions(context: AppContext) {
  const all = await context.store.listSubmissions();
  const topics = [...new Set(all.map((s) => s.topic))];
  const open = await Promise.all(
    topics.map((topic) =>
      readPublicSet(
        context,
        topic,
        all.filter((s) => s.topic === topic),
      ),
    ),
  );
  const ids = new Set(open.flatMap((set) => [...set.ids]));
  return all.filter((s) => ids.has(s.id));
}

/**
 * The record if the caller may read its whole report: officers all, a team its own, anyone else only
 * what an officer published in full (a summary publication has no report page).
 */
async function readableRecord(context: AppContext, c: Context<AppEnv>, id: string) {
  const record = await context.store.getSubmission(id);
  if (record === undefined) return undefined;
  const open = await readPublicSet(context, record.topic);
  return viewOf(c.get("caller"), record, open) === "full" ? record : undefined;
}

async function reportPage(
  context: AppContext,
  c: Context<AppEnv>,
  notice?: { kind: "ok" | "error"; text: string },
  status = 200,
): Promise<Response> {
  const page = pageContext(c);
  const record = await readableRecord(context, c, c.req.param("id") ?? "");
  if (record === undefined) return pageResponse(renderErrorPage(page, 404, c.req.path), 404);
  const waived = c.req.query("waived");
  const shown =
    notice ??
    (waived !== undefined && record.waivers.some((w) => w.requirement === waived)
      ? { kind: "ok" as const, text: page.t("page.waiver.done", { requirement: waived }) }
      : undefined);
  const html = await renderReportPage(page, {
    record,
    report: applyWaivers(record.report, record.waivers),
    officer: readSession(c)?.role === "officer",
    ...(shown === undefined ? {} : { notice: shown }),
  });
  return pageResponse(html, status, REPORT_PAGE_CSP);
}

/**
 * The waiver form: only from this server's own page (the `Origin` must be ours; the session cookie is
 * SameSite=Strict as well), only by a signed-in officer, with a reason; then back to the report page.
 */
async function waiveFromForm(context: AppContext, c: Context<AppEnv>): Promise<Response> {
  const page = pageContext(c);
  const origin = c.req.header("origin");
  const host = c.req.header("host") ?? new URL(c.req.url).host;
  if (origin === undefined || origin === "null" || safeHost(origin) !== host) {
    return pageResponse(renderErrorPage(page, 403, c.req.path, page.t("page.waiver.crossSite")), 403);
  }
  const session = readSession(c);
  if (session?.role !== "officer") {
    return pageResponse(renderErrorPage(page, 403, c.req.path, page.t("page.waiver.notOfficer")), 403);
  }
  const id = c.req.param("id") ?? "";
  const record = await context.store.getSubmission(id);
  if (record === undefined) return pageResponse(renderErrorPage(page, 404, `/submissions/${id}`), 404);
  const form = await c.req.parseBody();
  const requirement = typeof form.requirement === "string" ? form.requirement : "";
  const reason = typeof form.reason === "string" ? form.reason.trim() : "";
  if (!record.report.requirements.some((r) => r.id === requirement)) {
    return reportPage(
      context,
      c,
      { kind: "error", text: page.t("page.waiver.unknown", { id, requirement }) },
      404,
    );
  }
  if (reason.length < 3 || reason.length > 2000) {
    return reportPage(context, c, { kind: "error", text: page.t("page.waiver.shortReason") }, 400);
  }
  const waiver = { requirement, reason, officer: session.name, createdAt: context.now().toISOString() };
  const report = applyWaivers(record.report, [...record.waivers, waiver]);
  await context.store.addWaiver(id, waiver, report.verdict);
  const back = withLang(`/submissions/${id}?waived=${encodeURIComponent(requirement)}`, page.lang);
  return new Response(null, { status: 303, headers: { location: `${back}#waivers` } });
}

function safeHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
