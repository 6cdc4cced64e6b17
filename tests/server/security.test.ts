import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/model/report.ts";
import { REPORTERS } from "../../src/render/reporters.ts";
import { escapeCsvCell } from "../../src/server/csv-export.ts";
import { createTestApp, head, type TestApp, uploadInit } from "./helpers.ts";

/** Markup that must never reach a page unescaped, each placed where a team controls the text. */
const PAYLOADS = {
  team: `<script>alert("team")</script>`,
  file: "<img src=x onerror=alert(1)>.csv",
  header: "<iframe src=javascript:alert(2)>",
  condition: `"><svg onload=alert(3)>`,
  attestation: "We attest that </td><script>alert(4)</script> runs in production.",
  link: `https://example.org/x?q="><script>alert(5)</script>`,
};
const RAW = [
  "<script>alert(",
  "<img src=x onerror",
  "<iframe src=javascript",
  "<svg onload",
  'href="javascript:',
  "href='javascript:",
];

describe("submitted text is escaped everywhere it is shown (XSS)", () => {
  it("escapes payloads in the team name, file name, column header, claim and deliverables on every page and report", async () => {
    const { app, id, officer } = await submitPayloads();
    const pages = {
      dashboard: await text(app, "/topics/1.2"),
      "dashboard (officer)": await text(app, "/topics/1.2", officer),
      "report page": await text(app, `/api/submissions/${id}/report.html`),
      "upload page": await text(app, "/"),
    };
    const report = ((await (await app.request(`/api/submissions/${id}`)).json()) as { report: Report })
      .report;
    const rendered = {
      ...pages,
      "Markdown report": String(await REPORTERS.md(report)),
      "HTML report": String(await REPORTERS.html(report)),
      "JUnit report": String(await REPORTERS.junit(report)),
    };
    const leaks = Object.entries(rendered).flatMap(([where, page]) =>
      RAW.filter((raw) => page.includes(raw)).map((raw) => `${where}: ${raw}`),
    );
    expect(leaks).toEqual([]);
    // The payloads did reach the pages, escaped: the test would pass vacuously otherwise.
    expect(pages.dashboard).toContain("&lt;script&gt;alert(&quot;team&quot;)&lt;/script&gt;");
    expect(JSON.stringify(report)).toContain(PAYLOADS.condition.slice(2));
  });
});

describe("CSV export is safe against formula injection", () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tTAB", "'\tTAB"],
    ["\r=CR", `"'\r=CR"`],
    ["\n=LF", `"'\n=LF"`],
    [" =1+1", "' =1+1"],
    ["\u3000@SUM(A1)", "'\u3000@SUM(A1)"],
    [" \t-3", "' \t-3"],
    ["p99 = 1.2 s", "p99 = 1.2 s"],
    ["Team, with comma", `"Team, with comma"`],
    ["示例大学", "示例大学"],
  ])("writes %j as %j", (cell, written) => {
    expect(escapeCsvCell(cell)).toBe(written);
  });

  it("keeps numbers as numbers, negative ones too", () => {
    expect([
      escapeCsvCell(-4.97),
      escapeCsvCell(0),
      escapeCsvCell(Number.NaN),
      escapeCsvCell(undefined),
    ]).toEqual(["-4.97", "0", "", ""]);
  });

  it("exports the dashboard with a formula team name defused", async () => {
    const app = await createTestApp({}, undefined, { publicResults: "latest" });
    const token = await app.store.createToken({ role: "team", team: "=1+2" }, "2026-08-01T00:00:00.000Z");
    expect((await app.request("/api/submissions?wait=true", uploadInit(token, small()))).status).toBe(201);
    const response = await app.request("/topics/1.2/export.csv");
    const bytes = new Uint8Array(await response.arrayBuffer());
    const lines = new TextDecoder().decode(bytes).split("\r\n");
    expect([
      response.headers.get("content-type"),
      [...bytes.subarray(0, 3)],
      lines[0],
      lines[1]?.split(",")[1],
    ]).toEqual([
      "text/csv; charset=utf-8",
      [0xef, 0xbb, 0xbf],
      "submission,team,created_at,submission_verdict,requirement,verdict,measured,low,high,unit,claimed,reason",
      "'=1+2",
    ]);
  });
});

