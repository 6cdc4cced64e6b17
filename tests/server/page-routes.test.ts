import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../src/render/html-escape.ts";
import { pageText } from "../../src/server/pages/page-text.ts";
import { createTestApp, EXAMPLE_TEAM, smallFields, type TestApp, uploadInit } from "./helpers.ts";

describe("the server's pages", () => {
  it("lists every topic with each team's published verdict and a link to its dashboard", async () => {
    // Each team's latest submission is public here, so the index has verdicts to list.
    const app = await createTestApp({}, undefined, { publicResults: "latest" });
    await upload(app, app.tokens.teamB);
    await upload(app, app.tokens.teamA);
    const page = await (await app.request("/topics?lang=en")).text();
    const topic = page.match(/<li class="topic" id="topic-1\.2">[\s\S]*?<\/li>\n?<\/ul><\/li>/)?.[0] ?? "";
    expect({
      topics: page.match(/<li class="topic" id="topic-/g)?.length,
      link: topic.match(/href="([^"]+)"/)?.[1],
      counts: topic.match(/<p class="muted">([^<]*)<\/p>/)?.[1],
      teams: [...topic.matchAll(/<li><span class="badge"[^>]*>([^<]*)<\/span> ([^<]*)<\/li>/g)].map((m) => [
        m[1],
        m[2],
      ]),
    }).toEqual({
      topics: 21,
      link: "/topics/1.2?lang=en",
      counts: "5 targets, 4 deliverables",
      teams: [
        ["missing", "Team A"],
        ["missing", "Team B"],
      ],
    });
  });

  it("shows the report page with its id, upload time, back link and language switch, and no script", async () => {
    // Published as each team's latest, so an anonymous reader may open the page.
    const app = await createTestApp({}, undefined, { publicResults: "latest" });
    const id = await upload(app, app.tokens.example);
    const response = await app.request(`/submissions/${id}?lang=zh`);
    const page = await response.text();
    expect({
      status: response.status,
      csp: response.headers.get("content-security-policy")?.split("; ").slice(0, 2),
      scripts: page.match(/<script\b/g),
      lang: page.match(/<html lang="([^"]+)"/)?.[1],
      id: page.match(/<code id="submission-id">([\s\S]*?)<\/code>/)?.[1]?.replaceAll("<wbr>", ""),
      time: page.match(/<time id="submission-time" datetime="([^"]+)">([^<]*)/)?.slice(1),
      back: page.match(/<a id="back-link" href="([^"]+)">([^<]*)/)?.slice(1),
      switch: page.match(/<a href="([^"]+)" id="lang-switch"[^>]*>([^<]*)/)?.slice(1),
    }).toEqual({
      status: 200,
      csp: ["default-src 'none'", "script-src 'none'"],
      scripts: null,
      lang: "zh-CN",
      id,
      time: ["2026-08-01T10:00:00.000Z", "2026-08-01 10:00（UTC）"],
      back: ["/topics/1.2?lang=zh", "← 课题 1.2"],
      switch: [`/submissions/${id}?lang=en`, "English"],
    });
  });

  it("lets a signed-in officer waive a requirement from the report page and lists it as waived", async () => {
    const app = await createTestApp();
    const id = await upload(app, app.tokens.teamA);
    const cookie = await signIn(app, app.tokens.officer);
    const before = await (await app.request(`/submissions/${id}?lang=en`, { headers: { cookie } })).text();
    const options = [...before.matchAll(/<option value="([^"]+)">/g)].map((m) => m[1]);
    const response = await app.request(`/submissions/${id}/waivers?lang=en`, {
      method: "POST",
      headers: {
        cookie,
        origin: "http://claimcheck.test",
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({
        requirement: "1.2/startup-reserved-memory",
        reason: "Measured on the programme cluster",
      }),
    });
    const location = response.headers.get("location") ?? "";
    const after = await (await app.request(location, { headers: { cookie } })).text();
    // Nothing is published yet: the officer's own session reads the stored waivers.
    const json = (await (await app.request(`/api/submissions/${id}`, { headers: { cookie } })).json()) as {
      waivers: unknown[];
    };
    expect({
      options,
      status: response.status,
      location,
      notice: after.match(/<p id="waiver-notice"[^>]*>([^<]*)/)?.[1],
      listed: after
        .match(/<li data-requirement="[^"]+">[\s\S]*?<\/li>/g)
        ?.map((li) => li.replace(/<[^>]+>/g, "")),
      stillOpen: [...after.matchAll(/<option value="([^"]+)">/g)].map((m) => m[1]),
      stored: json.waivers,
    }).toEqual({
      options: [
        "1.2/startup-reserved-memory",
        "1.2/ttft-p99-regression",
        "1.2/e2e-p99-regression",
        "1.2/gpu-utilization-gain",
      ],
      status: 303,
      location: `/submissions/${id}?waived=1.2%2Fstartup-reserved-memory&lang=en#waivers`,
      notice: "1.2/startup-reserved-memory is now waived.",
      listed: [
        "waived 1.2/startup-reserved-memory — waived by Dr. Li on 2026-08-01 (was missing): «Measured on the programme cluster»",
      ],
      stillOpen: ["1.2/ttft-p99-regression", "1.2/e2e-p99-regression", "1.2/gpu-utilization-gain"],
      stored: [
        {
          requirement: "1.2/startup-reserved-memory",
          reason: "Measured on the programme cluster",
          officer: "Dr. Li",
          // The test clock ticks a minute per reading: upload, sign-in, then each session check.
          created_at: "2026-08-01T10:04:00.000Z",
        },
      ],
    });
  });

  it.each([
    ["another site's form", "officer", "https://evil.example", 403, "page.waiver.crossSite"],
    ["a form without an Origin", "officer", undefined, 403, "page.waiver.crossSite"],
    ["a team's session", "teamA", "http://claimcheck.test", 403, "page.waiver.notOfficer"],
    ["a one-letter reason", "officer", "http://claimcheck.test", 400, "page.waiver.shortReason"],
  ] as const)("refuses a waiver from %s and stores nothing", async (_, who, origin, status, message) => {
    const app = await createTestApp();
    const id = await upload(app, app.tokens.teamA);
    const cookie = await signIn(app, app.tokens[who]);
    const response = await app.request(`/submissions/${id}/waivers?lang=en`, {
      method: "POST",
      headers: { cookie, ...(origin === undefined ? {} : { origin }) },
      body: new URLSearchParams({
        requirement: "1.2/ttft-p99-regression",
        reason: message === "page.waiver.shortReason" ? "x" : "ok reason",
      }),
    });
    const page = await response.text();
    const record = await app.store.getSubmission(id);
    expect([response.status, page.includes(escapeHtml(pageText("en")(message))), record?.waivers]).toEqual([
      status,
      true,
      [],
    ]);
  });

  it("answers a page URL that does not exist with an HTML page in the reader's language", async () => {
    const app = await createTestApp();
    const response = await app.request("/topics/9.9", { headers: { "accept-language": "zh-CN,zh;q=0.9" } });
    const page = await response.text();
    expect({
      status: response.status,
      type: response.headers.get("content-type"),
      title: page.match(/<h1 id="error-title">([^<]*)/)?.[1],
      detail: page.match(/<p id="error-detail">([^<]*)/)?.[1],
      api: (await app.request("/api/topics/9.9/submissions")).headers.get("content-type"),
    }).toEqual({
      status: 404,
      type: "text/html; charset=utf-8",
      title: "页面不存在",
      detail: "/topics/9.9 没有页面，或是你无权查看的提交：更早的提交仅本团队和项目官员可见。",
      api: "application/json; charset=utf-8",
    });
  });

  it("hides an earlier submission's report page from the public behind the same 404 page", async () => {
    const app = await createTestApp();
    const first = await upload(app, app.tokens.teamA);
    await upload(app, app.tokens.teamA);
    const response = await app.request(`/submissions/${first}?lang=en`);
    expect([response.status, (await response.text()).match(/<h1 id="error-title">([^<]*)/)?.[1]]).toEqual([
      404,
      "Page not found",
    ]);
  });

  it("opens a session in an HttpOnly SameSite=Strict cookie and closes it", async () => {
    const app = await createTestApp();
    const opened = await app.request("/api/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: app.tokens.example }),
    });
    const setCookie = opened.headers.get("set-cookie") ?? "";
    const session = setCookie.split(";")[0] as string;
    const whoOpen = await (await app.request("/api/session", { headers: { cookie: session } })).json();
    const wrong = await app.request("/api/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: "cc_wrong" }),
    });
    const closed = await app.request("/api/session", { method: "DELETE", headers: { cookie: session } });
    const whoClosed = await (await app.request("/api/session", { headers: { cookie: session } })).json();
    expect({
      opened: [opened.status, await opened.json(), setCookie],
      whoOpen,
      wrong: wrong.status,
      closed: [closed.status, closed.headers.get("set-cookie"), await closed.text()],
      whoClosed,
    }).toEqual({
      opened: [
        200,
        { role: "team", team: EXAMPLE_TEAM },
        `${session}; Path=/; Max-Age=43200; HttpOnly; SameSite=Strict`,
      ],
      whoOpen: { role: "team", team: EXAMPLE_TEAM },
      wrong: 401,
      closed: [204, "claimcheck_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict", ""],
      whoClosed: { role: "public" },
    });
    // The cookie holds a fresh session id, never the token itself.
    expect(session).toMatch(/^claimcheck_session=cs_[A-Za-z0-9_-]{43}$/);
  });
});

// --- internal ---

async function upload(app: TestApp, token: string): Promise<string> {
  // Waits for the verdict: these tests are about the pages of a judged submission, not about the job.
  const response = await app.request("/api/submissions?wait=true", uploadInit(token, smallFields()));
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function signIn(app: TestApp, token: string): Promise<string> {
  const response = await app.request("/api/session", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token }),
  });
  return (response.headers.get("set-cookie") ?? "").split(";")[0] as string;
}
