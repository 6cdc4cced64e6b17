import { writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it, onTestFinished } from "vitest";
import { servingCsvOfVllm, vllmDetailedJson } from "../../scripts/synthetic-vllm.mjs";
import { verify } from "../../src/cli/commands/verify.ts";
import type { Report } from "../../src/model/report.ts";

// 12 000 requests make a 9 MB result JSON (past the size at which it is streamed) and a 4 MB gzip of
// it (streamed too); the CSVs of the same requests are read whole. Four different read paths.
const ROWS = 12_000;
const SIDES = {
  baseline: { seed: 12, rows: ROWS },
  candidate: { seed: 13, workloadSeed: 12, rows: ROWS, scale: 0.98 },
};

async function writeSides(dir: string, kind: "json" | "csv", gzip: boolean): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const [role, options] of Object.entries(SIDES)) {
    const text = [...(kind === "json" ? vllmDetailedJson(options) : servingCsvOfVllm(options))].join("");
    const path = join(dir, `${role}.${kind}${gzip ? ".gz" : ""}`);
    writeFileSync(path, gzip ? gzipSync(text) : text);
    files[role] = path;
  }
  return files;
}

/** The report without what names the files: paths, hashes, sizes, formats, and the run time. */
function comparable(report: Report, dir: string): unknown {
  const text = JSON.stringify({ ...report, generatedAt: "", inputs: report.inputs.map((i) => i.role) });
  return JSON.parse(
    text.replaceAll(dir, "DIR").replace(/(baseline|candidate)\.(csv|json)(\.gz)?/g, "$1.FILE"),
  );
}

describe("the same requests in four files", () => {
  it("give identical reports from the canonical CSV, vLLM detailed JSON, and the gzip of each (but ITL, which the CSV cannot hold)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "claimcheck-same-"));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const reports: Record<string, unknown> = {};
    for (const kind of ["csv", "json"] as const)
      for (const gzip of [false, true]) {
        const files = await writeSides(dir, kind, gzip);
        const report = await verify({ topic: "1.2", files });
        // The canonical CSV has no ITL column; vLLM's per-chunk gaps give the JSON one. Everything else must match.
        const withoutItl = {
          ...report,
          statistics: report.statistics?.filter((s) => s.metric !== "itl_ms"),
        };
        reports[`${kind}${gzip ? ".gz" : ""}`] = comparable(withoutItl as Report, dir);
      }
    expect(reports["json"]).toEqual(reports["csv"]);
    expect(reports["csv.gz"]).toEqual(reports["csv"]);
    expect(reports["json.gz"]).toEqual(reports["csv"]);
  }, 120_000);
});