describe("tokens", () => {
  it("never echoes a wrong token in the answer", async () => {
    const app = await createTestApp();
    const wrong = "not-a-token-0123456789abcdef0123456789abcdef";
    const response = await app.request("/api/submissions?wait=true", uploadInit(wrong, small()));
    expect([response.status, (await response.text()).includes(wrong)]).toEqual([401, false]);
  });

  it("never writes a token to the log, even when the request fails inside", async () => {
    const logged: string[] = [];
    const app = await createTestApp({}, (line) => logged.push(line));
    await app.store.close(); // every store call now throws: an internal error with the token in hand
    const response = await app.request("/api/submissions?wait=true", uploadInit(app.tokens.teamA, small()));
    expect([response.status, logged.length > 0, logged.join("\n").includes(app.tokens.teamA)]).toEqual([
      500,
      true,
      false,
    ]);
  });
});

// --- internal ---

async function submitPayloads(): Promise<{ app: TestApp; id: string; officer: string }> {
  // An open leaderboard: the pages anyone reads are where injected markup would do harm.
  const app = await createTestApp({}, undefined, { publicResults: "latest" });
  const token = await app.store.createToken(
    { role: "team", team: PAYLOADS.team },
    "2026-08-01T00:00:00.000Z",
  );
  const csv = new TextDecoder()
    .decode(head("1.2-pass/candidate.csv", 300))
    .trimEnd()
    .split("\n")
    .map((line, i) => `${line},${i === 0 ? `"${PAYLOADS.header}"` : "x"}`)
    .join("\n");
  const manifest = [
    'topic: "1.2"',
    `team: ${JSON.stringify(PAYLOADS.team)}`,
    "evidence:",
    `  candidate: ${JSON.stringify(PAYLOADS.file)}`,
    "  baseline: baseline.csv",
    "claims:",
    "  - requirement: 1.2/ttft-p99-regression",
    "    value: -22.68",
    `    conditions: { trace: ${JSON.stringify(PAYLOADS.condition)} }`,
    "deliverables:",
    "  - requirement: 1.2/prototype",
    `    evidence: { attestation: ${JSON.stringify(PAYLOADS.attestation)}, attested_by: ${JSON.stringify(PAYLOADS.team)} }`,
    "  - requirement: 1.2/code-and-docs",
    `    evidence: ${JSON.stringify(PAYLOADS.link)}`,
  ].join("\n");
  const encode = (s: string) => new TextEncoder().encode(s);
  const zip = zipSync({
    "claimcheck.yaml": encode(manifest),
    [PAYLOADS.file]: encode(`${csv}\n`),
    "baseline.csv": head("1.2-pass/baseline.csv", 300),
  });
  const response = await app.request(
    "/api/submissions?wait=true",
    uploadInit(token, { submission: { name: "s.zip", bytes: zip, type: "application/zip" } }),
  );
  const body = (await response.json()) as { id: string };
  if (response.status !== 201) throw new Error(JSON.stringify(body).slice(0, 1500));
  return { app, id: body.id, officer: app.tokens.officer };
}

async function text(app: TestApp, path: string, token?: string): Promise<string> {
  const response = await app.request(
    path,
    token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } },
  );
  expect(response.status).toBe(200);
  return response.text();
}

function small() {
  return {
    topic: "1.2",
    candidate: { name: "candidate.csv", bytes: head("1.2-pass/candidate.csv", 200) },
    baseline: { name: "baseline.csv", bytes: head("1.2-pass/baseline.csv", 200) },
  };
}
