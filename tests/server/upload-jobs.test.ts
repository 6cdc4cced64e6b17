import { describe, expect, it, onTestFinished } from "vitest";
import { createApp } from "../../src/server/app.ts";
import { createSqliteStore } from "../../src/store/sqlite-store.ts";
import { badCandidate, createTestApp, passFields, smallFields, type TestApp, uploadInit } from "./helpers.ts";

describe("uploads verified as jobs", () => {
  it("answers 202 with the status URL at once, then the status says done and the submission has its report", async () => {
    const app = await createTestApp();
    const response = await app.request("/api/submissions", uploadInit(app.tokens.teamA, smallFields()));
    const body = (await response.json()) as { id: string };
    expect([response.status, response.headers.get("location"), body]).toEqual([
      202,
      `/api/submissions/${body.id}/status`,
      {
        id: body.id,
        topic: "1.2",
        team: "Team A",
        status: "queued",
        attempts: 0,
        created_at: "2026-08-01T10:00:00.000Z",
        links: {
          status: `/api/submissions/${body.id}/status`,
          self: `/api/submissions/${body.id}`,
          report_html: `/api/submissions/${body.id}/report.html`,
        },
      },
    ]);
    const status = await settle(app, app.tokens.teamA, body.id);
    const submission = await app.request(`/api/submissions/${body.id}`, auth(app.tokens.teamA));
    const report = ((await submission.json()) as { verdict: string }).verdict;
    expect([status.status, status.attempts, submission.status, report]).toEqual([
      "done",
      1,
      200,
      (await app.store.getSubmission(body.id))?.verdict,
    ]);
  });

  it("shows a failed upload's findings (file, line, column) to its team, and its status to no one else", async () => {
    const app = await createTestApp();
    const fields = { ...passFields(badCandidate()) };
    const response = await app.request("/api/submissions", uploadInit(app.tokens.teamA, fields));
    const { id } = (await response.json()) as { id: string };
    const status = await settle(app, app.tokens.teamA, id);
    const pending = await app.request(`/api/submissions/${id}`, auth(app.tokens.teamA));
    expect([response.status, status.status, status.error, status.findings?.[0], pending.status]).toEqual([
      202,
      "failed",
      "The evidence has 1 error; nothing was judged or stored. Fix the rows listed and upload again.",
      {
        code: "CSV_BAD_NUMBER",
        params: { cell: "160.189 ms", unit: "milliseconds", variant: "serving_cells_1" },
        severity: "error",
        message:
          '"160.189 ms" is not a plain number; write the value in milliseconds without units or separators.',
        location: { path: "candidate.csv", line: 5, column: "ttft_ms" },
      },
      422,
    ]);
    const others = await Promise.all([
      app.request(`/api/submissions/${id}/status`, auth(app.tokens.teamB)),
      app.request(`/api/submissions/${id}/status`),
      app.request(`/api/submissions/${id}`, auth(app.tokens.teamB)),
      app.request(`/api/submissions/${id}/status`, auth(app.tokens.officer)),
    ]);
    expect(others.map((r) => r.status)).toEqual([404, 404, 404, 200]);
  });

  it("never parses evidence on the request path: with no worker running, even a bad file is accepted and stays queued", async () => {
    const store = createSqliteStore(":memory:");
    onTestFinished(() => store.close());
    const token = await store.createToken({ role: "team", team: "Team A" }, "2026-08-01T00:00:00.000Z");
    const handle = createApp({ store, log: () => {} });
    const response = await handle(
      new Request("http://claimcheck.test/api/submissions", uploadInit(token, passFields(badCandidate()))),
    );
    const { id } = (await response.json()) as { id: string };
    expect([response.status, (await store.getUpload(id))?.status, await store.listSubmissions()]).toEqual([
      202,
      "queued",
      [],
    ]);
  });
});

// --- internal ---

function auth(token: string): RequestInit {
  return { headers: { authorization: `Bearer ${token}` } };
}

interface StatusBody {
  status: string;
  attempts: number;
  error?: string;
  findings?: unknown[];
}

/** Polls the status URL as the upload page does, until the job has ended. */
async function settle(app: TestApp, token: string, id: string): Promise<StatusBody> {
  for (let i = 0; i < 600; i++) {
    const body = (await (
      await app.request(`/api/submissions/${id}/status`, auth(token))
    ).json()) as StatusBody;
    if (body.status === "done" || body.status === "failed") return body;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`upload ${id} did not end`);
}
