import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { trecQrels } from "../../src/formats/quality/trec-qrels.ts";
import { prepareInput } from "../../src/judge/prepare-input.ts";
import { evaluateRetrieval } from "../../src/measure/quality/retrieval.ts";
import type { QualityEvidence } from "../../src/model/quality.ts";

/**
 * Genuine retrieval files (see quality/SOURCES.md): BEIR's SciFact qrels as BEIR ships them (CRLF,
 * header), and the first 100 lines of Anserini's BM25 run on MS MARCO passage dev (small). Expected
 * counts were read with Python's csv module the way BEIR's GenericDataLoader reads qrels.
 */
describe("quality corpus: BEIR qrels and an MS MARCO run", () => {
  it("holds an expectation for every file in the folder", () => {
    expect(FILES.sort()).toEqual([...Object.keys(QRELS), RUN].sort());
  });

  it.each(Object.keys(QRELS))("%s: judgments, queries, levels and the most judged query", (name) => {
    const input = prepareInput({ role: "qrels", file: read(name), sha256: "" });
    const topics = (input.parsed as QualityEvidence).qrels?.topics ?? new Map();
    const levels = new Map<number, number>();
    for (const judged of topics.values())
      for (const rel of judged.values()) levels.set(rel, (levels.get(rel) ?? 0) + 1);
    const most = QRELS[name]?.most as [string, string[]];
    expect({
      format: input.format,
      rows: input.rows,
      queries: topics.size,
      levels: [...levels],
      most: [most[0], [...(topics.get(most[0])?.keys() ?? [])].sort()],
      findings: input.parsed.findings,
    }).toEqual({ ...QRELS[name], format: "beir-qrels", findings: [] });
  });

  it("reads the MS MARCO run in rank order, and the reciprocal rank of its query is 1 against the dev qrels", () => {
    const input = prepareInput({ role: "candidate", file: read(RUN), sha256: "" });
    const run = (input.parsed as QualityEvidence).retrievalRun;
    const topic = run?.topics[0];
    // qrels.dev.small.tsv holds one judgment for this query, `1048585 0 7187158 1`, as Anserini's
    // docs/experiments-msmarco-passage.md prints it.
    const qrels = trecQrels.parse({
      path: "qrels.dev.small.tsv",
      bytes: new TextEncoder().encode("1048585\t0\t7187158\t1\n"),
    });
    const rr = evaluateRetrieval(run ?? { runId: "", topics: [] }, qrels.qrels ?? { topics: new Map() }, {
      name: "recip_rank",
    });
    expect({
      format: input.format,
      rows: input.rows,
      queries: run?.topics.map((t) => t.qid),
      top3: topic?.docnos.slice(0, 3),
      scores: [topic?.scores[0], topic?.scores[1], topic?.scores[99]],
      last: topic?.docnos[99],
      rr: [...rr.values],
      findings: input.parsed.findings,
    }).toEqual({
      format: "msmarco-run",
      rows: 100,
      queries: ["1048585"],
      top3: ["7187158", "7187157", "7187163"],
      scores: [1, 0.5, 0.01],
      last: "49829",
      rr: [1],
      findings: [],
    });
  });
});

// --- internal ---

const QRELS: Record<
  string,
  { rows: number; queries: number; levels: Array<[number, number]>; most: [string, string[]] }
> = {
  "beir-scifact-test-qrels.tsv": {
    rows: 339,
    queries: 300,
    levels: [[1, 339]],
    most: ["133", ["12640810", "16280642", "17934082", "38485364", "6969753"]],
  },
  "beir-scifact-train-qrels.tsv": {
    rows: 919,
    queries: 809,
    levels: [[1, 919]],
    most: ["378", ["10534299", "11886686", "17150648", "25007443", "45154987"]],
  },
};
const RUN = "msmarco-passage-dev-small-bm25-run-top100.tsv";

const DIR = new URL("./quality/", import.meta.url);
const FILES = readdirSync(DIR).filter((name) => name !== "SOURCES.md");

function read(name: string) {
  return { path: name, bytes: readFileSync(new URL(name, DIR)) };
}
