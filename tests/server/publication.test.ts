import { describe, expect, it } from "vitest";
import type { Report } from "../../src/model/report.ts";
import { createApp, type FetchHandler } from "../../src/server/app.ts";
import { createTestApp, smallFields, type TestApp, uploadInit } from "./helpers.ts";

describe("results are private until an officer publishes them", () => {
  it("shows an anonymous client nothing of an unpublished topic", async () => {
    const app = await createTestApp();
    const id = await submit(app, app.tokens.teamA);
    const csv = await (await app.request("/topics/1.2/export.csv")).text();
    expect({
      list: await json(app, "/api/topics/1.2/submissions"),
      submission: (await app.request(`/api/submissions/${id}`)).status,
      report: (await app.request(`/api/submissions/${id}/report.html`)).status,
      publication: (await app.request("/api/topics/1.2/publication")).status,
      dashboardNamesTeam: (await (await app.request("/topics/1.2")).text()).includes("Team A"),
      csvRows: csv.trimEnd().split("\r\n").length,
    }).toEqual({
      list: [],
      submission: 404,
      report: 404,
      publication: 404,
      dashboardNamesTeam: false,
      csvRows: 1,
    });
  });

  it("after a summary publication, shows anyone verdicts and measured values with bounds only", async () => {
    const app = await createTestApp();
    const id = await submit(app, app.tokens.teamA);
    const published = await publish(app, { select: "latest" });
    const full = (await json(app, `/api/submissions/${id}`, app.tokens.officer)) as { report: Report };
    expect(published).toEqual({
      topic: "1.2",
      select: "latest",
      deadline: null,
      full: false,
      officer: "Dr. Li",
      published_at: "2026-08-01T10:01:00.000Z",
      submissions: [{ id, team: "Team A", verdict: full.report.verdict }],
    });
    expect(await json(app, `/api/submissions/${id}`)).toEqual({
      id,
      topic: "1.2",
      team: "Team A",
      verdict: full.report.verdict,
      published: true,
      requirements: full.report.requirements.map((r) => ({
        id: r.id,
        kind: r.kind,
        metric: r.metric,
        verdict: r.verdict,
        target: r.target,
        measured: r.measured,
      })),
      links: { self: `/api/submissions/${id}`, dashboard: "/topics/1.2" },
    });
    // Team B reads the published summary like anyone; the report page with file names stays closed.
    expect([
      (await app.request(`/api/submissions/${id}/report.html`)).status,
      await json(app, `/api/submissions/${id}`, app.tokens.teamB),
      await json(app, "/api/topics/1.2/submissions"),
    ]).toEqual([
      404,
      await json(app, `/api/submissions/${id}`),
      [
        {
          id,
          team: "Team A",
          created_at: "2026-08-01T10:00:00.000Z",
          verdict: full.report.verdict,
          published: true,
          links: { self: `/api/submissions/${id}` },
        },
      ],
    ]);
    const rows = (await (await app.request("/topics/1.2/export.csv")).text())
      .trimEnd()
      .split("\r\n")
      .slice(1);
    expect(rows.map((row) => row.split(",").slice(-2))).toEqual(rows.map(() => ["", ""]));
  });

  it("shows whole reports after a full publication, and keeps a later upload private until the next one", async () => {
    const app = await createTestApp();
    const first = await submit(app, app.tokens.teamA);
    await publish(app, { select: "latest", full: true });
    const later = await submit(app, app.tokens.teamA);
    const asOfficer = (await json(app, `/api/submissions/${first}`, app.tokens.officer)) as object;
    expect({
      first: await json(app, `/api/submissions/${first}`),
      report: (await app.request(`/api/submissions/${first}/report.html`)).status,
      later: (await app.request(`/api/submissions/${later}`)).status,
      list: ((await json(app, "/api/topics/1.2/submissions")) as { id: string }[]).map((s) => s.id),
    }).toEqual({ first: asOfficer, report: 200, later: 404, list: [first] });
    expect((await app.request("/api/topics/1.2/publication", officerInit("DELETE", app))).status).toBe(204);
    expect((await app.request(`/api/submissions/${first}`)).status).toBe(404);
  });

  it("publishes each team's latest submission at a deadline, or the submissions teams chose", async () => {
    const app = await createTestApp();
    const a1 = await submit(app, app.tokens.teamA);
    const a2 = await submit(app, app.tokens.teamA);
    const b1 = await submit(app, app.tokens.teamB);
    const deadline = ((await json(app, `/api/submissions/${a1}`, app.tokens.teamA)) as { created_at: string })
      .created_at;
    const atDeadline = await publish(app, { select: "latest", deadline });
    const choose = (id: string, token?: string) =>
      app.request(`/api/submissions/${id}/choice`, {
        method: "PUT",
        headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
      });
    const choices = [
      (await choose(a2, app.tokens.teamB)).status,
      (await choose(a2)).status,
      (await choose(a1, app.tokens.teamA)).status,
    ];
    const chosen = await publish(app, { select: "chosen" });
    expect({
      atDeadline: (atDeadline as { submissions: { id: string }[] }).submissions.map((s) => s.id),
      choices,
      chosen: (chosen as { submissions: { id: string }[] }).submissions.map((s) => s.id),
      b1: (await app.request(`/api/submissions/${b1}`)).status,
    }).toEqual({ atDeadline: [a1], choices: [404, 401, 200], chosen: [a1], b1: 404 });
  });

  it("lets only an officer publish, and not on a server whose results are open anyway", async () => {
    const app = await createTestApp();
    const put = (token?: string) =>
      app.request("/api/topics/1.2/publication", {
        method: "PUT",
        headers: {
          "content-type": "application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ select: "latest" }),
      });
    const open = await createTestApp({}, undefined, { publicResults: "latest" });
    const openPut = await open.request("/api/topics/1.2/publication", {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: `Bearer ${open.tokens.officer}` },
      body: JSON.stringify({ select: "latest" }),
    });
    const badBody = await app.request("/api/topics/1.2/publication", {
      ...officerInit("PUT", app),
      body: JSON.stringify({ select: "everything" }),
    });
    expect([
      (await put(app.tokens.teamA)).status,
      (await put()).status,
      openPut.status,
      badBody.status,
    ]).toEqual([403, 401, 409, 400]);
  });
});

