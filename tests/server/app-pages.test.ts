import { describe, expect, it } from "vitest";
import { createTestApp, smallFields, uploadInit } from "./helpers.ts";

describe("pages and documents", () => {
  it("serves the upload page with the topics and only its own same-origin script", async () => {
    const app = await createTestApp();
    const response = await app.request("/");
    const page = await response.text();
    expect({
      status: response.status,
      type: response.headers.get("content-type"),
      csp: response.headers.get("content-security-policy")?.split("; ")[0],
      resources: page.match(/<(?:script|link|img|iframe)\b[^>]*>/g),
      external: page.match(/(?:src|href)="(?:https?:)?\/\/[^"]*"/g),
      topic: page.match(/<option value="1\.2">[^<]*<\/option>/)?.[0].startsWith('<option value="1.2">1.2 — '),
    }).toEqual({
      status: 200,
      type: "text/html; charset=utf-8",
      csp: "default-src 'self'",
      resources: ['<script type="application/json" id="page-text">', '<script src="/assets/upload.js">'],
      external: null,
      topic: true,
    });
  });

  it("serves the upload script as JavaScript that parses and loads nothing from elsewhere", async () => {
    const app = await createTestApp();
    const response = await app.request("/assets/upload.js");
    const script = await response.text();
    expect(() => new Function(script)).not.toThrow();
    expect([response.headers.get("content-type"), script.match(/https?:\/\//g)]).toEqual([
      "text/javascript; charset=utf-8",
      null,
    ]);
  });

  it("serves an OpenAPI document that lists every API route", async () => {
    const app = await createTestApp();
    const doc = (await (await app.request("/openapi.json")).json()) as { openapi: string; paths: object };
    expect([doc.openapi, Object.keys(doc.paths)]).toEqual([
      "3.1.0",
      [
        "/api/submissions",
        "/api/submissions/{id}",
        "/api/submissions/{id}/status",
        "/api/submissions/{id}/report.html",
        "/api/submissions/{id}/waivers",
        "/api/topics",
        "/api/topics/{id}/submissions",
        "/api/session",
        "/api/submissions/{id}/choice",
        "/api/topics/{id}/publication",
        "/topics/{id}",
        "/topics/{id}/export.csv",
      ],
    ]);
  });

  it("lists the topics with links to their dashboards", async () => {
    const app = await createTestApp();
    const topics = (await (await app.request("/api/topics")).json()) as { id: string; links: unknown }[];
    expect(topics.find((t) => t.id === "1.2")?.links).toEqual({
      dashboard: "/topics/1.2",
      submissions: "/api/topics/1.2/submissions",
    });
  });

  it("shows each team's latest verdicts on the dashboard, with one chart point per submission", async () => {
    const app = await createTestApp();
    for (const token of [app.tokens.teamA, app.tokens.teamB, app.tokens.teamA]) {
      expect((await app.request("/api/submissions?wait=true", uploadInit(token, smallFields()))).status).toBe(
        201,
      );
    }
    const response = await app.request("/topics/1.2?requirement=1.2/tpot-p99-regression", {
      headers: { authorization: `Bearer ${app.tokens.officer}` },
    });
    const page = await response.text();
    const teams = page.match(/<span class="team">[^<]*/g)?.map((m) => m.slice(19));
    expect({
      status: response.status,
      teams,
      svg: page.match(/<svg /g)?.length,
      points: page.match(/<circle /g)?.length,
      target: page.match(/target ≤ 5 %/g)?.length,
    }).toEqual({ status: 200, teams: ["Team A", "Team B"], svg: 1, points: 3, target: 1 });
  });

  it("shows the public only the latest submission of each team on the dashboard (--public latest)", async () => {
    const app = await createTestApp({}, undefined, { publicResults: "latest" });
    for (const token of [app.tokens.teamA, app.tokens.teamA]) {
      await app.request("/api/submissions?wait=true", uploadInit(token, smallFields()));
    }
    const page = await (await app.request("/topics/1.2?requirement=1.2/tpot-p99-regression")).text();
    expect(page.match(/<circle /g)?.length).toBe(1);
  });

  it.each([
    ["/api/submissions/no-such-id", 404],
    ["/api/topics/9.9/submissions", 404],
    ["/api/nowhere", 404],
  ])("answers GET %s with %i and a JSON error", async (path, status) => {
    const app = await createTestApp();
    const response = await app.request(path);
    const body = (await response.json()) as { error: string };
    expect([response.status, typeof body.error]).toEqual([status, "string"]);
  });
});
