import { createFinding } from "../../model/create-finding.ts";
import type { EvidenceFile } from "../../model/evidence.ts";
import type { QualityEvidence, RunTopic } from "../../model/quality.ts";
import type { DetectInput } from "../format.ts";
import { FindingCollector } from "../text/column-spec.ts";
import { decodeText, splitLines } from "../text/text.ts";
import type { QualityAdapter } from "./quality-adapter.ts";
import { addShortLine, emptyTrecFile, headRecords, parseTrecInteger } from "./trec-lines.ts";
import { finishTopic } from "./trec-run.ts";

/**
 * An MS MARCO ranking run (`qid<TAB>pid<TAB>rank`, the leaderboard submission format) as the official
 * `ms_marco_eval.py` reads it: the passage of rank r goes to slot r − 1 of its query's list, so the
 * order is the rank column's, not the file's, and a run has no scores. The same evidence as a TREC
 * run, with score = 1 / rank (pyserini's conversion to TREC runs does the same): the metrics, which
 * order by score, then order by rank, and no two passages of a query tie because a repeated rank is
 * an error (the official script would silently keep the later line).
 */
export const msmarcoRun: QualityAdapter = {
  id: "msmarco-run",
  title: "MS MARCO run TSV (qid, pid, rank)",
  kind: "retrieval-run",
  detect: detectMsmarcoRun,
  parse: parseMsmarcoRun,
};

// --- internal ---

const LAYOUT = "qid pid rank";

interface TopicBuilder {
  docnos: string[];
  scores: number[];
  lines: number[];
  seen: Map<string, number>;
  ranks: Map<number, number>;
}

/** Three tab-separated fields, integer ranks that grow within a query (BEIR qrels without a header hold 1s). */
function detectMsmarcoRun({ head }: DetectInput): number {
  const lines = head.split("\n").slice(0, 6);
  const records = headRecords(head);
  if (records.length < 2 || !lines.slice(0, records.length).every((l) => l.split("\t").length === 3))
    return 0;
  const ranks = records.map((f) => (f.length === 3 ? parseTrecInteger(f[2] as string) : undefined));
  if (ranks.some((r) => r === undefined || r < 1)) return 0;
  const growing = records.every(
    (f, i) => i === 0 || f[0] !== records[i - 1]?.[0] || (ranks[i] as number) > (ranks[i - 1] as number),
  );
  return growing && ranks.some((r) => (r as number) > 1) ? 0.75 : 0;
}

function parseMsmarcoRun(file: EvidenceFile): QualityEvidence {
  const lines = splitLines(decodeText(file.path, file.bytes));
  const out = new FindingCollector();
  const topics = new Map<string, TopicBuilder>();
  let rows = 0;
  let records = 0;
  for (let i = 0; i < lines.length; i++) {
    // The official reader strips the line, then splits on tabs.
    const text = (lines[i] as string).trim();
    if (text === "") continue;
    records++;
    const fields = text.split("\t");
    if (fields.length < 3) {
      addShortLine(out, file.path, i + 1, fields.length, LAYOUT);
      continue;
    }
    const [qid, pid, cell] = fields as [string, string, string];
    const rank = parseTrecInteger(cell.trim());
    if (rank === undefined || rank < 1) {
      out.add(
        finding(
          "MSMARCO_BAD_RANK",
          `The rank "${cell.slice(0, 40)}" (3rd column) is not a whole number from 1 up; write 1 for the top passage, 2 for the next, ….`,
          file.path,
          i + 1,
          "rank",
        ),
      );
      continue;
    }
    const topic = topicOf(topics, qid);
    const samePid = topic.seen.get(pid);
    const sameRank = topic.ranks.get(rank);
    if (samePid !== undefined) {
      out.add(
        finding(
          "TREC_DUPLICATE_DOC",
          `Passage ${pid} is ranked twice for query ${qid} (first on line ${samePid}); ms_marco_eval.py rejects such runs ("Cannot rank a passage multiple times"), so keep one line per query and passage.`,
          file.path,
          i + 1,
          "pid",
        ),
      );
      continue;
    }
    if (sameRank !== undefined) {
      out.add(
        finding(
          "MSMARCO_DUPLICATE_RANK",
          `Query ${qid} has two passages at rank ${rank} (first on line ${sameRank}); ms_marco_eval.py keeps only the later one, so the run's order is not defined: give each passage its own rank.`,
          file.path,
          i + 1,
          "rank",
        ),
      );
      continue;
    }
    topic.seen.set(pid, i + 1);
    topic.ranks.set(rank, i + 1);
    topic.docnos.push(pid);
    topic.scores.push(1 / rank);
    topic.lines.push(i + 1);
    rows++;
  }
  if (records === 0) throw emptyTrecFile(file.path, LAYOUT);
  return {
    format: msmarcoRun.id,
    kind: "retrieval-run",
    rows,
    retrievalRun: { runId: "", topics: [...topics].map(([qid, t]) => finishTopic(qid, t)) },
    context: { topics: topics.size, score: "1 / rank" },
    findings: out.finish(file.path),
  };
}

function topicOf(topics: Map<string, TopicBuilder>, qid: string): TopicBuilder {
  let topic = topics.get(qid);
  if (topic === undefined) {
    topic = { docnos: [], scores: [], lines: [], seen: new Map(), ranks: new Map() };
    topics.set(qid, topic);
  }
  return topic;
}

function finding(code: string, message: string, path: string, line: number, column: string) {
  return createFinding(code, "error", message, { path, line, column });
}