describe("upload quota", () => {
  it("answers 429 with Retry-After once a team has started its hourly uploads, and not for another team", async () => {
    const app = await createTestApp({ maxUploadsPerHour: 2 });
    const post = (token: string) =>
      app.request("/api/submissions", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "text/plain" },
        body: "not multipart",
      });
    const statuses = [(await post(app.tokens.teamA)).status, (await post(app.tokens.teamA)).status];
    const refused = await post(app.tokens.teamA);
    expect({
      statuses,
      refused: [refused.status, refused.headers.get("retry-after"), await refused.json()],
      teamB: (await post(app.tokens.teamB)).status,
    }).toEqual({
      statuses: [415, 415],
      // The clock ticks a minute per reading: the first upload (10:00) leaves the window at 11:00, 58 min on.
      refused: [
        429,
        "3480",
        {
          error:
            'Team "Team A" has started 2 uploads in the last hour, the server\'s limit; try again in 3480 s.',
        },
      ],
      teamB: 415,
    });
  });

  it("counts in the store: a second server process on the same store refuses the team's next upload", async () => {
    const app = await createTestApp({ maxUploadsPerHour: 2 });
    // Another process (or this one restarted) with its own clock, half an hour later.
    const other = createApp({
      store: app.store,
      now: () => new Date("2026-08-01T10:30:00.000Z"),
      limits: { maxUploadsPerHour: 2 },
      log: () => {},
    });
    const post = (handle: FetchHandler, token: string) =>
      handle(
        new Request("http://claimcheck.test/api/submissions", {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "text/plain" },
          body: "not multipart",
        }),
      );
    const statuses = [(await post(app.handle, app.tokens.teamA)).status];
    statuses.push((await post(other, app.tokens.teamA)).status);
    const refused = [await post(app.handle, app.tokens.teamA), await post(other, app.tokens.teamA)];
    expect({
      statuses,
      refused: await Promise.all(
        refused.map(async (r) => [r.status, r.headers.get("retry-after"), await r.json()]),
      ),
      teamB: (await post(other, app.tokens.teamB)).status,
    }).toEqual({
      statuses: [415, 415],
      // The first upload (10:00, by the first app) leaves the window at 11:00: 59 min after the first
      // app's next clock reading (10:01) and 30 min after the other's 10:30.
      refused: [
        [429, "3540", { error: quotaMessage(3540) }],
        [429, "1800", { error: quotaMessage(1800) }],
      ],
      teamB: 415,
    });
  });
});

function quotaMessage(seconds: number): string {
  return `Team "Team A" has started 2 uploads in the last hour, the server's limit; try again in ${seconds} s.`;
}

// --- internal ---

async function submit(app: TestApp, token: string): Promise<string> {
  // Waits for the verdict: these tests are about who reads a report, not about the job.
  const response = await app.request("/api/submissions?wait=true", uploadInit(token, smallFields()));
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function json(app: TestApp, path: string, token?: string): Promise<unknown> {
  const response = await app.request(path, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  return response.json();
}

function officerInit(method: string, app: TestApp): RequestInit {
  return {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${app.tokens.officer}` },
  };
}

async function publish(app: TestApp, body: object): Promise<unknown> {
  const response = await app.request("/api/topics/1.2/publication", {
    ...officerInit("PUT", app),
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return response.json();
}
