import { createHash } from "node:crypto";
import type { NewUpload } from "../../src/store/upload.ts";
import { head } from "../server/helpers.ts";

/** A quick-mode upload of the first `rows` requests of fixtures/1.2-pass, as the server stores it. */
export function queuedUpload(rows: number): NewUpload {
  const input = (role: string, fixture: string) => {
    const bytes = head(fixture, rows);
    return { role, path: `${role}.csv`, sha256: createHash("sha256").update(bytes).digest("hex"), bytes };
  };
  return {
    topic: "1.2",
    team: "Team A",
    createdAt: "2026-08-01T10:00:00.000Z",
    mode: "quick",
    inputs: [input("candidate", "1.2-pass/candidate.csv"), input("baseline", "1.2-pass/baseline.csv")],
  };
}
