import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/model/report.ts";
import { createTestApp, passFields, uploadInit } from "./helpers.ts";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("POST /api/submissions with compressed evidence", () => {
  it("judges gzip files as their plain text, and hashes the files as submitted", async () => {
    const app = await createTestApp();
    const plain = passFields();
    const gzipped = Object.fromEntries(
      Object.entries(plain).map(([field, part]) =>
        typeof part === "string"
          ? [field, part]
          : [field, { name: `${part.name}.gz`, bytes: gzipSync(part.bytes), type: "application/gzip" }],
      ),
    );
    const upload = async (fields: typeof plain) => {
      const response = await app.request("/api/submissions?wait=true", uploadInit(app.tokens.teamA, fields));
      return [response.status, ((await response.json()) as { report: Report }).report] as const;
    };
    const [plainStatus, plainReport] = await upload(plain);
    const [gzipStatus, gzipReport] = await upload(gzipped);
    const submitted = (name: string) => gzipped[name] as { bytes: Uint8Array };
    expect([gzipStatus, gzipReport.inputs.map((i) => [i.role, i.path, i.sha256])]).toEqual([
      201,
      [
        ["candidate", "candidate.csv.gz", sha256(submitted("candidate").bytes)],
        ["baseline", "baseline.csv.gz", sha256(submitted("baseline").bytes)],
      ],
    ]);
    // Apart from names and hashes, the two reports are the same judgement.
    expect([plainStatus, gzipReport.requirements, gzipReport.verdict]).toEqual([
      201,
      plainReport.requirements,
      plainReport.verdict,
    ]);
  });
});
