import { createFinding } from "../../model/create-finding.ts";
import type { EvidenceFile } from "../../model/evidence.ts";
import type { QualityEvidence, RunTopic } from "../../model/quality.ts";
import type { DetectInput } from "../format.ts";
import { FindingCollector } from "../text/column-spec.ts";
import { decodeText } from "../text/text.ts";
import type { QualityAdapter } from "./quality-adapter.ts";
import {
  addShortLine,
  emptyTrecFile,
  forEachTrecLine,
  headRecords,
  parseTrecInteger,
  parseTrecNumber,
} from "./trec-lines.ts";

/**
 * A TREC run as trec_eval reads it (`-T trec_results`): `qid iter docno rank sim run_id`, whitespace
 * separated, anything after the sixth field ignored. The rank column is ignored too: trec_eval ranks by
 * `sim`, and its own test file has ranks that disagree with the sims.
 */
export const trecRun: QualityAdapter = {
  id: "trec-run",
  title: "TREC run (trec_eval results: qid Q0 docno rank score tag)",
  kind: "retrieval-run",
  detect: detectTrecRun,
  parse: parseTrecRun,
};

// --- internal ---

const LAYOUT = "qid Q0 docno rank score tag";

function detectTrecRun({ head }: DetectInput): number {
  const records = headRecords(head);
  if (records.length === 0) return 0;
  const shaped = records.every(
    (f) =>
      f.length >= 6 &&
      parseTrecInteger(f[3] as string) !== undefined &&
      parseTrecNumber(f[4] as string) !== undefined,
  );
  return shaped ? 0.8 : 0;
}

interface TopicBuilder {
  docnos: string[];
  scores: number[];
  lines: number[];
  seen: Map<string, number>;
}

function parseTrecRun(file: EvidenceFile): QualityEvidence {
  const text = decodeText(file.path, file.bytes);
  const out = new FindingCollector();
  const topics = new Map<string, TopicBuilder>();
  let runId = "";
  let rows = 0;
  const records = forEachTrecLine(text, (fields, line) => {
    if (fields.length < 6) return addShortLine(out, file.path, line, fields.length, LAYOUT);
    const [qid, , docno, , sim, tag] = fields as [string, string, string, string, string, string];
    const score = parseTrecNumber(sim);
    if (score === undefined) return badScore(out, file.path, line, sim);
    const topic = topicOf(topics, qid);
    const first = topic.seen.get(docno);
    if (first !== undefined) return duplicate(out, file.path, line, qid, docno, first);
    topic.seen.set(docno, line);
    topic.docnos.push(docno);
    topic.scores.push(score);
    topic.lines.push(line);
    runId = tag;
    rows++;
  });
  if (records === 0) throw emptyTrecFile(file.path, LAYOUT);
  return {
    format: trecRun.id,
    kind: "retrieval-run",
    rows,
    retrievalRun: { runId, topics: [...topics].map(([qid, t]) => finishTopic(qid, t)) },
    context: { run_id: runId, topics: topics.size },
    findings: out.finish(file.path),
  };
}

function topicOf(topics: Map<string, TopicBuilder>, qid: string): TopicBuilder {
  let topic = topics.get(qid);
  if (topic === undefined) {
    topic = { docnos: [], scores: [], lines: [], seen: new Map() };
    topics.set(qid, topic);
  }
  return topic;
}

/** A run topic's columns as the metrics read them. */
export function finishTopic(qid: string, topic: Pick<TopicBuilder, "docnos" | "scores" | "lines">): RunTopic {
  return {
    qid,
    docnos: topic.docnos,
    scores: Float64Array.from(topic.scores),
    lines: Int32Array.from(topic.lines),
  };
}

function badScore(out: FindingCollector, path: string, line: number, sim: string): void {
  out.add(
    createFinding(
      "TREC_BAD_SCORE",
      "error",
      `The score "${sim.slice(0, 40)}" (5th field) is not a number; write the retrieval score as a plain decimal.`,
      { path, line, column: "score" },
      { sim: sim.slice(0, 40) },
    ),
  );
}

function duplicate(
  out: FindingCollector,
  path: string,
  line: number,
  qid: string,
  docno: string,
  first: number,
): void {
  // trec_eval stops with "duplicate docs"; de-duplicating silently would change the ranking.
  out.add(
    createFinding(
      "TREC_DUPLICATE_DOC",
      "error",
      `Document ${docno} is retrieved twice for query ${qid} (first on line ${first}); trec_eval rejects such runs, so keep one line per query and document.`,
      { path, line, column: "docno" },
      { docno, qid, first },
    ),
  );
}
