import type { Hono } from "hono";
import { type AppContext, type AppEnv, findTopic, htmlResponse, jsonResponse } from "./app-context.ts";
import { applyWaivers } from "./apply-waivers.ts";
import type { Caller } from "./auth.ts";
import { renderDashboardCsv } from "./csv-export.ts";
import { OPENAPI } from "./openapi.ts";
import { pageContext } from "./page-routes.ts";
import { type DashboardSubmission, renderDashboard } from "./pages/dashboard-page.ts";
import { summarizeReport, viewOf } from "./publication.ts";
import { readPublicSet } from "./publication-routes.ts";

/**
 * `GET /api/topics`, `GET /api/topics/:id/submissions`, `GET /topics/:id` (dashboard) and
 * `/topics/:id/export.csv` (its rows as CSV), `GET /openapi.json`.
 */
export function addTopicRoutes(app: Hono<AppEnv>, context: AppContext): void {
  app.get("/api/topics", async () =>
    jsonResponse(
      (await context.readTopics()).map((topic) => ({
        ...topic,
        links: { dashboard: `/topics/${topic.id}`, submissions: `/api/topics/${topic.id}/submissions` },
      })),
    ),
  );
  app.get("/api/topics/:id/submissions", async (c) => {
    const topic = await findTopic(context, c.req.param("id"));
    const all = await context.store.listSubmissions({ topic: topic.id });
    const open = await readPublicSet(context, topic.id, all);
    const caller = c.get("caller");
    return jsonResponse(
      all
        .map((s) => ({ s, view: viewOf(caller, s, open) }))
        .filter(({ view }) => view !== "none")
        .map(({ s, view }) => ({
          id: s.id,
          team: s.team,
          created_at: s.createdAt,
          verdict: s.verdict,
          published: open.ids.has(s.id),
          links: {
            self: `/api/submissions/${s.id}`,
            ...(view === "full" ? { report_html: `/api/submissions/${s.id}/report.html` } : {}),
          },
        })),
    );
  });
  app.get("/topics/:id", async (c) => {
    const topic = await findTopic(context, c.req.param("id"));
    const shown = await dashboardSubmissions(context, c.get("caller"), topic.id);
    return htmlResponse(renderDashboard(pageContext(c), topic, shown, c.req.query("requirement")));
  });
  app.get("/topics/:id/export.csv", async (c) => {
    const topic = await findTopic(context, c.req.param("id"));
    const shown = await dashboardSubmissions(context, c.get("caller"), topic.id);
    return new Response(renderDashboardCsv(topic, shown), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="claimcheck-topic-${topic.id}.csv"`,
        "x-content-type-options": "nosniff",
      },
    });
  });
  app.get("/openapi.json", () => jsonResponse(OPENAPI));
}

// --- internal ---

/**
 * The submissions the caller may see on a topic, oldest first, with their waivers applied; a published
 * summary shows verdicts and measured values only.
 */
async function dashboardSubmissions(
  context: AppContext,
  caller: Caller,
  topic: string,
): Promise<DashboardSubmission[]> {
  const all = await context.store.listSubmissions({ topic });
  const open = await readPublicSet(context, topic, all);
  const shown: DashboardSubmission[] = [];
  for (const summary of all) {
    const view = viewOf(caller, summary, open);
    const record = view === "none" ? undefined : await context.store.getSubmission(summary.id);
    if (record === undefined) continue;
    const report = applyWaivers(record.report, record.waivers);
    shown.push({ ...summary, report: view === "full" ? report : summarizeReport(report) });
  }
  return shown;
}
