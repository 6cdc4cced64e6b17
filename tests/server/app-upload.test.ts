import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { verify } from "../../src/cli/commands/verify.ts";
import type { Report } from "../../src/model/report.ts";
import {
  badCandidate,
  createTestApp,
  EXAMPLE_TEAM,
  FIXTURES,
  fixture,
  passFields,
  uploadInit,
} from "./helpers.ts";

describe("POST /api/submissions", () => {
  it("answers 201 with the id and the report, judged as the CLI judges the same files", async () => {
    const app = await createTestApp();
    const response = await app.request(
      "/api/submissions?wait=true",
      uploadInit(app.tokens.teamA, passFields()),
    );
    const body = (await response.json()) as { id: string; report: Report };
    const expected = await verify({
      topic: "1.2",
      files: {
        candidate: fileURLToPath(new URL("1.2-pass/candidate.csv", FIXTURES)),
        baseline: fileURLToPath(new URL("1.2-pass/baseline.csv", FIXTURES)),
      },
    });
    expect([response.status, response.headers.get("location")]).toEqual([201, `/api/submissions/${body.id}`]);
    expect(body).toEqual({
      id: body.id,
      topic: "1.2",
      team: "Team A",
      created_at: "2026-08-01T10:00:00.000Z",
      verdict: expected.verdict,
      published: false,
      waivers: [],
      links: {
        self: `/api/submissions/${body.id}`,
        report_html: `/api/submissions/${body.id}/report.html`,
        dashboard: "/topics/1.2",
      },
      report: {
        ...expected,
        generatedAt: body.report.generatedAt,
        submission: { ...expected.submission, team: "Team A" },
        inputs: expected.inputs.map((i) => ({ ...i, path: `${i.role}.csv` })),
      },
    });
    expect((await app.store.getSubmission(body.id))?.inputs.map((i) => [i.role, i.path, i.size])).toEqual([
      ["candidate", "candidate.csv", fixture("1.2-pass/candidate.csv").length],
      ["baseline", "baseline.csv", fixture("1.2-pass/baseline.csv").length],
    ]);
  });

  it("answers 422 with the file, line and column of a bad cell, and stores nothing", async () => {
    const app = await createTestApp();
    const response = await app.request(
      "/api/submissions?wait=true",
      uploadInit(app.tokens.teamA, passFields(badCandidate())),
    );
    const body = (await response.json()) as Record<string, unknown>;
    expect([response.status, body.error, body.findings, body.inputs]).toEqual([
      422,
      "The evidence has 1 error; nothing was judged or stored. Fix the rows listed and upload again.",
      [
        {
          code: "CSV_BAD_NUMBER",
          params: {
            cell: "160.189 ms",
            unit: "milliseconds",
            variant: "serving_cells_1",
          },
          severity: "error",
          message:
            '"160.189 ms" is not a plain number; write the value in milliseconds without units or separators.',
          location: { path: "candidate.csv", line: 5, column: "ttft_ms" },
        },
      ],
      [
        { role: "candidate", path: "candidate.csv" },
        { role: "baseline", path: "baseline.csv" },
      ],
    ]);
    expect(await app.store.listSubmissions()).toEqual([]);
  });

  it("accepts a zipped submission and judges it exactly as `claimcheck verify claimcheck.yaml` does", async () => {
    const app = await createTestApp();
    const response = await app.request(
      "/api/submissions?wait=true",
      uploadInit(app.tokens.example, { submission: passZip() }),
    );
    const body = (await response.json()) as { team: string; report: Report };
    const expected = await verify({ manifest: fileURLToPath(new URL("1.2-pass/claimcheck.yaml", FIXTURES)) });
    expect([response.status, body.team, body.report]).toEqual([
      201,
      EXAMPLE_TEAM,
      { ...expected, generatedAt: body.report.generatedAt },
    ]);
  });

  it("accepts a zip whose files sit in one top folder", async () => {
    const app = await createTestApp();
    const files = Object.fromEntries(
      Object.entries(passFiles()).map(([name, bytes]) => [`my-run/${name}`, bytes]),
    );
    const zip = { name: "run.zip", bytes: zipSync(files), type: "application/zip" };
    const response = await app.request(
      "/api/submissions?wait=true",
      uploadInit(app.tokens.example, { submission: zip }),
    );
    expect(response.status).toBe(201);
  });

  it("answers 422 pointing at the manifest line when the zip lacks an evidence file", async () => {
    const app = await createTestApp();
    const manifest = `topic: "1.2"\nteam: ${EXAMPLE_TEAM}\nevidence:\n  candidate: candidate.csv\n  baseline: runs/baseline.csv\n`;
    const files = {
      "claimcheck.yaml": new TextEncoder().encode(manifest),
      "candidate.csv": fixture("1.2-pass/candidate.csv"),
    };
    const zip = { name: "s.zip", bytes: zipSync(files), type: "application/zip" };
    const response = await app.request(
      "/api/submissions?wait=true",
      uploadInit(app.tokens.example, { submission: zip }),
    );
    expect([response.status, await response.json()]).toEqual([
      422,
      {
        error: "claimcheck.yaml names evidence the zip does not hold.",
        findings: [
          {
            code: "ZIP_EVIDENCE_NOT_FOUND",
            params: {
              resolved:
                '"runs/baseline.csv" is not in the zip; add it, or fix the path (it is relative to claimcheck.yaml).',
              role: "baseline",
            },
            severity: "error",
            message:
              'evidence.baseline: "runs/baseline.csv" is not in the zip; add it, or fix the path (it is relative to claimcheck.yaml).',
            location: { path: "claimcheck.yaml", line: 5, column: "evidence.baseline" },
          },
        ],
      },
    ]);
    expect(await app.store.listSubmissions()).toEqual([]);
  });

  it("answers 422 with the YAML line of a broken manifest", async () => {
    const app = await createTestApp();
    const manifest = new TextEncoder().encode(`topic: "1.2"\nteam: ${EXAMPLE_TEAM}\nclaims: 5\n`);
    const zip = { name: "s.zip", bytes: zipSync({ "claimcheck.yaml": manifest }), type: "application/zip" };
    const response = await app.request(
      "/api/submissions?wait=true",
      uploadInit(app.tokens.example, { submission: zip }),
    );
    const body = (await response.json()) as { findings: { location: unknown }[] };
    expect([response.status, body.findings.map((f) => f.location)]).toEqual([
      422,
      [{ path: "claimcheck.yaml", line: 3, column: "claims" }],
    ]);
  });
});

// --- internal ---

/** Every file of fixtures/1.2-pass: its claimcheck.yaml and the evidence it names. */
function passFiles(): Record<string, Uint8Array> {
  const names = readdirSync(new URL("1.2-pass/", FIXTURES));
  return Object.fromEntries(names.map((name) => [name, fixture(`1.2-pass/${name}`)]));
}

function passZip() {
  return { name: "submission.zip", bytes: zipSync(passFiles()), type: "application/zip" };
}
