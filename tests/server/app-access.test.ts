import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/model/report.ts";
import { createTestApp, head, smallFields, type TestApp, uploadInit } from "./helpers.ts";

describe("who may read and write what", () => {
  it("lets a team and the officers read the team's history, and nobody else before publication", async () => {
    const app = await createTestApp();
    const earlier = await submit(app, app.tokens.teamB);
    const latest = await submit(app, app.tokens.teamB);
    const status = async (id: string, token?: string) =>
      (await app.request(`/api/submissions/${id}`, auth(token))).status;
    expect({
      teamA: [await status(earlier, app.tokens.teamA), await status(latest, app.tokens.teamA)],
      public: [await status(earlier), await status(latest)],
      teamB: [await status(earlier, app.tokens.teamB), await status(latest, app.tokens.teamB)],
      officer: [await status(earlier, app.tokens.officer), await status(latest, app.tokens.officer)],
    }).toEqual({ teamA: [404, 404], public: [404, 404], teamB: [200, 200], officer: [200, 200] });
    const report = await app.request(`/api/submissions/${latest}/report.html`, auth(app.tokens.teamA));
    expect(report.status).toBe(404);
  });

  it("lists each team's own history, and with --public latest the latest submission of other teams", async () => {
    const app = await createTestApp({}, undefined, { publicResults: "latest" });
    const a1 = await submit(app, app.tokens.teamA);
    const b1 = await submit(app, app.tokens.teamB);
    const a2 = await submit(app, app.tokens.teamA);
    const b2 = await submit(app, app.tokens.teamB);
    const ids = async (token?: string) => {
      const response = await app.request("/api/topics/1.2/submissions", auth(token));
      return ((await response.json()) as { id: string }[]).map((s) => s.id);
    };
    expect({
      teamA: await ids(app.tokens.teamA),
      public: await ids(),
      officer: await ids(app.tokens.officer),
    }).toEqual({ teamA: [a1, a2, b2], public: [a2, b2], officer: [a1, b1, a2, b2] });
  });

  it("refuses a zip whose manifest names another team, and stores nothing", async () => {
    const app = await createTestApp();
    const manifest = 'topic: "1.2"\nteam: Team B\nevidence:\n  candidate: candidate.csv\n';
    const bytes = zipSync({
      "claimcheck.yaml": new TextEncoder().encode(manifest),
      "candidate.csv": head("1.2-pass/candidate.csv", 50),
    });
    const response = await app.request(
      "/api/submissions?wait=true",
      uploadInit(app.tokens.teamA, { submission: { name: "s.zip", bytes, type: "application/zip" } }),
    );
    expect([response.status, await response.json(), await app.store.listSubmissions()]).toEqual([
      403,
      {
        error:
          'claimcheck.yaml is for team "Team B", but this token belongs to team "Team A"; a token submits for its own team only.',
      },
      [],
    ]);
  });

  it("does not let a team waive, and answers 401 without a token and for an unknown one", async () => {
    const app = await createTestApp();
    const id = await submit(app, app.tokens.teamB);
    const waive = (token?: string) =>
      app.request(`/api/submissions/${id}/waivers`, {
        method: "POST",
        headers: { "content-type": "application/json", ...auth(token).headers },
        body: JSON.stringify({ requirement: "1.2/ttft-p99-regression", reason: "because" }),
      });
    expect([
      (await waive(app.tokens.teamA)).status,
      (await waive(app.tokens.teamB)).status,
      (await waive()).status,
      (await waive("cc_not-a-token")).status,
    ]).toEqual([403, 403, 401, 401]);
  });

  it("lets only a team token submit: 401 without a token, 403 for an officer", async () => {
    const app = await createTestApp();
    const noToken = await app.request("/api/submissions?wait=true", uploadInit(undefined, smallFields()));
    const officer = await app.request(
      "/api/submissions?wait=true",
      uploadInit(app.tokens.officer, smallFields()),
    );
    const wrong = await app.request("/api/submissions?wait=true", uploadInit("cc_wrong", smallFields()));
    expect([noToken.status, officer.status, wrong.status, await app.store.listSubmissions()]).toEqual([
      401,
      403,
      401,
      [],
    ]);
  });
});

describe("POST /api/submissions/:id/waivers", () => {
  it("marks the requirement waived with the officer and reason, and recomputes the submission verdict", async () => {
    const app = await createTestApp();
    const id = await submit(app, app.tokens.teamA);
    const before = (await (await app.request(`/api/submissions/${id}`, auth(app.tokens.teamA))).json()) as {
      report: Report;
    };
    const open = before.report.requirements.filter((r) => r.verdict !== "pass");
    let last: Response | undefined;
    for (const r of open) {
      last = await app.request(`/api/submissions/${id}/waivers`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${app.tokens.officer}` },
        body: JSON.stringify({ requirement: r.id, reason: "Measured on the officer cluster" }),
      });
    }
    const after = (await (await app.request(`/api/submissions/${id}`, auth(app.tokens.teamA))).json()) as {
      verdict: string;
      report: Report;
    };
    const waived = after.report.requirements.find((r) => r.id === open[0]?.id);
    expect({
      status: last?.status,
      verdict: [after.verdict, after.report.verdict],
      waived: after.report.counts.waived,
      reason: waived?.reason,
      stored: (await app.store.listSubmissions())[0]?.verdict,
    }).toEqual({
      status: 201,
      verdict: ["pass", "pass"],
      waived: open.length,
      reason: `Waived by Dr. Li on 2026-08-01: Measured on the officer cluster (before the waiver: ${open[0]?.verdict} — ${open[0]?.reason})`,
      stored: "pass",
    });
    const html = await (
      await app.request(`/api/submissions/${id}/report.html`, auth(app.tokens.officer))
    ).text();
    expect(html.match(/Waived by Dr\. Li[^<(]*/)?.[0]).toBe(
      "Waived by Dr. Li on 2026-08-01: Measured on the officer cluster ",
    );
  });

  it("answers 404 for a requirement the report does not have, and 400 without a reason", async () => {
    const app = await createTestApp();
    const id = await submit(app, app.tokens.teamA);
    const post = (body: unknown) =>
      app.request(`/api/submissions/${id}/waivers`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${app.tokens.officer}` },
        body: JSON.stringify(body),
      });
    const unknown = await post({ requirement: "1.2/nope", reason: "because" });
    const noReason = await post({ requirement: "1.2/ttft-p99-regression", reason: " " });
    expect([unknown.status, noReason.status, (await app.store.getSubmission(id))?.waivers]).toEqual([
      404,
      400,
      [],
    ]);
  });
});

// --- internal ---

async function submit(app: TestApp, token: string): Promise<string> {
  const response = await app.request("/api/submissions?wait=true", uploadInit(token, smallFields()));
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

function auth(token?: string): { headers: Record<string, string> } {
  return { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } };
}
