import { readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it, onTestFinished } from "vitest";
import {
  aiperfJsonlOfVllm,
  genaiPerfExportOfVllm,
  llmperfResponsesOfVllm,
} from "../../scripts/synthetic-serving-json.mjs";
import { servingCsvOfVllm, type VllmTraceOptions, vllmDetailedJson } from "../../scripts/synthetic-vllm.mjs";
import { verify } from "../../src/cli/commands/verify.ts";
import type { FormatAdapter } from "../../src/formats/format.ts";
import { aiperfJsonl } from "../../src/formats/serving/aiperf.ts";
import { genaiPerfExport } from "../../src/formats/serving/genai-perf.ts";
import { llmperfResponses } from "../../src/formats/serving/llmperf.ts";
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
    text.replaceAll(dir, "DIR").replace(/(baseline|candidate)\.(csv|jsonl|json)(\.gz)?/g, "$1.FILE"),
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

/** The seeded requests of both sides as another tool's per-request file, and the adapter that reads it. */
const OTHER_TOOLS: Record<
  string,
  { write: (options: VllmTraceOptions) => Iterable<string>; ext: string; adapter: FormatAdapter }
> = {
  "AIPerf profile_export.jsonl": { write: aiperfJsonlOfVllm, ext: "jsonl", adapter: aiperfJsonl },
  "LLMPerf individual responses": { write: llmperfResponsesOfVllm, ext: "json", adapter: llmperfResponses },
  "GenAI-Perf profile_export.json": { write: genaiPerfExportOfVllm, ext: "json", adapter: genaiPerfExport },
};

async function reportOf(
  dir: string,
  write: (options: VllmTraceOptions) => Iterable<string>,
  ext: string,
): Promise<Report> {
  const files: Record<string, string> = {};
  for (const [role, options] of Object.entries(SIDES)) {
    files[role] = join(dir, `${role}.${ext}`);
    writeFileSync(files[role], [...write(options)].join(""));
  }
  return verify({ topic: "1.2", files });
}

/** Every number of `value` as "within 5 × 10⁻⁶" (a nanosecond clock's rounding, in ms), the rest exact. */
function nearly(value: unknown): unknown {
  if (typeof value === "number") return expect.closeTo(value, 5);
  if (Array.isArray(value)) return value.map(nearly);
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, nearly(v)]));
  return value;
}

describe("the same requests in the per-request files of other tools", () => {
  it("give the canonical CSV's report, each file read as it streams in; ITL, which the CSV cannot hold, agrees between them", async () => {
    const dir = await mkdtemp(join(tmpdir(), "claimcheck-same-tools-"));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const withoutItl = (report: Report) =>
      comparable(
        { ...report, statistics: report.statistics?.filter((s) => s.metric !== "itl_ms") } as Report,
        dir,
      );
    const csv = withoutItl(await reportOf(dir, servingCsvOfVllm, "csv"));
    const reports: Record<string, unknown> = {};
    const itl: Record<string, Report["statistics"]> = {};
    const streamed: Record<string, boolean> = {};
    for (const [tool, { write, ext, adapter }] of Object.entries(OTHER_TOOLS)) {
      const report = await reportOf(dir, write, ext);
      reports[tool] = withoutItl(report);
      itl[tool] = report.statistics?.filter((s) => s.metric === "itl_ms");
      // The files are past the streaming size: verify read them with parseChunks, unless it stepped aside.
      const bytes = new Uint8Array(readFileSync(join(dir, `baseline.${ext}`)));
      streamed[tool] =
        bytes.length > 8 << 20 && adapter.parseChunks?.("b", [bytes], bytes.length) !== undefined;
    }
    // AIPerf writes the CSV's very numbers in ms (TPOT = (E2E − TTFT)/(OSL − 1), as derived from the CSV),
    // LLMPerf in seconds (× 1000 gives the same doubles): their reports are the CSV's, number for number.
    // LLMPerf records no send time per request; nothing topic 1.2 judges reads it.
    expect(reports["AIPerf profile_export.jsonl"]).toEqual(csv);
    expect(reports["LLMPerf individual responses"]).toEqual(csv);
    // perf_analyzer stamps each response in integer ns: every time, and so every statistic, bound and
    // relative change, is the CSV's to within a nanosecond or two (5 × 10⁻⁶ ms). Its token counts come
    // from the server's usage chunk, which a failed request lacks; nothing else differs.
    expect(reports["GenAI-Perf profile_export.json"]).toEqual(nearly(csv));
    expect(itl["LLMPerf individual responses"]).toEqual(nearly(itl["AIPerf profile_export.jsonl"]));
    expect(itl["GenAI-Perf profile_export.json"]).toEqual(nearly(itl["AIPerf profile_export.jsonl"]));
    expect(itl["AIPerf profile_export.jsonl"]?.length).toBe(2);
    expect(streamed).toEqual(Object.fromEntries(Object.keys(OTHER_TOOLS).map((tool) => [tool, true])));
  }, 300_000);
});
