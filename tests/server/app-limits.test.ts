import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../src/server/limits.ts";
import { createTestApp, head, type Part, smallFields, type TestApp, uploadInit } from "./helpers.ts";

const MANIFEST = new TextEncoder().encode(
  'topic: "1.2"\nteam: Team A\nevidence:\n  candidate: candidate.csv\n  baseline: baseline.csv\n',
);
const CANDIDATE = head("1.2-pass/candidate.csv", 200);

describe("upload limits: a clear 4xx for each, and nothing stored", () => {
  it("has the documented defaults", () => {
    expect(DEFAULT_LIMITS).toEqual({
      maxUploadBytes: 64 * 1024 * 1024,
      maxZipEntries: 200,
      maxParts: 64,
      maxUploadsPerHour: 60,
      maxUnzippedBytes: 256 * 1024 * 1024,
    });
  });

  it.each([
    ["a parent-directory path", "../candidate.csv", "../candidate.csv"],
    ["an absolute path", "/etc/candidate.csv", "/etc/candidate.csv"],
    ["a backslash", "runs\\candidate.csv", "runs\\\\candidate.csv"],
  ])("answers 400 for a zip entry with %s (zip slip)", async (_, name, shown) => {
    const app = await createTestApp();
    const bytes = zipSync({ "claimcheck.yaml": MANIFEST, [name]: CANDIDATE });
    const body = await expectRejected(app, { submission: zip(bytes) }, 400);
    expect(body.error).toBe(
      `The zip entry "${JSON.parse(`"${shown}"`)}" has an unsafe path (absolute, "..", a backslash or a control character); zip the files with relative paths.`,
    );
  });

  it("answers 400 when the manifest points outside the zip", async () => {
    const app = await createTestApp();
    const manifest = new TextEncoder().encode(
      'topic: "1.2"\nteam: Team A\nevidence:\n  candidate: ../../etc/passwd\n',
    );
    const body = await expectRejected(
      app,
      { submission: zip(zipSync({ "claimcheck.yaml": manifest })) },
      422,
    );
    expect(body.findings).toEqual([
      {
        code: "ZIP_EVIDENCE_NOT_FOUND",
        params: {
          resolved:
            '"../../etc/passwd" points outside the zip; put the file in the zip and name it relative to claimcheck.yaml.',
          role: "candidate",
        },
        severity: "error",
        message:
          'evidence.candidate: "../../etc/passwd" points outside the zip; put the file in the zip and name it relative to claimcheck.yaml.',
        location: { path: "claimcheck.yaml", line: 4, column: "evidence.candidate" },
      },
    ]);
  });

  it("answers 413 for a zip that inflates past the limit, even when it declares a small size", async () => {
    const app = await createTestApp({ maxUnzippedBytes: 1024 * 1024 });
    const bomb = zipSync({ "claimcheck.yaml": MANIFEST, "candidate.csv": new Uint8Array(8 << 20) });
    const bytes = declareSize(bomb, "candidate.csv", 100);
    const body = await expectRejected(app, { submission: zip(bytes) }, 413);
    expect(body.error).toBe(
      'The zip inflates to more than 1 MiB (stopped while inflating "candidate.csv"); submit smaller files.',
    );
  });

  it("answers 400 for a zip with more than 200 entries", async () => {
    const app = await createTestApp();
    const files = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`f${i}.csv`, new Uint8Array(1)]));
    const body = await expectRejected(
      app,
      { submission: zip(zipSync({ "claimcheck.yaml": MANIFEST, ...files })) },
      400,
    );
    expect(body.error).toBe(
      "The zip has 202 entries; at most 200 are accepted. Zip only the manifest and the evidence files.",
    );
  });

  it("answers 413 for an upload larger than the limit", async () => {
    const app = await createTestApp({ maxUploadBytes: 64 * 1024 });
    const body = await expectRejected(app, smallFields(), 413, head("1.2-pass/candidate.csv", 2000));
    expect(body.error).toBe("The upload is larger than 64 KiB; submit smaller files.");
  });

  it("answers 400 for a damaged zip", async () => {
    const app = await createTestApp();
    const bytes = zipSync({ "claimcheck.yaml": MANIFEST, "candidate.csv": CANDIDATE }).slice(0, 300);
    const body = await expectRejected(app, { submission: zip(bytes) }, 400);
    expect(body.error).toBe(
      "The submission is not a readable zip file; create it again with `zip -r submission.zip .`.",
    );
  });

  it.each([
    ["a PNG as the candidate", { candidate: { name: "plot.png", bytes: CANDIDATE, type: "image/png" } }],
    ["a binary file as the candidate", { candidate: { name: "x.csv", bytes: new Uint8Array([0x50, 0, 1]) } }],
    ["a CSV in the zip field", { submission: { name: "s.zip", bytes: CANDIDATE, type: "application/zip" } }],
  ])("answers 415 for %s", async (_, fields) => {
    const app = await createTestApp();
    await expectRejected(app, { topic: "1.2", ...fields }, 415);
  });

  it("answers 415 for a body that is not multipart", async () => {
    const app = await createTestApp();
    const response = await app.request("/api/submissions", {
      method: "POST",
      headers: { authorization: `Bearer ${app.tokens.teamA}`, "content-type": "application/json" },
      body: "{}",
    });
    expect(response.status).toBe(415);
  });

  it.each([
    ["an unknown field", { ...smallFields(), colour: "red" }],
    ["an unknown role", { ...smallFields(), extra: { name: "x.csv", bytes: CANDIDATE } }],
    ["no topic", { candidate: { name: "c.csv", bytes: CANDIDATE } }],
    ["an unknown topic", { topic: "9.9", candidate: { name: "c.csv", bytes: CANDIDATE } }],
    ["no file", { topic: "1.2" }],
    [
      "a zip and files together",
      { ...smallFields(), submission: zip(zipSync({ "claimcheck.yaml": MANIFEST })) },
    ],
  ])("answers 400 for %s", async (_, fields) => {
    const app = await createTestApp();
    await expectRejected(app, fields as Record<string, Part>, 400);
  });
});

// --- internal ---

function zip(bytes: Uint8Array): Part {
  return { name: "submission.zip", bytes, type: "application/zip" };
}

/** Uploads, expects `status`, and checks that neither a submission nor the candidate's bytes were stored. */
async function expectRejected(
  app: TestApp,
  fields: Record<string, Part>,
  status: number,
  candidate?: Uint8Array,
): Promise<{ error: string; findings?: unknown }> {
  const all =
    candidate === undefined ? fields : { ...fields, candidate: { name: "candidate.csv", bytes: candidate } };
  const response = await app.request("/api/submissions?wait=true", uploadInit(app.tokens.teamA, all));
  const body = (await response.json()) as { error: string; findings?: unknown };
  const sha = new Uint8Array(await crypto.subtle.digest("SHA-256", CANDIDATE));
  const hex = [...sha].map((b) => b.toString(16).padStart(2, "0")).join("");
  expect([response.status, await app.store.listSubmissions(), await app.store.readInput(hex)]).toEqual([
    status,
    [],
    undefined,
  ]);
  return body;
}

/** Rewrites the declared uncompressed size of one zip entry (local header and central directory) to `size`. */
function declareSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const named = (at: number) => new TextDecoder().decode(out.subarray(at, at + name.length)) === name;
  for (let at = 0; at + 4 <= out.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50 && named(at + 30)) view.setUint32(at + 22, size, true);
    if (signature === 0x02014b50 && named(at + 46)) view.setUint32(at + 24, size, true);
  }
  return out;
}
